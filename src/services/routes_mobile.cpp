// The mobile social service (docs/api-mobile.md): the day plans of a mobile_service (one route
// on one date with its vehicle and crew; a plan itself is planned, changed and cancelled in
// routes_mobile_plans.cpp), their stops in route order — a placed referral of the
// service with a time window, address and what to bring — reordered, moved to another day or
// removed; the outcome of a visit (a visit also goes to the referral's delivery log, so the
// delivery figures have one source); and the printable day list (PDF). Stops follow the client's
// case: she is named (with address and phone) only where the caller may read the case, and a
// stop is added or changed only with change access to it. Reads of named stops, every change and
// every print are audited (entities mobile_day_plan, mobile_stop, referral).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "cases/routes_common.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/mobile_day_pdf.h"
#include "services/mobile_json.h"
#include "services/mobile_rules.h"
#include "services/mobile_store.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/routes_mobile_common.h"
#include "services/store.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr const char* kItems =
    R"({"type":["array","null"],"maxItems":5,"items":{"type":"object","required":["item"],
   "properties":{"item":{"enum":["hot_meal","hygiene","shopping","social_work","medicines"]},
   "quantity":{"type":"integer","minimum":1,"maximum":100}}}})";
const std::string kStopSchema = std::string(R"({"type":"object","required":["referral_id"],
  "properties":{"referral_id":{"type":"integer"},"window_from":{"type":["string","null"],"pattern":"^[0-2][0-9]:[0-5][0-9]$"},
   "window_to":{"type":["string","null"]},"address":{"type":["string","null"],"maxLength":300},
   "note":{"type":["string","null"],"maxLength":2000},"planned":)") +
                                kItems + "}}";
const std::string kChangeSchema = std::string(R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"},"position":{"type":"integer","minimum":1},"plan_id":{"type":"integer"},
   "window_from":{"type":["string","null"]},"window_to":{"type":["string","null"]},
   "address":{"type":["string","null"],"maxLength":300},"note":{"type":["string","null"],"maxLength":2000},"planned":)") +
                                  kItems + "}}";
const std::string kVisitSchema = std::string(R"({"type":"object","required":["version","outcome"],
  "properties":{"version":{"type":"integer"},"outcome":{"enum":["visited","not_home","refused"]},
   "note":{"type":["string","null"],"maxLength":2000},"delivered":)") +
                                 kItems + "}}";

// The stop `{sid}` of plan `plan_id` and its referral, when `p` may change the client's case:
// 404 when there is no such stop or the case is outside her scope, 403 when she may only read.
Result<std::pair<MobileStop, Referral>> stop_to_change(storage::Connection& c,
                                                       const access::Principal& p,
                                                       std::int64_t plan_id, std::int64_t stop_id) {
  ATB_TRY_ASSIGN(stop, load_stop(c, stop_id));
  if (!stop || stop->plan_id != plan_id) return mobile_missing(kNoStop);
  auto opened = open_referral(c, p, stop->referral_id, access::Access::change);
  if (!opened && opened.error().code == Errc::not_found) return mobile_missing(kNoStop);
  if (!opened) return opened.error();
  return std::pair{std::move(*stop), std::move(opened->referral)};
}

// The `{date}` path parameter: 422 naming date when it is not a real date.
Result<Date> path_day(const Request& req) {
  const auto d = parse_date(req.param("date"));
  if (!d)
    return Error::invalid_field("date",
                                {"Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD."});
  return *d;
}

// The ids of the stops a list names (to audit).
std::vector<std::int64_t> named_stops(const std::vector<DayPlan>& plans) {
  std::vector<std::int64_t> ids;
  for (const DayPlan& plan : plans) {
    for (const MobileStop& s : plan.stops) {
      if (s.visible) ids.push_back(s.id);
    }
  }
  return ids;
}

Result<Response> day(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(on, path_day(req));
  ATB_TRY_ASSIGN(plans, ctx.db->read([&](storage::Connection& c) -> Result<std::vector<DayPlan>> {
    ATB_TRY(mobile_service(c, p, id));
    return day_plans(c, id, on.iso(), access::case_visible_sql(p, "c"));
  }));
  json items = json::array();
  for (const DayPlan& plan : plans) items.push_back(to_json(plan));
  const std::vector<std::int64_t> shown = named_stops(plans);
  if (!shown.empty()) ATB_TRY(access::audit_list(ctx, p, req, "mobile_stop", shown));
  return Response::json({{"service_id", id}, {"date", on.iso()}, {"plans", items}});
}

// The placed referral `referral_id` of service `service_id` whose case `p` may change: 422
// naming referral_id when there is none (or it is not placed in this service), 403 when the
// caller may only read its case.
Result<Referral> client_referral(storage::Connection& c, const access::Principal& p,
                                 std::int64_t service_id, std::int64_t referral_id) {
  auto opened = open_referral(c, p, referral_id, access::Access::change);
  if (!opened && opened.error().code == Errc::not_found) {
    return Error::invalid_field("referral_id", {"Nosūtījums nav atrasts.", "No such referral."});
  }
  if (!opened) return opened.error();
  if (opened->referral.service_id != service_id || opened->referral.state != "placed") {
    return Error::invalid_field("referral_id",
                                {"Plānā iekļauj tikai šajā pakalpojumā uzņemtus klientus.",
                                 "Only clients placed in this service are put on the plan."});
  }
  return std::move(opened->referral);
}

// The optional members of a stop body that are given (null clears), over `s`.
Result<void> stop_members(const json& body, MobileStop& s) {
  if (body.contains("window_from"))
    ATB_TRY_ASSIGN_TO(s.window_from, http::optional_string(body, "window_from", 5));
  if (body.contains("window_to"))
    ATB_TRY_ASSIGN_TO(s.window_to, http::optional_string(body, "window_to", 5));
  if (body.contains("address"))
    ATB_TRY_ASSIGN_TO(s.address, http::optional_string(body, "address", 300));
  if (body.contains("note")) ATB_TRY_ASSIGN_TO(s.note, http::optional_text(body, "note", 2000));
  if (body.contains("planned")) ATB_TRY_ASSIGN_TO(s.planned, items_member(body, "planned"));
  ATB_TRY(check_window(s.window_from, s.window_to));
  return check_items("planned", s.planned);
}

Result<Response> add_stop(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"referral_id", "window_from", "window_to",
                                                    "address", "note", "planned"}));
  ATB_TRY_ASSIGN(referral_id, cases::optional_id(body, "referral_id"));
  if (!referral_id) {
    return Error::invalid_field("referral_id", {"Lauks ir obligāts.", "This field is required."});
  }
  MobileStop s;
  ATB_TRY(stop_members(body, s));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY(lock_service(c, id));
    ATB_TRY_ASSIGN(r, client_referral(c, p, id, *referral_id));
    ATB_TRY_ASSIGN(other, person_route_on(c, id, plan.day, r.person_id, 0));
    ATB_TRY(check_once_a_day(other, parse_date(plan.day).value_or(Date{})));
    if (!s.address) ATB_TRY_ASSIGN_TO(s.address, registry_address(c, r.person_id));
    ATB_TRY_ASSIGN(order, stop_order(c, plan_id));
    s.plan_id = plan_id;
    s.referral_id = r.id;
    s.person_id = r.person_id;
    s.position = static_cast<int>(order.size()) + 1;
    s.created_at = now_utc_iso();
    ATB_TRY_ASSIGN(stop_id, insert_stop(c, s, p.user_id));
    ATB_TRY(audit_change(c, p, req, "create", "mobile_stop", stop_id, plan.day + " " + plan.route));
    return plan_answer(c, p, id, plan_id);
  }));
  return answer_plan(ctx, p, req, answer, 201);
}

Result<Response> change_stop(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(stop_id, mobile_path_id(req, "sid", kNoStop));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "position", "plan_id", "window_from",
                                                    "window_to", "address", "note", "planned"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(target_id, cases::optional_id(body, "plan_id"));
  std::optional<int> position;
  if (body.contains("position")) {
    if (!body["position"].is_number_integer() || body["position"].get<std::int64_t>() < 1 ||
        body["position"].get<std::int64_t>() > 1000) {
      return Error::invalid_field("position", {"Norādiet vietu maršrutā (1, 2, …).",
                                               "Give the place on the route (1, 2, …)."});
    }
    position = static_cast<int>(body["position"].get<std::int64_t>());
  }
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY(plan_of(c, p, id, plan_id));
    ATB_TRY(lock_service(c, id));
    ATB_TRY_ASSIGN(found, stop_to_change(c, p, plan_id, stop_id));
    MobileStop s = std::move(found.first);
    ATB_TRY(check_still_planned(s));
    if (s.version != version) return stale();
    ATB_TRY(stop_members(body, s));
    std::string reason = "details";
    const bool moves = target_id && *target_id != plan_id;
    if (moves) {
      auto target = load_plan(c, *target_id, "1=0");
      if (!target) return target.error();
      if (!*target || (*target)->service_id != id) {
        return Error::invalid_field("plan_id", {"Šim pakalpojumam tāda dienas plāna nav.",
                                                "This service has no such day plan."});
      }
      ATB_TRY_ASSIGN(other, person_route_on(c, id, (*target)->day, s.person_id, s.id));
      ATB_TRY(check_once_a_day(other, parse_date((*target)->day).value_or(Date{})));
      s.plan_id = *target_id;
      s.position = static_cast<int>((*target)->stops.size()) + 1;
      reason = "moved to " + (*target)->day + " " + (*target)->route;
    }
    ATB_TRY_ASSIGN(written, update_stop(c, s, version));
    if (!written) return stale();
    ATB_TRY_ASSIGN(order, stop_order(c, plan_id));
    if (position && !moves) {
      ATB_TRY_ASSIGN_TO(order, reorder(order, stop_id, *position));
      reason = "position " + std::to_string(*position);
    }
    ATB_TRY(set_order(c, order));
    ATB_TRY(audit_change(c, p, req, "update", "mobile_stop", stop_id, reason));
    return plan_answer(c, p, id, s.plan_id);
  }));
  return answer_plan(ctx, p, req, answer, 200);
}

Result<Response> visit(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(stop_id, mobile_path_id(req, "sid", kNoStop));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "outcome", "delivered", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(outcome, http::required_string(body, "outcome", 20));
  ATB_TRY_ASSIGN(delivered, items_member(body, "delivered"));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY_ASSIGN(found, stop_to_change(c, p, plan_id, stop_id));
    auto& [s, r] = found;
    const Date on = parse_date(plan.day).value_or(Date{});
    const Date placed = parse_date(r.start_on.value_or(plan.day)).value_or(on);
    ATB_TRY(check_visit(s, outcome, delivered, on, placed, today_riga()));
    if (s.version != version) return stale();
    s.outcome = outcome;
    s.outcome_note = note;
    s.delivered = delivered;
    s.recorded_by = p.user_id;
    s.recorded_at = now_utc_iso();
    if (outcome == "visited") {
      if (r.state != "placed") {
        return Error{Errc::conflict,
                     {"Klients vairs nav uzņemts pakalpojumā; apmeklējumu nereģistrē.",
                      "The client is no longer placed in the service; no visit is recorded."},
                     {},
                     {}};
      }
      std::string what = items_line_lv(delivered);
      if (note) what += (what.empty() ? "" : "; ") + *note;
      Delivery d{0,
                 r.id,
                 plan.day,
                 1,
                 true,
                 what.empty() ? std::nullopt : std::optional(what),
                 {p.user_id, p.full_name},
                 *s.recorded_at};
      ATB_TRY_ASSIGN_TO(s.delivery_id, insert_delivery(c, d));
      ATB_TRY(audit_change(c, p, req, "delivery", "referral", r.id, plan.day));
    }
    ATB_TRY_ASSIGN(written, record_visit(c, s, version));
    if (!written) return stale();
    ATB_TRY(audit_change(c, p, req, "visit", "mobile_stop", stop_id, outcome));
    return plan_answer(c, p, id, plan_id);
  }));
  return answer_plan(ctx, p, req, answer, 200);
}

Result<Response> remove_stop(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(may_plan(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  ATB_TRY_ASSIGN(stop_id, mobile_path_id(req, "sid", kNoStop));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mobile_service(c, p, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY(lock_service(c, id));
    ATB_TRY_ASSIGN(found, stop_to_change(c, p, plan_id, stop_id));
    ATB_TRY(check_still_planned(found.first));
    if (found.first.version != version) return stale();
    ATB_TRY_ASSIGN(removed, delete_stop(c, stop_id, version));
    if (!removed) return stale();
    ATB_TRY_ASSIGN(order, stop_order(c, plan_id));
    ATB_TRY(set_order(c, order));
    ATB_TRY(audit_change(c, p, req, "delete", "mobile_stop", stop_id, plan.day + " " + plan.route));
    return plan_answer(c, p, id, plan_id);
  }));
  return answer_plan(ctx, p, req, answer, 200);
}

// What the day list prints of `plan` for its reader (hidden stops without the client).
DayListContent day_list(const Service& s, const DayPlan& plan, std::string municipality,
                        const access::Principal& p) {
  DayListContent d{
      std::move(municipality), s.name_lv,   plan.day, plan.route, plan.vehicle.value_or(""), "",
      plan.note.value_or(""),  p.full_name, {}};
  for (const CrewMember& m : plan.crew) d.crew += (d.crew.empty() ? "" : ", ") + m.name;
  for (const MobileStop& st : plan.stops) {
    DayListStop row{st.position,
                    "",
                    !st.visible,
                    st.person_name,
                    st.address.value_or(""),
                    st.phone.value_or(""),
                    items_line_lv(st.planned),
                    ""};
    if (st.window_from || st.window_to) {
      row.window = st.window_from.value_or("") + "–" + st.window_to.value_or("");
    }
    if (st.note) row.deliver += (row.deliver.empty() ? "" : "; ") + *st.note;
    if (st.outcome) row.outcome = mobile_label(*st.outcome).lv;
    d.stops.push_back(std::move(row));
  }
  return d;
}

Result<Response> print_day_list(const access::Context& ctx, Request& req,
                                const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(plan_id, mobile_path_id(req, "pid", kNoPlan));
  std::string shown;
  ATB_TRY_ASSIGN(pdf, ctx.db->read([&](storage::Connection& c) -> Result<std::string> {
    ATB_TRY_ASSIGN(s, mobile_service(c, p, id));
    ATB_TRY_ASSIGN(plan, plan_of(c, p, id, plan_id));
    ATB_TRY_ASSIGN(municipality, municipality_name(c, p.municipality_id));
    for (std::int64_t stop : named_stops({plan})) {
      shown += (shown.empty() ? "" : ",") + std::to_string(stop);
    }
    return day_list_pdf(day_list(s, plan, municipality, p));
  }));
  ATB_TRY(access::audit_action(ctx, p, req, "export", "mobile_day_plan", std::to_string(plan_id),
                               "pdf; stops named: " + (shown.empty() ? "none" : shown)));
  Response r = Response::text(std::move(pdf), "application/pdf");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"marsruta-lapa-" +
                                                    std::to_string(plan_id) + ".pdf\"");
  return r;
}


}  // namespace

void add_mobile_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::get, "/api/v1/services/{id}/days/{date}", route(ctx, day),
             {.summary = "The day plans (routes) of a mobile social service on a date with their "
                         "stops in order; clients named where the caller may read their case.",
              .tag = "services",
              .authenticated = true});
  add_mobile_plan_routes(router, ctx);
  router.add(Method::post, "/api/v1/services/{id}/plans/{pid}/stops", route(ctx, add_stop),
             {.summary = "Add a client (a placed referral of the service) to a day plan with a "
                         "time window, address and what to bring (409 when she is on that day).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kStopSchema,
              .success_status = 201});
  router.add(Method::patch, "/api/v1/services/{id}/plans/{pid}/stops/{sid}",
             route(ctx, change_stop),
             {.summary = "Change a planned stop: its place on the route (position), another "
                         "day's plan (plan_id), window, address, what to bring.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kChangeSchema});
  router.add(Method::del, "/api/v1/services/{id}/plans/{pid}/stops/{sid}", route(ctx, remove_stop),
             {.summary = "Remove a planned stop (?version=) from its day plan.",
              .tag = "services",
              .authenticated = true});
  router.add(Method::post, "/api/v1/services/{id}/plans/{pid}/stops/{sid}/visit", route(ctx, visit),
             {.summary = "Record a visit's outcome (visited, not at home, refused) and what was "
                         "delivered; a visit also goes to the referral's delivery log.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kVisitSchema});
  router.add(Method::get, "/api/v1/services/{id}/plans/{pid}/day-list.pdf",
             route(ctx, print_day_list),
             {.summary = "The printable day list (PDF) of a route: stops in order with time, "
                         "client, address, phone, what to bring and boxes to tick.",
              .tag = "services",
              .authenticated = true,
              .response_type = "application/pdf"});
}

}  // namespace atb::services
