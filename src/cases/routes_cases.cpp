// Cases: list (mine, by stage), read with the transition history, move to another stage,
// record the agreement to cooperate, request closure (lead worker) and decide on it
// (a supervisor of the team).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "cases/plan_rules.h"
#include "cases/plan_store.h"
#include "cases/routes.h"
#include "cases/routes_json.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};

constexpr const char* kTransitionSchema = R"({"type":"object","required":["version","to","reason"],
  "properties":{"version":{"type":"integer"},"reason":{"type":"string","maxLength":2000},
   "to":{"enum":["intake","agreement","initial_assessment","in_depth_assessment","plan","implementation","review"]}}})";
constexpr const char* kAgreementSchema = R"({"type":"object","required":["agreed_on","person_ids"],
  "properties":{"agreed_on":{"type":"string","format":"date"},"note":{"type":"string","maxLength":2000},
   "person_ids":{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":30}}})";
constexpr const char* kClosureSchema = R"({"type":"object","required":["reason","outcome_rating"],
  "properties":{"reason":{"enum":["goals_reached","moved_away","refused_cooperation","transferred","deceased","other"]},
   "outcome_rating":{"type":"integer","minimum":1,"maximum":5},"note":{"type":"string","maxLength":2000}}})";
constexpr const char* kDecisionSchema = R"({"type":"object","required":["approved"],
  "properties":{"approved":{"type":"boolean"},"note":{"type":"string","maxLength":2000}}})";

Error stale() {
  return Error{Errc::conflict, {"Gadījumu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                                "Someone else changed the case meanwhile; open it again."}, {}, {}};
}

// Reads the case again after a change, writes the audit entry and answers it.
Result<json> changed(storage::Connection& c, const access::Principal& p, Request& req, std::int64_t id,
                     const std::string& action, const std::string& reason) {
  std::vector<audit::Entry> entries{access::audit_entry(p, req, action, "case", std::to_string(id), reason)};
  ATB_TRY(audit::append(c, entries));
  ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::read));
  return to_json(k);
}

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  CaseFilter filter;
  const std::string mine = req.query("mine").value_or("");
  if (mine == "1" || mine == "true") filter.mine_user = p.user_id;
  filter.stage = req.query("stage").value_or("");
  if (!filter.stage.empty() && !one_of(kStages, filter.stage)) {
    return Error::invalid_field("stage", {"Nezināms posms.", "Unknown stage."});
  }
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_cases(c, p, filter, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const CaseRow& r : found.first) {
    ids.push_back(r.id);
    items.push_back({{"id", r.id}, {"subject_name", r.subject_name}, {"stage", r.stage}, {"team_id", r.team_id},
                     {"household_id", r.household_id ? json(*r.household_id) : json(nullptr)},
                     {"person_id", r.person_id ? json(*r.person_id) : json(nullptr)},
                     {"lead_worker", {{"id", r.lead_worker_id}, {"name", r.lead_worker_name}}}, {"opened_on", r.opened_on}});
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "case", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

Result<Response> read(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(k, cc.access.db->read([&](storage::Connection& c) { return open_case(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "case", std::to_string(id)));
  return Response::json(to_json(k));
}

Result<Response> assign(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "lead_worker_id", "co_worker_ids"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(lead, optional_id(body, "lead_worker_id"));
  std::optional<std::vector<std::int64_t>> co_workers;
  if (body.contains("co_worker_ids")) ATB_TRY_ASSIGN_TO(co_workers, http::id_array(body, "co_worker_ids", 10));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    if (k.version != version) return stale();
    const std::int64_t new_lead = lead.value_or(k.lead_worker_id);
    const std::vector<std::int64_t> new_co = co_workers.value_or(k.co_worker_ids);
    const access::TeamScope team{k.municipality_id, k.department_id, k.team_id};
    ATB_TRY(check_case_workers(c, team, new_lead, new_co));
    if (new_lead != k.lead_worker_id) ATB_TRY(access::may_assign_lead(p, scope_of(k)));
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(written, set_workers(c, id, version, new_lead, new_co, now));
    if (!written) return stale();
    std::vector<std::int64_t> told;
    if (new_lead != k.lead_worker_id && new_lead != p.user_id) told.push_back(new_lead);
    for (std::int64_t w : new_co) {
      const bool added = std::find(k.co_worker_ids.begin(), k.co_worker_ids.end(), w) == k.co_worker_ids.end();
      if (added && w != p.user_id) told.push_back(w);
    }
    const std::string ref = "#" + std::to_string(id);
    ATB_TRY(notify(c, told, {0, "case_assigned", "case", id,
                             {"Jūs esat norīkots darbam ar gadījumu " + ref + ".", "You were assigned to case " + ref + "."},
                             now, std::nullopt}));
    return changed(c, p, req, id, "assign", "lead " + std::to_string(new_lead));
  }));
  return Response::json(answer);
}

Result<Response> transition(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "to", "reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(to, http::required_string(body, "to", 40));
  ATB_TRY_ASSIGN(reason, reason_member(body, "reason"));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    if (k.version != version) return stale();
    ATB_TRY(check_transition(k.stage, to, facts_of(k)));
    if (k.stage == "plan" && to == "implementation") {  // needs an approved plan of this plan stage
      ATB_TRY_ASSIGN(made, approved_plan_created_at(c, id));
      ATB_TRY(check_plan_stage(k.stage, to, entered_stage_at(k, "plan"), made));
    }
    ATB_TRY_ASSIGN(written, change_stage(c, k, version, StageChange{to, {}, {}, {}}, reason, p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, id, "transition", k.stage + " -> " + to);
  }));
  return Response::json(answer);
}

Result<Response> record_agreement(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"agreed_on", "person_ids", "note"}));
  ATB_TRY_ASSIGN(agreed_on, http::required_string(body, "agreed_on", 10));
  ATB_TRY_ASSIGN(persons, http::id_array(body, "person_ids", 30));
  if (persons.empty()) return Error::invalid_field("person_ids", {"Norādiet, kas vienojās.", "Say who agreed."});
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_agreement_stage(k));
    const auto opened = parse_date(k.opened_on);
    ATB_TRY_ASSIGN(on, check_agreed_on(agreed_on, opened.value_or(Date{}), today_riga()));
    std::vector<std::int64_t> members;
    if (k.household_id) ATB_TRY_ASSIGN_TO(members, household_members(c, *k.household_id));
    if (k.person_id) members.push_back(*k.person_id);
    for (std::size_t n = 0; n < persons.size(); ++n) {
      if (std::find(members.begin(), members.end(), persons[n]) == members.end()) {
        return Error::invalid_field("person_ids." + std::to_string(n), {"Persona nav šī gadījuma mājsaimniecībā.",
                                                                        "The person is not in this case's household."});
      }
    }
    const Agreement a{0, on.iso(), persons, note.value_or(""), p.user_id, now_utc_iso()};
    ATB_TRY(insert_agreement(c, id, a));
    return changed(c, p, req, id, "agreement", "");
  }));
  return Response::json(answer, 201);
}

Result<Response> request_closure(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"reason", "outcome_rating", "note"}));
  ATB_TRY_ASSIGN(reason, http::required_string(body, "reason", 40));
  if (!body.contains("outcome_rating") || !body["outcome_rating"].is_number_integer()) {
    return Error::invalid_field("outcome_rating", {"Novērtējumam jābūt no 1 līdz 5.", "The rating must be 1 to 5."});
  }
  const int rating = static_cast<int>(std::clamp<std::int64_t>(body["outcome_rating"].get<std::int64_t>(), -1, 99));
  ATB_TRY(check_closure_fields(reason, rating));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::read));
    ATB_TRY(access::may_request_closure(p, scope_of(k)));
    ATB_TRY(check_closure_request(k));
    const std::string now = now_utc_iso();
    ClosureRequest r;
    r.closure_reason = reason;
    r.outcome_rating = rating;
    r.note = note.value_or("");
    r.requested_by = p.user_id;
    r.requested_at = now;
    ATB_TRY(insert_closure_request(c, id, r));
    ATB_TRY_ASSIGN(supervisors, team_supervisors(c, k.team_id));
    const std::string ref = "#" + std::to_string(id);
    ATB_TRY(notify(c, supervisors, {0, "closure_requested", "case", id,
                                    {"Gadījuma " + ref + " slēgšana gaida apstiprinājumu.",
                                     "Closing case " + ref + " awaits approval."}, now, std::nullopt}));
    return changed(c, p, req, id, "request_closure", reason);
  }));
  return Response::json(answer, 201);
}

Result<Response> decide_closure(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"approved", "note"}));
  if (!body.contains("approved") || !body["approved"].is_boolean()) {
    return Error::invalid_field("approved", {"Norādiet true (apstiprināt) vai false (noraidīt).",
                                             "Give true (approve) or false (reject)."});
  }
  const bool approved = body["approved"].get<bool>();
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::read));
    ATB_TRY(access::may_decide_closure(p, scope_of(k)));
    ATB_TRY(check_closure_decision(k));
    const ClosureRequest& r = *k.closure_request;
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(decided, decide_closure_request(c, r.id, approved, p.user_id, note.value_or(""), now));
    if (!decided) return stale();
    if (approved) {
      const StageChange close{"closed", today_riga().iso(), r.closure_reason, r.outcome_rating};
      const std::string why = r.note.empty() ? r.closure_reason : r.note;
      ATB_TRY_ASSIGN(written, change_stage(c, k, k.version, close, why, p.user_id, now));
      if (!written) return stale();
    }
    const std::string ref = "#" + std::to_string(id);
    ATB_TRY(notify(c, {r.requested_by}, {0, "closure_decided", "case", id,
                                         approved ? Text{"Gadījuma " + ref + " slēgšana apstiprināta.", "Closing case " + ref + " was approved."}
                                                  : Text{"Gadījuma " + ref + " slēgšana noraidīta.", "Closing case " + ref + " was rejected."},
                                         now, std::nullopt}));
    return changed(c, p, req, id, approved ? "approve_closure" : "reject_closure", note.value_or(""));
  }));
  return Response::json(answer);
}

}  // namespace

void add_case_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/cases", handler(cc, list),
             {.summary = "Open cases in the caller's scope (mine=1: lead or co-worker; stage=…), paginated.", .tag = "cases",
              .authenticated = true});
  router.add(Method::get, "/api/v1/cases/{id}", handler(cc, read),
             {.summary = "A case with its transition history, agreement and closure request.", .tag = "cases",
              .authenticated = true});
  router.add(Method::patch, "/api/v1/cases/{id}", handler(cc, assign),
             {.summary = "Change the lead worker (supervisor or head) and co-workers (version required).",
              .tag = "cases", .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/transitions", handler(cc, transition),
             {.summary = "Move the case to another stage (409 with the reason when not allowed).", .tag = "cases",
              .authenticated = true, .request_schema = kTransitionSchema});
  router.add(Method::post, "/api/v1/cases/{id}/agreement", handler(cc, record_agreement),
             {.summary = "Record the agreement to cooperate: date and the household members who agreed.", .tag = "cases",
              .authenticated = true, .request_schema = kAgreementSchema, .success_status = 201});
  router.add(Method::post, "/api/v1/cases/{id}/closure-request", handler(cc, request_closure),
             {.summary = "The lead worker asks to close the case (reason, outcome rating).", .tag = "cases",
              .authenticated = true, .request_schema = kClosureSchema, .success_status = 201});
  router.add(Method::post, "/api/v1/cases/{id}/closure-decision", handler(cc, decide_closure),
             {.summary = "A supervisor of the team approves (closing the case) or rejects a closure request.",
              .tag = "cases", .authenticated = true, .request_schema = kDecisionSchema});
}

}  // namespace atb::cases
