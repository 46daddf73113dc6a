// Referrals (nosūtījumi) of a case's members to services: a request from the case (eligibility
// checked: 422 naming the rule), the decision within a month (granted into the waiting list with
// a priority, or refused with a reason), the placement (409 beyond capacity unless overridden
// with a reason), the end with a reason, and the delivery log. Access follows the case
// (cases::open_case): whoever reads the case reads its referrals, whoever changes it requests,
// ends and logs; deciding and placing is for the team's supervisor or the department head
// (access::may_decide_referral). Every read, list and change is audited (entity type referral).
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/routes_common.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/housing_store.h"
#include "services/mentor_store.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/routes_json.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoReferral{"Nosūtījums nav atrasts.", "No such referral."};

constexpr const char* kRequestSchema =
    R"({"type":"object","required":["case_id","person_id","service_id"],
  "properties":{"case_id":{"type":"integer"},"person_id":{"type":"integer"},"service_id":{"type":"integer"},
   "target_group":{"type":["string","null"]},"quantity":{"type":"integer","minimum":1},
   "note":{"type":["string","null"],"maxLength":2000}}})";
constexpr const char* kDecisionSchema = R"({"type":"object","required":["version","granted"],
  "properties":{"version":{"type":"integer"},"granted":{"type":"boolean"},"reason":{"type":"string","maxLength":2000},
   "priority":{"type":"integer","minimum":1,"maximum":3}}})";
constexpr const char* kPlacementSchema = R"({"type":"object","required":["version","start_on"],
  "properties":{"version":{"type":"integer"},"start_on":{"type":"string","format":"date"},
   "override_reason":{"type":["string","null"],"maxLength":2000}}})";
constexpr const char* kEndSchema = R"({"type":"object","required":["version","end_on","reason"],
  "properties":{"version":{"type":"integer"},"end_on":{"type":"string","format":"date"},
   "reason":{"type":"string","maxLength":2000}}})";
constexpr const char* kDeliverySchema =
    R"({"type":"object","required":["delivered_on","quantity","attended"],
  "properties":{"delivered_on":{"type":"string","format":"date"},"quantity":{"type":"integer","minimum":0},
   "attended":{"type":"boolean"},"note":{"type":["string","null"],"maxLength":2000}}})";

// A required positive id member (422 naming it).
Result<std::int64_t> id_member(const json& body, const char* field) {
  ATB_TRY_ASSIGN(id, cases::optional_id(body, field));
  if (!id) return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
  return *id;
}

// A whole number member in [min, max] (422 naming it); `fallback` when absent.
Result<int> int_member(const json& body, const char* field, int min, int max,
                       std::optional<int> fallback) {
  if (!body.contains(field) && fallback) return *fallback;
  if (!body.contains(field) || !body[field].is_number_integer() ||
      body[field].get<std::int64_t>() < min || body[field].get<std::int64_t>() > max) {
    return Error::invalid_field(
        field,
        {"Norādiet veselu skaitli no " + std::to_string(min) + " līdz " + std::to_string(max) + ".",
         "Give a whole number from " + std::to_string(min) + " to " + std::to_string(max) + "."});
  }
  return static_cast<int>(body[field].get<std::int64_t>());
}

// A required boolean member.
Result<bool> bool_member(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_boolean()) {
    return Error::invalid_field(field, {"Norādiet true vai false.", "Give true or false."});
  }
  return body[field].get<bool>();
}

// The date of the step before a state change of `r` (its request, decision or start).
Date earliest_step(const Referral& r) {
  for (const auto& d : {r.start_on, r.waiting_since}) {
    if (d) return parse_date(*d).value_or(Date{});
  }
  return parse_date(r.requested_on).value_or(Date{});
}

// Audits `action` on referral `id` and answers it as stored (with its position when waiting).
Result<json> changed(storage::Connection& c, const access::Principal& p, const Request& req,
                     std::int64_t id, const std::string& action, const std::string& reason) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, "referral", std::to_string(id), reason)};
  ATB_TRY(audit::append(c, entries));
  ATB_TRY_ASSIGN(again, load_referral(c, id));
  if (!again) return Error::internal("referral vanished");
  ATB_TRY_ASSIGN(position, waiting_position(c, *again));
  return to_json(*again, today_riga(), position);
}

Result<Response> request(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"case_id", "person_id", "service_id",
                                                    "target_group", "quantity", "note"}));
  ATB_TRY_ASSIGN(case_id, id_member(body, "case_id"));
  ATB_TRY_ASSIGN(person_id, id_member(body, "person_id"));
  ATB_TRY_ASSIGN(service_id, id_member(body, "service_id"));
  ATB_TRY_ASSIGN(target_group, http::optional_string(body, "target_group", 40));
  ATB_TRY_ASSIGN(quantity, int_member(body, "quantity", 1, 10000, 1));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    auto kase = cases::open_case(c, p, case_id, access::Access::change);
    if (!kase && kase.error().code == Errc::not_found) {
      return Error::invalid_field("case_id", {"Gadījums nav atrasts.", "No such case."});
    }
    if (!kase) return kase.error();
    if (kase->stage == "closed") {
      return Error{
          Errc::conflict,
          {"Slēgtam gadījumam nosūtījumus nepieprasa.", "A closed case requests no referrals."},
          {},
          {}};
    }
    ATB_TRY_ASSIGN(members, cases::case_person_ids(c, *kase));
    if (std::find(members.begin(), members.end(), person_id) == members.end()) {
      return Error::invalid_field("person_id", {"Persona nav šī gadījuma dalībnieks.",
                                                "The person is not a member of the case."});
    }
    auto service = open_service(c, p, service_id);
    if (!service || !service->active) {
      return Error::invalid_field("service_id",
                                  {"Tāda aktīva pakalpojuma nav.", "No such active service."});
    }
    const Date today = today_riga();
    ATB_TRY_ASSIGN(birth, birth_date(c, person_id));
    ATB_TRY(check_eligibility(service->eligibility, birth, today, target_group));
    Referral r;
    r.service_id = service_id;
    r.case_id = case_id;
    r.person_id = person_id;
    r.target_group = target_group;
    r.quantity = quantity;
    r.note = note;
    r.requested_on = today.iso();
    r.requested_by.id = p.user_id;
    r.requested_at = now_utc_iso();
    r.decision_due_on = decision_due(today).iso();
    ATB_TRY_ASSIGN(id, insert_referral(c, r));
    return changed(c, p, req, id, "create", service->name_lv);
  }));
  return Response::json(answer, 201);
}

Result<Response> case_list(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, {"Gadījums nav atrasts.", "No such case."}));
  ATB_TRY_ASSIGN(items, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(cases::open_case(c, p, id, access::Access::read, cases::CaseDetail::access));
    ATB_TRY_ASSIGN(list, case_referrals(c, id));
    const Date today = today_riga();
    json out = json::array();
    for (const Referral& r : list) {
      ATB_TRY_ASSIGN(position, waiting_position(c, r));
      out.push_back(to_json(r, today, position));
    }
    return out;
  }));
  std::vector<std::int64_t> ids;
  for (const json& r : items) ids.push_back(r["id"].get<std::int64_t>());
  ATB_TRY(access::audit_list(ctx, p, req, "referral", ids));
  return Response::json({{"items", items}, {"total", items.size()}});
}

Result<Response> read(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoReferral));
  ATB_TRY_ASSIGN(out, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_referral(c, p, id, access::Access::read));
    ATB_TRY_ASSIGN(position, waiting_position(c, opened.referral));
    json r = to_json(opened.referral, today_riga(), position);
    ATB_TRY_ASSIGN(log, list_deliveries(c, id));
    r["deliveries"] = json::array();
    for (const Delivery& d : log) r["deliveries"].push_back(to_json(d));
    return r;
  }));
  ATB_TRY(access::audit_read(ctx, p, req, "referral", std::to_string(id)));
  return Response::json(out);
}

Result<Response> decide(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "granted", "reason", "priority"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(granted, bool_member(body, "granted"));
  ATB_TRY_ASSIGN(reason, http::optional_text(body, "reason", 2000));
  ATB_TRY_ASSIGN(priority, int_member(body, "priority", 1, 3, 3));
  if (!granted) ATB_TRY_ASSIGN_TO(reason, cases::reason_member(body, "reason"));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_referral(c, p, id, access::Access::read));
    ATB_TRY(access::may_decide_referral(p, cases::scope_of(opened.kase)));
    ATB_TRY(check_transition(opened.referral.state, granted ? "waiting" : "refused"));
    if (opened.referral.version != version) return stale();
    DecisionChange d{granted ? "waiting" : "refused", granted ? "granted" : "refused",
                     reason.value_or(""), std::nullopt, std::nullopt};
    if (granted) {
      d.priority = priority;
      d.waiting_since = today_riga().iso();
    }
    // The service first, as a placement takes it: the referral's change moves the service's
    // roster version (migration 0032), and one order of locks keeps two writers from deadlock.
    ATB_TRY(lock_service(c, opened.referral.service_id));
    ATB_TRY_ASSIGN(written, decide_referral(c, id, version, d, p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, id, "decide", d.decision);
  }));
  return Response::json(answer);
}

Result<Response> place(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "start_on", "override_reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(start_text, http::required_string(body, "start_on", 10));
  ATB_TRY_ASSIGN(override_reason, http::optional_text(body, "override_reason", 2000));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_referral(c, p, id, access::Access::read));
    const Referral& r = opened.referral;
    ATB_TRY(access::may_decide_referral(p, cases::scope_of(opened.kase)));
    ATB_TRY(check_transition(r.state, "placed"));
    if (r.version != version) return stale();
    ATB_TRY_ASSIGN(start, check_step_date("start_on", start_text, earliest_step(r),
                                          add_days(today_riga(), 366)));
    ATB_TRY(lock_service(c, r.service_id));
    ATB_TRY_ASSIGN(service, load_service(c, r.service_id));
    if (!service) return Error::internal("service vanished");
    ATB_TRY_ASSIGN(taken, occupied(c, r.service_id));
    ATB_TRY(check_capacity(service->capacity, taken, r.quantity, override_reason));
    // The reason is kept only when the placement needed it.
    const bool beyond = taken + r.quantity > service->capacity;
    ATB_TRY_ASSIGN(
        written, place_referral(c, id, version, start.iso(),
                                beyond ? override_reason : std::nullopt, p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, id, "place",
                   beyond ? "override: " + override_reason.value_or("") : start.iso());
  }));
  return Response::json(answer);
}

Result<Response> end(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "end_on", "reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(end_text, http::required_string(body, "end_on", 10));
  ATB_TRY_ASSIGN(reason, cases::reason_member(body, "reason"));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_referral(c, p, id, access::Access::change));
    const Referral& r = opened.referral;
    ATB_TRY(check_transition(r.state, "ended"));
    if (r.version != version) return stale();
    ATB_TRY_ASSIGN(on, check_step_date("end_on", end_text, earliest_step(r), today_riga()));
    ATB_TRY(lock_service(c, r.service_id));  // the service before the referral, as in decide
    ATB_TRY_ASSIGN(written,
                   end_referral(c, id, version, on.iso(), reason, p.user_id, now_utc_iso()));
    if (!written) return stale();
    // A mentor's pairing ends with its referral (docs/api-mentors.md), and so does a resident's
    // stay in a group apartment or the social house (docs/api-housing.md).
    ATB_TRY_ASSIGN(unpaired, end_referral_pairings(c, id, on.iso(), reason, p.user_id, now_utc_iso()));
    ATB_TRY_ASSIGN(moved_out, move_out_referral_stays(c, id, on.iso(), reason, p.user_id, now_utc_iso()));
    std::vector<audit::Entry> entries;
    for (std::int64_t pairing : unpaired)
      entries.push_back(access::audit_entry(p, req, "end", "mentor_pairing", std::to_string(pairing), reason));
    for (std::int64_t stay : moved_out)
      entries.push_back(access::audit_entry(p, req, "move_out", "housing_stay", std::to_string(stay), reason));
    ATB_TRY(audit::append(c, entries));
    return changed(c, p, req, id, "end", reason);
  }));
  return Response::json(answer);
}

Result<Response> deliver(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoReferral));
  ATB_TRY_ASSIGN(body,
                 http::json_object_body(req, {"delivered_on", "quantity", "attended", "note"}));
  ATB_TRY_ASSIGN(on_text, http::required_string(body, "delivered_on", 10));
  ATB_TRY_ASSIGN(quantity, int_member(body, "quantity", 0, 1000, std::nullopt));
  ATB_TRY_ASSIGN(attended, bool_member(body, "attended"));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_referral(c, p, id, access::Access::change));
    if (opened.referral.state != "placed") {
      return Error{Errc::conflict,
                   {"Sniegto pakalpojumu reģistrē tikai uzņemtam nosūtījumam.",
                    "Delivery is logged only for a placed referral."},
                   {},
                   {}};
    }
    ATB_TRY_ASSIGN(
        on, check_step_date("delivered_on", on_text, earliest_step(opened.referral), today_riga()));
    Delivery d{0, id, on.iso(), quantity, attended, note, {p.user_id, p.full_name}, now_utc_iso()};
    ATB_TRY_ASSIGN(did, insert_delivery(c, d));
    d.id = did;
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "delivery", "referral", std::to_string(id), on.iso())};
    ATB_TRY(audit::append(c, entries));
    return to_json(d);
  }));
  return Response::json(answer, 201);
}


}  // namespace

void add_referral_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::post, "/api/v1/referrals", route(ctx, request),
             {.summary = "Request a service for a member of a case (eligibility checked: 422 "
                         "naming the rule); the "
                         "decision is due in a month.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kRequestSchema,
              .success_status = 201});
  router.add(
      Method::get, "/api/v1/cases/{id}/referrals", route(ctx, case_list),
      {.summary =
           "A case's referrals with their state, decision deadline and waiting-list position.",
       .tag = "services",
       .authenticated = true});
  router.add(
      Method::get, "/api/v1/referrals/{id}", route(ctx, read),
      {.summary = "A referral with its delivery log.", .tag = "services", .authenticated = true});
  router.add(
      Method::post, "/api/v1/referrals/{id}/decision", route(ctx, decide),
      {.summary =
           "Grant a requested referral into the waiting list (with a priority) or refuse it with a "
           "reason (the team's supervisor or the department head).",
       .tag = "services",
       .authenticated = true,
       .request_schema = kDecisionSchema});
  router.add(Method::post, "/api/v1/referrals/{id}/placement", route(ctx, place),
             {.summary = "Place a waiting referral from a start date (409 beyond capacity unless "
                         "override_reason).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kPlacementSchema});
  router.add(
      Method::post, "/api/v1/referrals/{id}/end", route(ctx, end),
      {.summary = "End a placement (or withdraw from the waiting list) with a date and a reason.",
       .tag = "services",
       .authenticated = true,
       .request_schema = kEndSchema});
  router.add(
      Method::post, "/api/v1/referrals/{id}/deliveries", route(ctx, deliver),
      {.summary =
           "Log a delivery of a placed referral: date, quantity in the service unit, attendance.",
       .tag = "services",
       .authenticated = true,
       .request_schema = kDeliverySchema,
       .success_status = 201});
}

}  // namespace atb::services
