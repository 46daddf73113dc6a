// Applications: list, create a draft, read, change the declaration, submit.
#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "assistance/periods.h"
#include "assistance/routes.h"
#include "assistance/routes_common.h"
#include "assistance/routes_json.h"
#include "assistance/store.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "registry/household_store.h"
#include "registry/record_access.h"

namespace atb::assistance {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

Result<std::int64_t> id_member(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_number_integer() || body[field].get<std::int64_t>() < 1) {
    return Error::invalid_field(field, {"Norādiet identifikatoru.", "Give the id."});
  }
  return body[field].get<std::int64_t>();
}

const Text kNoApplication{"Iesniegums nav atrasts.", "No such application."};

Error stale() {
  return Error{Errc::conflict, {"Iesniegumu pa to laiku mainīja kāds cits, vai tas vairs nav melnraksts; atveriet to no jauna.",
                                "The application was changed meanwhile or is no longer a draft; open it again."}, {}, {}};
}

// The month of a new application: the given YYYY-MM (not in the future, at most a year back)
// or the current one.
Result<std::string> application_month(const json& body, const Date& today) {
  if (!body.contains("application_month")) return month_of(today);
  const auto month = parse_month(body.value("application_month", ""));
  const Date current{today.year, today.month, 1};
  if (!month || *month > current || *month < add_months(current, -12)) {
    return Error::invalid_field("application_month", {"Mēnesim jābūt formā GGGG-MM, ne nākotnē un ne senāk par gadu.",
                                                      "The month must be YYYY-MM, not in the future and at most a year back."});
  }
  return month_of(*month);
}

Result<Response> create(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_list(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"household_id", "applicant_id", "kind", "application_month", "team_id"}));
  ATB_TRY_ASSIGN(household_id, id_member(body, "household_id"));
  ATB_TRY_ASSIGN(applicant_id, id_member(body, "applicant_id"));
  ATB_TRY_ASSIGN(kind, http::required_string(body, "kind", 40));
  const Date today = today_riga();
  ATB_TRY_ASSIGN(month, application_month(body, today));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(kinds, load_kinds(c, p.municipality_id));
    if (std::none_of(kinds.begin(), kinds.end(), [&](const BenefitKind& k) { return k.code == kind; })) {
      return Error::invalid_field("kind", {"Nezināms pabalsta veids.", "Unknown kind of benefit."});
    }
    // Applications are registered by a team of the social assistance department.
    ATB_TRY_ASSIGN(teams, c.query("SELECT t.id, t.department_id FROM team t JOIN department d ON d.id = t.department_id"
                                  " WHERE d.municipality_id = ? AND d.code = 'assistance'",
                                  storage::params(p.municipality_id)));
    std::vector<std::pair<std::int64_t, std::int64_t>> mine;
    for (const storage::Row& r : teams) {
      if (std::find(p.team_ids.begin(), p.team_ids.end(), r.integer(0)) != p.team_ids.end()) mine.emplace_back(r.integer(0), r.integer(1));
    }
    const Error not_assistance{Errc::forbidden, {"Iesniegumus reģistrē sociālās palīdzības daļa.",
                                                 "Applications are registered by the assistance department."}, {}, {}};
    if (mine.empty()) return not_assistance;
    auto [team, department] = mine.front();
    if (body.contains("team_id")) {
      const auto it = std::find_if(mine.begin(), mine.end(), [&](const auto& t) {
        return body["team_id"].is_number_integer() && t.first == body["team_id"].get<std::int64_t>();
      });
      if (it == mine.end()) return Error::invalid_field("team_id", {"Norādiet savu komandu.", "Give your team."});
      std::tie(team, department) = *it;
    }
    const access::RecordScope scope{p.municipality_id, department, team, {}, {}, true};
    if (access::record_access(p, scope) != access::Access::change) return not_assistance;
    auto household = registry::open_record(c, p, access::kHouseholdTables, household_id, access::Access::read);
    if (!household || household->break_glass) {
      return Error::invalid_field("household_id", {"Mājsaimniecība nav atrasta.", "No such household."});
    }
    ATB_TRY_ASSIGN(found, registry::load_household(c, p, household_id));
    if (!found.has_value()) return Error::invalid_field("household_id", {"Mājsaimniecība nav atrasta.", "No such household."});
    const registry::Household& h = found.value();
    if (std::none_of(h.members.begin(), h.members.end(), [&](const registry::Member& m) { return m.person_id == applicant_id; })) {
      return Error::invalid_field("applicant_id", {"Iesniedzējam jābūt mājsaimniecības loceklim.", "The applicant must be a member of the household."});
    }
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(id, insert_application(c, NewApplication{p.municipality_id, kind, household_id, applicant_id, month, team,
                                                            department, p.user_id}, now));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "assistance_application", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(a, require_application(c, id));
    return to_json(a, today);
  }));
  return Response::json(answer, 201);
}

Result<Response> read(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoApplication));
  ATB_TRY_ASSIGN(a, ctx.db->read([&](storage::Connection& c) { return open_application(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_read(ctx, p, req, "assistance_application", std::to_string(id)));
  return Response::json(to_json(a, today_riga()));
}

Result<Response> change(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoApplication));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "members", "incomes", "housing_costs"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(a, open_application(c, p, id, access::Access::change));
    if (a.version != version || a.status != "draft") return stale();
    ATB_TRY_ASSIGN(patch, declaration_patch(body, a));
    ATB_TRY_ASSIGN(written, update_declaration(c, id, version, patch.members, patch.incomes, patch.housing, now_utc_iso()));
    if (!written) return stale();
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "assistance_application", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(after, require_application(c, id));
    return to_json(after, today_riga());
  }));
  return Response::json(answer);
}

Result<Response> submit(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoApplication));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  const Date today = today_riga();
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(a, open_application(c, p, id, access::Access::change));
    if (a.version != version || a.status != "draft") return stale();
    ATB_TRY_ASSIGN(written, set_status(c, id, version, "submitted", today.iso(), one_month_after(today).iso(), now_utc_iso()));
    if (!written) return stale();
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "submit", "assistance_application", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(after, require_application(c, id));
    return to_json(after, today);
  }));
  return Response::json(answer);
}

Result<Response> list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_list(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  const std::string status = req.query("status").value_or("");
  if (!status.empty() && status != "draft" && status != "submitted" && status != "decided" && status != "withdrawn") {
    return Error::invalid_field("status", {"Nezināms statuss.", "Unknown status."});
  }
  const Date today = today_riga();
  const std::string overdue_on = req.query("overdue").value_or("") == "true" ? today.iso() : "";
  // Re-evaluation reminders: granted benefits and statuses ending within 30 days.
  const std::string review_before = req.query("review").value_or("") == "true" ? add_days(today, 30).iso() : "";
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) {
    return list_applications(c, access::assistance_visible_sql(p, "a"), status, overdue_on, review_before, paging.page,
                             paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const ApplicationRow& r : found.first) {
    ids.push_back(r.id);
    items.push_back({{"id", r.id}, {"kind", r.kind}, {"status", r.status},
                     {"household", {{"id", r.household_id}, {"name", r.household_name}}},
                     {"applicant", {{"id", r.applicant_id}, {"name", r.applicant_name}}},
                     {"submitted_on", r.submitted_on ? json(*r.submitted_on) : json(nullptr)},
                     {"decision_due", r.decision_due ? json(*r.decision_due) : json(nullptr)},
                     {"overdue", r.status == "submitted" && r.decision_due && *r.decision_due < today.iso()}});
  }
  ATB_TRY(access::audit_list(ctx, p, req, "assistance_application", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

}  // namespace

void add_application_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/assistance/applications", handler(ctx, list),
             {.summary = "Applications for social assistance (by status, overdue).", .tag = "assistance", .authenticated = true});
  router.add(Method::post, "/api/v1/assistance/applications", handler(ctx, create),
             {.summary = "Start an application (draft) for a household.", .tag = "assistance", .authenticated = true,
              .success_status = 201});
  router.add(Method::get, "/api/v1/assistance/applications/{id}", handler(ctx, read),
             {.summary = "An application with its means declaration.", .tag = "assistance", .authenticated = true});
  router.add(Method::patch, "/api/v1/assistance/applications/{id}", handler(ctx, change),
             {.summary = "Change the means declaration of a draft (version required).", .tag = "assistance",
              .authenticated = true});
  router.add(Method::post, "/api/v1/assistance/applications/{id}/submit", handler(ctx, submit),
             {.summary = "Mark the application complete: the one-month decision deadline starts.", .tag = "assistance",
              .authenticated = true});
}

}  // namespace atb::assistance
