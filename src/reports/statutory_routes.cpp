#include "reports/statutory_routes.h"

#include <map>

#include "access/http_auth.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "reports/statutory_store.h"

namespace atb::reports {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;
using namespace statutory;
using Defs = std::shared_ptr<const Definitions>;

constexpr const char* kEntity = "statutory_report";

std::string municipality_of(const access::Principal& p) {
  return std::to_string(p.municipality_id);
}

StatisticsScope scope_of(const access::Principal& p) {
  return StatisticsScope{false, p.municipality_id, {}};
}

/// The director only; anyone else is refused and the refusal audited.
Result<void> allowed(const access::Context& ctx, const access::Principal& p, const Request& req,
                     const std::string& action, const std::string& reason) {
  auto may = may_report(p);
  if (!may) ATB_TRY(access::audit_denied(ctx, p, req, action, kEntity, municipality_of(p), reason));
  return may;
}

/// The language of a download: `lang=lv|en` when given (a link in the UI cannot set
/// Accept-Language), else the request's.
Result<Lang> download_language(const Request& req) {
  const auto asked = req.query("lang");
  if (!asked) return req.lang;
  if (*asked == "lv") return Lang::lv;
  if (*asked == "en") return Lang::en;
  return Error::invalid_field("lang", {"Valoda ir lv vai en.", "The language is lv or en."});
}

json text_json(const Text& t) {
  return {{"lv", t.lv}, {"en", t.en}};
}

Result<Response> list(const access::Context& ctx, const Defs& defs, Request& req,
                      const access::Principal& p) {
  ATB_TRY(allowed(ctx, p, req, "read", "list"));
  ATB_TRY_ASSIGN(done, ctx.db->read([&](storage::Connection& c) {
    return load_submissions(c, p.municipality_id);
  }));
  const Date today = today_riga();
  json reports = json::array();
  for (const ReportDefinition& def : defs->all()) {
    const std::string period = latest_ended_period(def.frequency, today).text();
    const Submission* submitted = nullptr;
    for (const Submission& s : done) {
      if (s.report == def.name && s.period == period) submitted = &s;
    }
    const DueState state = due_state(def, today, submitted != nullptr);
    reports.push_back(
        {{"name", def.name},
         {"title", text_json(def.title)},
         {"form", text_json(def.form)},
         {"frequency", std::string(frequency_code(def.frequency))},
         {"period", state.period.text()},
         {"from", state.period.first().iso()},
         {"to", state.period.last().iso()},
         {"due_on", state.due.iso()},
         {"days_left", state.days_left},
         {"overdue", state.overdue},
         {"submitted", state.submitted},
         {"submitted_at", submitted ? json(submitted->submitted_at) : json(nullptr)},
         {"submitted_by", submitted ? json(submitted->submitted_by) : json(nullptr)}});
  }
  ATB_TRY(access::audit_action(ctx, p, req, "read", kEntity, municipality_of(p), "list"));
  Response r = Response::json({{"today", today.iso()}, {"reports", reports}});
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Result<Response> one(const access::Context& ctx, const Defs& defs, Request& req,
                     const access::Principal& p) {
  const std::string name(req.param("name"));
  const std::string format = req.query("format").value_or("json");
  const ReportDefinition* def = defs->find(name);
  const std::string period_text = req.query("period").value_or(
      def ? latest_ended_period(def->frequency, today_riga()).text() : "");
  const std::string reason = "report=" + name + "&period=" + period_text + "&format=" + format;
  const std::string action = format == "json" ? "read" : "export";
  ATB_TRY(allowed(ctx, p, req, action, reason));
  if (format != "json" && format != "csv" && format != "xlsx")
    return Error::invalid_field(
        "format", {"Formāts ir json, csv vai xlsx.", "The format is json, csv or xlsx."});
  ATB_TRY_ASSIGN(lang, download_language(req));
  ATB_TRY_ASSIGN(report, ctx.db->read([&](storage::Connection& c) {
    return compute_named(c, *defs, name, period_text, scope_of(p), today_riga());
  }));
  ATB_TRY(access::audit_action(ctx, p, req, action, kEntity, municipality_of(p), reason));
  Response r;
  if (format == "json") {
    r = Response::json(report_json(report));
  } else {
    if (format == "csv") {
      r = Response::text(report_csv(report, lang), "text/csv; charset=utf-8");
    } else {
      ATB_TRY_ASSIGN(xlsx, report_xlsx(report, lang));
      r = Response::text(std::move(xlsx),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + file_name(report, format) + "\"");
  }
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Result<Response> submit(const access::Context& ctx, const Defs& defs, Request& req,
                        const access::Principal& p) {
  const std::string name(req.param("name"));
  ATB_TRY(allowed(ctx, p, req, "submit", "report=" + name));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"period"}));
  ATB_TRY_ASSIGN(period_text, http::required_string(body, "period", 10));
  const std::string reason = "report=" + name + "&period=" + period_text;
  const ReportDefinition* def = defs->find(name);
  if (!def) return unknown_report(name);
  const Date today = today_riga();
  ATB_TRY_ASSIGN(period, parse_report_period(period_text, def->frequency, today));
  if (!has_ended(period, today)) {
    return Error::invalid_field("period",
                                {"Pārskatu var iesniegt tikai pēc perioda beigām.",
                                 "A report can be submitted only after its period has ended."});
  }
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(existing, find_submission(c, p.municipality_id, name, period.text()));
    if (existing) {
      return Error{
          Errc::conflict,
          {"Šī perioda pārskats jau atzīmēts kā iesniegts (" + existing->submitted_at + ").",
           "This period's report is already marked as submitted (" + existing->submitted_at + ")."},
          {},
          {}};
    }
    const std::string at = now_utc_iso();
    ATB_TRY(insert_submission(c, p.municipality_id, name, period.text(), p.user_id, at));
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "submit", kEntity, municipality_of(p), reason)};
    ATB_TRY(audit::append(c, entries));
    return json{{"report", name},
                {"period", period.text()},
                {"submitted_at", at},
                {"submitted_by", p.full_name}};
  }));
  return Response::json(answer, 201);
}

constexpr const char* kListSchema = R"({
  "type": "object",
  "required": ["today", "reports"],
  "properties": {
    "today": {"type": "string"},
    "reports": {"type": "array", "items": {"type": "object", "required": ["name", "title", "frequency", "period", "due_on", "days_left", "overdue", "submitted"]}}
  }
})";

constexpr const char* kSubmissionSchema = R"json({
  "type": "object",
  "required": ["period"],
  "properties": {"period": {"type": "string", "description": "2026-10 (monthly) or 2025 (annual)"}}
})json";

template <class F>
http::Handler handler(const access::Context& ctx, const Defs& defs, F f) {
  return access::guarded(ctx, [ctx, defs, f](Request& req, const access::Principal& p) {
    return f(ctx, defs, req, p);
  });
}

}  // namespace

void add_statutory_routes(http::Router& router, const access::Context& ctx, Defs definitions) {
  router.add(
      Method::get, "/api/v1/reports/statutory", handler(ctx, definitions, list),
      {.summary = "The statutory reports (Cabinet Regulation 324/2017) with their latest ended "
                  "period, its "
                  "due date, days left and whether it was marked submitted (the director only).",
       .tag = "reports",
       .authenticated = true,
       .response_schema = kListSchema});
  router.add(
      Method::get, "/api/v1/reports/statutory/{name}", handler(ctx, definitions, one),
      {.summary =
           "A statutory report of a period (period=2026-10 or 2025; default the latest ended) for "
           "the "
           "director's municipality; format=json|csv|xlsx; lang=lv|en for the downloads' language.",
       .tag = "reports",
       .authenticated = true});
  router.add(
      Method::post, "/api/v1/reports/statutory/{name}/submissions",
      handler(ctx, definitions, submit),
      {.summary = "Marks a statutory report of an ended period as submitted (once; 409 after).",
       .tag = "reports",
       .authenticated = true,
       .request_schema = kSubmissionSchema,
       .success_status = 201});
}

}  // namespace atb::reports
