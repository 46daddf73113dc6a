// The service catalogue: the list, a new service and changes (administrators and department
// heads), and a service's page with capacity, occupancy, one page of the waiting list in its
// order (each person's true position; waiting_page, waiting_page_size) and who is placed. Names on the lists only where the caller may read the
// case (access::case_visible_sql); the names shown are audited as a list of referrals.
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/roster_cache.h"
#include "services/routes_json.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;


// The JSON Schema of a service body with its required members.
std::string service_schema(const char* required) {
  return std::string(R"({"type":"object","required":)") + required + R"(,
  "properties":{"version":{"type":"integer"},"name_lv":{"type":"string","maxLength":200},
   "name_en":{"type":"string","maxLength":200},
   "kind":{"enum":["mentor","group_apartment","social_house","psychologist","youth_centre","mobile_service",
                   "home_care","crisis_centre","day_centre","addiction_rehabilitation","other"]},
   "provider_department_id":{"type":["integer","null"]},"provider_partner_id":{"type":["integer","null"]},
   "contract_from":{"type":["string","null"],"format":"date"},"contract_to":{"type":["string","null"],"format":"date"},
   "age_min":{"type":["integer","null"]},"age_max":{"type":["integer","null"]},
   "target_groups":{"type":"array","items":{"type":"string"},"maxItems":10},
   "capacity":{"type":"integer","minimum":0},"capacity_unit":{"enum":["places","hours_per_month","visits_per_month"]},
   "unit":{"enum":["day","hour","visit","session","month"]},"price_cents":{"type":"integer","minimum":0},
   "funding":{"enum":["municipal","state","project"]},"project_number":{"type":["string","null"]},
   "active":{"type":"boolean"}}})";
}

// A service body (POST and PATCH share the members; PATCH adds version).
Result<json> service_body(const Request& req) {
  return http::json_object_body(
      req,
      {"version", "name_lv", "name_en", "kind", "provider_department_id", "provider_partner_id",
       "contract_from", "contract_to", "age_min", "age_max", "target_groups", "capacity",
       "capacity_unit", "unit", "price_cents", "funding", "project_number", "active"});
}

// The provider named exists in the caller's municipality (422 naming it otherwise).
Result<void> check_provider(storage::Connection& c, const Service& s) {
  if (s.provider_department_id) {
    ATB_TRY_ASSIGN(found, department_exists(c, s.municipality_id, *s.provider_department_id));
    if (!found)
      return Error::invalid_field("provider_department_id",
                                  {"Tādas daļas nav.", "No such department."});
  }
  if (s.provider_partner_id) {
    ATB_TRY_ASSIGN(found, partner_exists(c, s.municipality_id, *s.provider_partner_id));
    if (!found)
      return Error::invalid_field("provider_partner_id",
                                  {"Tādas organizācijas nav.", "No such organisation."});
  }
  return ok();
}

// A unique name_lv in the municipality (409 naming it otherwise).
Result<void> check_name_free(storage::Connection& c, const Service& s) {
  ATB_TRY_ASSIGN(
      rows, c.query("SELECT id FROM service WHERE municipality_id = ? AND name_lv = ? AND id <> ?",
                    storage::params(s.municipality_id, s.name_lv, s.id)));
  if (rows.empty()) return ok();
  const Text why{"Pakalpojums ar tādu nosaukumu jau ir.", "A service with this name exists."};
  return Error{Errc::conflict, why, {{"name_lv", why}}, {}};
}

// Audits a change of a service and answers it as stored.
Result<json> changed(storage::Connection& c, const access::Principal& p, const Request& req,
                     std::int64_t id, const std::string& action) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, "service", std::to_string(id))};
  ATB_TRY(audit::append(c, entries));
  ATB_TRY_ASSIGN(again, load_service(c, id));
  if (!again) return Error::internal("service vanished");
  return to_json(*again);
}

Result<Response> list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  const bool all = req.query("all").value_or("") == "1";
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(services, list_services(c, p.municipality_id, all));
    ATB_TRY_ASSIGN(loads, service_loads(c, p.municipality_id, today_riga()));
    json items = json::array();
    for (const Service& s : services) {
      json item = to_json(s);
      const ServiceLoad load = loads.count(s.id) ? loads.at(s.id) : ServiceLoad{};
      item["occupied"] = load.occupied;
      item["waiting"] = load.waiting;
      item["requested"] = load.requested;
      item["decisions_overdue"] = load.overdue;
      items.push_back(std::move(item));
    }
    return items;
  }));
  return Response::json({{"items", found}, {"total", found.size()}});
}

Result<Response> create(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(body, service_body(req));
  if (body.contains("version"))
    return Error::invalid_field("version", {"Nezināms lauks.", "Unknown field."});
  for (const char* field : {"name_lv", "name_en", "kind", "capacity", "capacity_unit", "unit",
                            "price_cents", "funding"}) {
    if (!body.contains(field))
      return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
  }
  Service s;
  s.municipality_id = p.municipality_id;
  ATB_TRY(apply_service_body(body, s));
  ATB_TRY(check_service(s));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(check_provider(c, s));
    ATB_TRY(check_name_free(c, s));
    ATB_TRY_ASSIGN(id, insert_service(c, s, now_utc_iso()));
    return changed(c, p, req, id, "create");
  }));
  return Response::json(answer, 201);
}

Result<Response> update(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(body, service_body(req));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(s, open_service(c, p, id));
    if (s.version != version) return stale();
    ATB_TRY(apply_service_body(body, s));
    ATB_TRY(check_service(s));
    ATB_TRY(check_provider(c, s));
    ATB_TRY(check_name_free(c, s));
    ATB_TRY_ASSIGN(written, update_service(c, s, version, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, id, "update");
  }));
  return Response::json(answer);
}

Result<Response> page(const access::Context& ctx, RosterCache* rosters, Request& req,
                      const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(paged, http::paging(req, "waiting_page", "waiting_page_size", 50, 200));
  struct Found {
    Service s;
    ServiceRoster roster;
  };
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) -> Result<Found> {
    Found f;
    ATB_TRY_ASSIGN_TO(f.s, open_service(c, p, id));
    ATB_TRY_ASSIGN(roster, rosters->get(c, id, f.s.roster_version));
    const std::int64_t offset = static_cast<std::int64_t>(paged.page - 1) * paged.page_size;
    f.roster = roster_page(*roster, p, static_cast<int>(std::min<std::int64_t>(offset, INT32_MAX)),
                           paged.page_size);
    return f;
  }));
  json out = to_json(found.s);
  out["occupied"] = found.roster.occupied;
  out["free"] = std::max(0, found.s.capacity - found.roster.occupied);
  json waiting_items = json::array();
  out["placed"] = json::array();
  std::vector<std::int64_t> shown;  // only the names on this page of the waiting list
  for (const WaitingEntry& e : found.roster.waiting.items) {
    waiting_items.push_back(to_json(e, "waiting_since"));
    if (e.visible) shown.push_back(e.referral_id);
  }
  out["waiting"] = {{"items", std::move(waiting_items)},
                    {"total", found.roster.waiting.total},
                    {"page", paged.page},
                    {"page_size", paged.page_size}};
  for (const WaitingEntry& e : found.roster.placed) {
    out["placed"].push_back(to_json(e, "start_on"));
    if (e.visible) shown.push_back(e.referral_id);
  }
  if (!shown.empty()) ATB_TRY(access::audit_list(ctx, p, req, "referral", shown));
  return Response::json(out);
}


}  // namespace

void add_service_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/services", route(ctx, list),
             {.summary = "The municipality's service catalogue with occupancy and waiting-list "
                         "length (all=1: also "
                         "inactive services).",
              .tag = "services",
              .authenticated = true});
  router.add(
      Method::post, "/api/v1/services", route(ctx, create),
      {.summary = "Add a service to the catalogue (administrators and department heads).",
       .tag = "services",
       .authenticated = true,
       .request_schema = service_schema(
           R"(["name_lv","name_en","kind","capacity","capacity_unit","unit","price_cents","funding"])"),
       .success_status = 201});
  // The rosters of the services' pages, kept between requests while they do not change.
  auto rosters = std::make_shared<RosterCache>();
  router.add(Method::get, "/api/v1/services/{id}",
             route(ctx, [rosters](const access::Context& context, Request& req, const access::Principal& p) {
               return page(context, rosters.get(), req, p);
             }),
             {.summary = "A service with its capacity, occupancy, one page of its waiting list "
                         "(waiting_page, waiting_page_size: default 50, at most 200; each "
                         "person's position) and placements.",
              .tag = "services",
              .authenticated = true});
  router.add(Method::patch, "/api/v1/services/{id}", route(ctx, update),
             {.summary = "Change a service of the catalogue (administrators and department heads).",
              .tag = "services",
              .authenticated = true,
              .request_schema = service_schema(R"(["version"])")});
}

void add_routes(http::Router& router, const access::Context& ctx,
                std::shared_ptr<const Keyring> keyring) {
  add_mentor_routes(router, ctx, std::move(keyring));
  add_service_routes(router, ctx);
  add_referral_routes(router, ctx);
  add_housing_routes(router, ctx);
  add_mobile_routes(router, ctx);
}

}  // namespace atb::services
