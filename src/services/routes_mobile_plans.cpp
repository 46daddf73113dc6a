// A day plan of the mobile social service itself (docs/api-mobile.md): planned for a date with
// its route name, vehicle, note and crew; changed (route, vehicle, note, crew) with its version
// unless it is a past day's record of visits; cancelled with its planned stops while none has a
// recorded visit. Every change is audited (entity mobile_day_plan; the stops a cancel removes
// as mobile_stop).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/mobile_rules.h"
#include "services/mobile_store.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/routes_mobile_common.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr const char* kPlanSchema = R"({"type":"object","required":["route"],
  "properties":{"route":{"type":"string","maxLength":200},"vehicle":{"type":["string","null"],"maxLength":200},
   "crew":{"type":"array","items":{"type":"integer"},"maxItems":10},"note":{"type":["string","null"],"maxLength":2000}}})";
constexpr const char* kPlanChangeSchema = R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"},"route":{"type":"string","maxLength":200},
   "vehicle":{"type":["string","null"],"maxLength":200},"crew":{"type":"array","items":{"type":"integer"},"maxItems":10},
   "note":{"type":["string","null"],"maxLength":2000}}})";

Result<Response> create_plan(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"route", "vehicle", "crew", "note"}));
  ATB_TRY_ASSIGN(route_text, http::required_string(body, "route", 1000));
  ATB_TRY_ASSIGN(route, check_route(route_text));
  ATB_TRY_ASSIGN(vehicle, http::optional_string(body, "vehicle", 200));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(crew_ids, crew_ids_member(body));
  ATB_TRY_ASSIGN(on, check_plan_day("date", req.param("date"), today_riga()));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY_ASSIGN(taken, route_taken(c, id, on.iso(), route));
    if (taken) return route_taken_error();
    DayPlan plan;
    plan.service_id = id;
    plan.day = on.iso();
    plan.route = route;
    plan.vehicle = vehicle;
    plan.note = note;
    ATB_TRY_ASSIGN_TO(plan.crew, crew_of(c, p, crew_ids));
    plan.created_by = p.user_id;
    plan.created_at = now_utc_iso();
    ATB_TRY_ASSIGN(plan_id, insert_plan(c, plan));
    ATB_TRY(audit_change(c, p, req, "create", "mobile_day_plan", plan_id, plan.day + " " + route));
    return plan_answer(c, p, id, plan_id);
  }));
  return Response::json(answer, 201);
}

// What a change body gives (absent members keep the plan's value; null clears).
struct PlanChange {
  std::int64_t version = 0;
  std::optional<std::string> route;
  bool has_vehicle = false, has_note = false, has_crew = false;
  std::optional<std::string> vehicle, note;
  std::vector<std::int64_t> crew;
};

Result<PlanChange> plan_change(const json& body) {
  PlanChange ch;
  ATB_TRY_ASSIGN_TO(ch.version, http::version_member(body));
  if (body.contains("route")) {
    ATB_TRY_ASSIGN(text, http::required_string(body, "route", 1000));
    ATB_TRY_ASSIGN_TO(ch.route, check_route(text));
  }
  ch.has_vehicle = body.contains("vehicle");
  if (ch.has_vehicle) ATB_TRY_ASSIGN_TO(ch.vehicle, http::optional_string(body, "vehicle", 200));
  ch.has_note = body.contains("note");
  if (ch.has_note) ATB_TRY_ASSIGN_TO(ch.note, http::optional_text(body, "note", 2000));
  ch.has_crew = body.contains("crew");
  if (ch.has_crew) ATB_TRY_ASSIGN_TO(ch.crew, crew_ids_member(body));
  return ch;
}

Result<Response> change_plan(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(body,
                 http::json_object_body(req, {"version", "route", "vehicle", "crew", "note"}));
  ATB_TRY_ASSIGN(ch, plan_change(body));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY(lock_service(c, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY(check_plan_changeable(plan, today_riga()));
    if (plan.version != ch.version) return stale();
    std::string changed;
    auto mark = [&](const char* what) {
      changed += (changed.empty() ? "" : ", ") + std::string(what);
    };
    if (ch.route && *ch.route != plan.route) {
      ATB_TRY_ASSIGN(taken, route_taken(c, id, plan.day, *ch.route));
      if (taken) return route_taken_error();
      plan.route = *ch.route;
      mark("route");
    }
    if (ch.has_vehicle && ch.vehicle != plan.vehicle) {
      plan.vehicle = ch.vehicle;
      mark("vehicle");
    }
    if (ch.has_note && ch.note != plan.note) {
      plan.note = ch.note;
      mark("note");
    }
    if (ch.has_crew) {
      std::vector<std::int64_t> before;
      for (const CrewMember& m : plan.crew) before.push_back(m.user_id);
      std::vector<std::int64_t> after = ch.crew;
      std::sort(before.begin(), before.end());
      std::sort(after.begin(), after.end());
      ATB_TRY_ASSIGN_TO(plan.crew, crew_of(c, p, ch.crew));
      if (before != after) mark("crew");
    }
    plan.updated_at = now_utc_iso();
    ATB_TRY_ASSIGN(written, update_plan(c, plan, ch.version));
    if (!written) return stale();
    ATB_TRY(audit_change(c, p, req, "update", "mobile_day_plan", plan_id,
                         changed.empty() ? std::string("nothing") : changed));
    return plan_answer(c, p, id, plan_id);
  }));
  return answer_plan(ctx, p, req, answer, 200);
}

// Every stop of `plan` must be of a case `p` may change (a cancel removes them): 403 otherwise,
// without saying whose the hidden ones are.
Result<void> may_remove_stops(storage::Connection& c, const access::Principal& p,
                              const DayPlan& plan) {
  for (const MobileStop& s : plan.stops) {
    auto opened = open_referral(c, p, s.referral_id, access::Access::change);
    if (!opened) {
      return Error{Errc::forbidden,
                   {"Plānā ir klienti, kuru gadījumus jūs nevarat mainīt; plānu neatceļ.",
                    "The plan has clients whose cases you may not change; it is not cancelled."},
                   {},
                   {}};
    }
  }
  return ok();
}

Result<Response> cancel_plan(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY(lock_service(c, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY(check_plan_cancellable(plan));
    if (plan.version != version) return stale();
    ATB_TRY(may_remove_stops(c, p, plan));
    ATB_TRY_ASSIGN(removed, delete_plan(c, plan_id, version));
    if (!removed) return stale();
    const std::string what = plan.day + " " + plan.route;
    for (const MobileStop& s : plan.stops) {
      ATB_TRY(audit_change(c, p, req, "delete", "mobile_stop", s.id, what + "; plan cancelled"));
    }
    return audit_change(c, p, req, "delete", "mobile_day_plan", plan_id,
                        what + "; stops removed: " + std::to_string(plan.stops.size()));
  }));
  return Response::empty(204);
}

}  // namespace

void add_mobile_plan_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::post, "/api/v1/services/{id}/days/{date}/plans", route(ctx, create_plan),
             {.summary = "Plan a route of a mobile social service for a date: route name, "
                         "vehicle, crew (workers).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kPlanSchema,
              .success_status = 201});
  router.add(Method::patch, "/api/v1/services/{id}/plans/{pid}", route(ctx, change_plan),
             {.summary = "Change a day plan's route name, vehicle, note or crew (version as read; "
                         "409 for a past day with recorded visits).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kPlanChangeSchema});
  router.add(Method::del, "/api/v1/services/{id}/plans/{pid}", route(ctx, cancel_plan),
             {.summary = "Cancel a day plan (?version=) with its planned stops; 409 when a visit "
                         "is recorded.",
              .tag = "services",
              .authenticated = true,
              .success_status = 204});
}

}  // namespace atb::services
