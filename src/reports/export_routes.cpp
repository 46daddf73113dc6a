#include "reports/export_routes.h"

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "core/date.h"
#include "core/table_writer.h"
#include "core/tabular_pdf.h"
#include "core/xlsx_stream.h"
#include "registry/person_export.h"
#include "reports/period.h"
#include "reports/scope.h"

namespace atb::reports {
namespace {

using http::Method;
using http::Request;
using http::Response;
using tabular::Format;

/// The request's parameters as the audit log keeps them.
std::string parameters_text(const Request& req, Format format) {
  std::string text = "format=" + std::string(tabular::format_name(format));
  for (const char* name : {"from", "to", "municipality", "department", "delimiter"}) {
    if (auto v = req.query(name)) text += "&" + std::string(name) + "=" + *v;
  }
  return text;
}

/// The filter of the persons `p` asks for and may list (refusals audited as denied).
Result<registry::PersonExportFilter> persons_filter(const access::Context& ctx,
                                                    const Settings& settings, const Request& req,
                                                    const access::Principal& p, Format format) {
  ATB_TRY(access::may_export_registry(p));
  registry::PersonExportFilter filter;
  if (req.query("from") || req.query("to")) {
    ATB_TRY_ASSIGN(period, parse_period(req.query("from"), req.query("to"), today_riga(), settings.period));
    filter.registered_from = period.from.iso();
    filter.registered_to = period.to.iso();
  }
  const ScopeRequest asked{req.query("municipality"), req.query("department")};
  if (asked.municipality == "national") {
    return Error{Errc::forbidden,
                 Text{"Personu sarakstu var eksportēt tikai savai pašvaldībai.",
                      "The persons list is exported for your own municipality only."},
                 {FieldError{"municipality", Text{"Valsts mērogā personu saraksts nav pieejams.",
                                                  "A national persons list is not available."}}},
                 {}};
  }
  ATB_TRY_ASSIGN(org, ctx.db->read([](storage::Connection& c) { return load_org_facts(c); }));
  auto scope = resolve_scope(p, asked, org);
  if (!scope) {
    if (scope.error().code == Errc::forbidden) {
      ATB_TRY(access::audit_denied(ctx, p, req, "export", "person",
                                   asked.municipality.value_or(std::to_string(p.municipality_id)),
                                   parameters_text(req, format)));
    }
    return std::move(scope).error();
  }
  filter.visible_sql = access::registry_visible_sql(p, access::kPersonTables, "p.id", "p.municipality_id");
  filter.municipality_id = scope->municipality_id;
  filter.department_ids = scope->department_ids;
  return filter;
}

Result<Response> export_persons(const access::Context& ctx, const Settings& settings,
                                const Request& req, const access::Principal& p, Format format) {
  ATB_TRY_ASSIGN(delimiter, tabular::parse_delimiter(req.query("delimiter")));
  ATB_TRY_ASSIGN(filter, persons_filter(ctx, settings, req, p, format));
  ATB_TRY_ASSIGN(count, registry::count_export_persons(*ctx.db, filter));
  if (format == Format::pdf && static_cast<std::size_t>(count) > tabular::kPdfMaxRows)
    return tabular::pdf_too_many_rows();
  if (format == Format::xlsx && static_cast<std::size_t>(count) > tabular::kXlsxMaxRows)
    return tabular::xlsx_too_many_rows();
  const std::string target = std::to_string(filter.municipality_id.value_or(p.municipality_id));
  ATB_TRY(access::audit_action(ctx, p, req, "export", "person", target,
                               parameters_text(req, format) + "; rows=" + std::to_string(count)));
  const bool lv = req.lang == Lang::lv;
  tabular::TableOptions options{lv ? "Personas" : "Persons", delimiter};
  auto header = registry::person_export_header(req.lang);
  auto db = ctx.db;
  Response r = http::streamed(
      std::string(tabular::content_type(format)),
      [db, filter, format, options, header](const http::ChunkSink& sink) -> Result<void> {
        auto writer = tabular::table_writer(format, options, sink);
        ATB_TRY(writer->header(header));
        ATB_TRY(registry::for_each_export_person(
            *db, filter, [&](const std::vector<std::string>& cells) { return writer->row(cells); }));
        return writer->finish();
      });
  const std::string name = std::string(lv ? "personas-" : "persons-") + today_riga().iso() + "." +
                           std::string(tabular::format_name(format));
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Export-Rows", std::to_string(count));
  return r;
}

}  // namespace

void add_export_routes(http::Router& router, const access::Context& ctx, const Settings& settings) {
  for (const Format format : {Format::csv, Format::xlsx, Format::pdf}) {
    const std::string name(tabular::format_name(format));
    router.add(Method::get, "/api/v1/reports/persons." + name,
               access::guarded(ctx,
                               [ctx, settings, format](Request& req, const access::Principal& p) {
                                 return export_persons(ctx, settings, req, p, format);
                               }),
               {.summary = "The persons list the caller may see (director: her municipality; "
                           "department head: her departments) as a streamed " + name +
                           " download; from/to: first registered in the period; department; "
                           "delimiter=semicolon|comma for CSV." +
                           (format == Format::pdf ? " PDF: at most 10,000 rows (else 422)." : ""),
                .tag = "reports",
                .authenticated = true,
                .response_type = std::string(tabular::content_type(format))});
  }
}

}  // namespace atb::reports
