// What the routes of the mobile social service share (see routes_mobile_common.h).
#include "services/routes_mobile_common.h"

#include <algorithm>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "http/json_body.h"
#include "services/mobile_json.h"
#include "services/mobile_rules.h"
#include "services/mobile_store.h"
#include "services/routes_common.h"

namespace atb::services {

using nlohmann::json;

Error mobile_missing(const Text& what) {
  return Error{Errc::not_found, what, {}, {}};
}

Result<std::int64_t> mobile_path_id(const http::Request& req, const char* name, const Text& what) {
  const auto id = http::path_id(req.param(name));
  if (!id) return mobile_missing(what);
  return *id;
}

Result<void> may_plan(const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  for (access::Role r :
       {access::Role::social_worker, access::Role::supervisor, access::Role::department_head}) {
    if (p.has(r)) return ok();
  }
  return Error{
      Errc::forbidden,
      {"Dienas plānus veido sociālie darbinieki.", "Day plans are made by social workers."},
      {},
      {}};
}

Result<Service> mobile_service(storage::Connection& c, const access::Principal& p,
                               std::int64_t id) {
  ATB_TRY_ASSIGN(s, open_service(c, p, id));
  if (!has_day_plans(s.kind)) {
    return mobile_missing({"Pakalpojumam nav dienas plānu: tas nav mobilais sociālais dienests.",
                           "The service has no day plans: it is not a mobile social service."});
  }
  return s;
}

Result<DayPlan> plan_of(storage::Connection& c, const access::Principal& p, std::int64_t service_id,
                        std::int64_t plan_id) {
  ATB_TRY_ASSIGN(plan, load_plan(c, plan_id, access::case_visible_sql(p, "c")));
  if (!plan || plan->service_id != service_id) return mobile_missing(kNoPlan);
  return std::move(*plan);
}

Result<std::vector<std::int64_t>> crew_ids_member(const json& body) {
  std::vector<std::int64_t> ids;
  if (body.contains("crew") && !body["crew"].is_null())
    ATB_TRY_ASSIGN_TO(ids, http::id_array(body, "crew", 10));
  for (std::size_t n = 0; n < ids.size(); ++n) {
    if (std::find(ids.begin(), ids.begin() + n, ids[n]) != ids.begin() + n)
      return Error::invalid_field(
          "crew", {"Darbinieks brigādē norādīts divreiz.", "A worker is given twice in the crew."});
  }
  return ids;
}

Result<std::vector<CrewMember>> crew_of(storage::Connection& c, const access::Principal& p,
                                        const std::vector<std::int64_t>& ids) {
  ATB_TRY_ASSIGN(crew, crew_members(c, p.municipality_id, ids));
  if (crew.size() != ids.size()) {
    return Error::invalid_field("crew", {"Brigādē var būt tikai pašvaldības aktīvi darbinieki.",
                                         "The crew are active workers of the municipality."});
  }
  return crew;
}

Error route_taken_error() {
  const Text why{"Šajā dienā šāds maršruts jau ir plānots.",
                 "This route is already planned for the day."};
  return Error{Errc::conflict, why, {{"route", why}}, {}};
}

Result<void> audit_change(storage::Connection& c, const access::Principal& p,
                          const http::Request& req, const std::string& action, const char* type,
                          std::int64_t id, const std::string& reason) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, type, std::to_string(id), reason)};
  return audit::append(c, entries);
}

Result<json> plan_answer(storage::Connection& c, const access::Principal& p,
                         std::int64_t service_id, std::int64_t plan_id) {
  ATB_TRY_ASSIGN(plan, plan_of(c, p, service_id, plan_id));
  return to_json(plan);
}

Result<http::Response> answer_plan(const access::Context& ctx, const access::Principal& p,
                                   const http::Request& req, const json& plan, int status) {
  std::vector<std::int64_t> shown;
  for (const json& s : plan["stops"]) {
    if (!s["redacted"].get<bool>()) shown.push_back(s["id"].get<std::int64_t>());
  }
  ATB_TRY(access::audit_list(ctx, p, req, "mobile_stop", shown));
  return http::Response::json(plan, status);
}

}  // namespace atb::services
