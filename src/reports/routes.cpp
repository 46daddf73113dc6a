#include "reports/routes.h"

#include "access/http_auth.h"
#include "core/date.h"
#include "core/csv_stream.h"
#include "core/tabular_export.h"
#include "core/tabular_pdf.h"
#include "reports/export_routes.h"
#include "reports/statistics_output.h"

namespace atb::reports {
namespace {

using http::Method;
using http::Request;
using http::Response;

/// The request's parameters as the audit log keeps them.
std::string parameters_text(const Request& req) {
  std::string text;
  for (const char* name : {"from", "to", "municipality", "department"}) {
    if (!text.empty()) text += "&";
    text += std::string(name) + "=" + req.query(name).value_or("");
  }
  return text;
}

/// The statistics the request asks for, audited (`action` "read" or "export", `format` for
/// exports).
Result<Statistics> requested(const access::Context& ctx, const Settings& settings,
                             const Request& req, const access::Principal& p,
                             const std::string& action, const std::string& format) {
  ATB_TRY(may_see_statistics(p));
  ATB_TRY_ASSIGN(period,
                 parse_period(req.query("from"), req.query("to"), today_riga(), settings.period));
  const ScopeRequest asked{req.query("municipality"), req.query("department")};
  ATB_TRY_ASSIGN(org, ctx.db->read([](storage::Connection& c) { return load_org_facts(c); }));
  auto scope = resolve_scope(p, asked, org);
  std::string reason = parameters_text(req);
  if (!format.empty()) reason += "&format=" + format;
  if (!scope) {
    if (scope.error().code == Errc::forbidden) {
      const std::string target = asked.municipality && !asked.municipality->empty()
                                     ? *asked.municipality
                                     : std::to_string(p.municipality_id);
      ATB_TRY(access::audit_denied(ctx, p, req, action, "statistics", target, reason));
    }
    return std::move(scope).error();
  }
  ATB_TRY_ASSIGN(stats, ctx.db->read([&](storage::Connection& c) {
    return compute_statistics(c, period, *scope, settings.suppression);
  }));
  const std::string target = scope->national ? "national" : std::to_string(*scope->municipality_id);
  ATB_TRY(access::audit_action(ctx, p, req, action, "statistics", target, reason));
  return stats;
}

Result<Response> download(const access::Context& ctx, const Settings& settings, const Request& req,
                          const access::Principal& p, const std::string& format) {
  ATB_TRY_ASSIGN(delimiter, tabular::parse_delimiter(req.query("delimiter")));
  ATB_TRY_ASSIGN(stats, requested(ctx, settings, req, p, "export", format));
  const Table table = statistics_table(stats, req.lang);
  const bool lv = req.lang == Lang::lv;
  Response r;
  if (format == "csv") {
    r = Response::text(tabular::csv_document(table.header, table.rows, delimiter),
                       "text/csv; charset=utf-8");
  } else if (format == "pdf") {
    const std::string title = (lv ? "Statistika " : "Statistics ") + stats.period.from.iso() +
                              " – " + stats.period.to.iso();
    ATB_TRY_ASSIGN(pdf, tabular::pdf_document(title, table.header, table.rows));
    r = Response::text(std::move(pdf), "application/pdf");
  } else {
    ATB_TRY_ASSIGN(
        xlsx, tabular::xlsx_document(lv ? "Statistika" : "Statistics", table.header, table.rows));
    r = Response::text(std::move(xlsx),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  const std::string name =
      "statistika-" + stats.period.from.iso() + "-" + stats.period.to.iso() + "." + format;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

constexpr const char* kStatisticsSchema = R"({
  "type": "object",
  "required": ["period", "scope", "suppression", "sections"],
  "properties": {
    "period": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"}}},
    "scope": {"type": "object"},
    "suppression": {"type": "object", "properties": {"applied": {"type": "boolean"}, "min_count": {"type": ["integer", "null"]}}},
    "sections": {"type": "object"}
  }
})";

}  // namespace

void add_routes(http::Router& router, const access::Context& ctx, const Settings& settings) {
  router.add(
      Method::get, "/api/v1/reports/statistics",
      access::guarded(
          ctx,
          [ctx, settings](Request& req, const access::Principal& p) -> Result<Response> {
            const std::string format = req.query("format").value_or("json");
            if (format == "csv" || format == "xlsx" || format == "pdf")
              return download(ctx, settings, req, p, format);
            if (format != "json") {
              return Error::invalid_field("format", {"Formāts ir json, csv, xlsx vai pdf.",
                                                     "The format is json, csv, xlsx or pdf."});
            }
            ATB_TRY_ASSIGN(stats, requested(ctx, settings, req, p, "read", ""));
            Response r = Response::json(statistics_json(stats));
            r.headers.emplace_back("Cache-Control", "no-store");
            return r;
          }),
      {.summary =
           "Statistics of a period (from, to) for the caller's municipality or department, or the "
           "national view (municipality=national, small cells suppressed); format=csv|xlsx|pdf "
           "downloads them (delimiter=semicolon|comma for CSV).",
       .tag = "reports",
       .authenticated = true,
       .response_schema = kStatisticsSchema});
  for (const std::string format : {"csv", "xlsx", "pdf"}) {
    router.add(Method::get, "/api/v1/reports/statistics." + format,
               access::guarded(ctx,
                               [ctx, settings, format](Request& req, const access::Principal& p) {
                                 return download(ctx, settings, req, p, format);
                               }),
               {.summary = "The statistics as a " + format + " download (one row per value).",
                .tag = "reports",
                .authenticated = true,
                .response_type =
                    format == "csv"   ? "text/csv"
                    : format == "pdf" ? "application/pdf"
                                      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"});
  }
  add_export_routes(router, ctx, settings);
}

}  // namespace atb::reports
