// The cooperation plan (sadarbības plāns) of a case and its tasks: the plan in force and the one
// being prepared, any version, a new draft, replacing a draft's goals and tasks, the family's
// agreement, submitting (approved at once where the department requires no approval) and a
// supervisor's decision, and task status updates. Contract: docs/api-cases-plan.md. Access
// follows the case (open_case); every read, list and change is audited (case_plan, case_task).
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "cases/plan_json.h"
#include "cases/plan_rules.h"
#include "cases/plan_store.h"
#include "cases/routes.h"
#include "core/time.h"
#include "http/json_body.h"
#include "partners/store.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};
const Text kNoPlan{"Plāns nav atrasts.", "No such plan."};
const Text kNoTask{"Uzdevums nav atrasts.", "No such task."};

constexpr const char* kPlanBodySchema = R"({"type":"object","required":["goals","review_on"],
  "properties":{"version":{"type":"integer"},"review_on":{"type":"string","format":"date"},
   "goals":{"type":"array","minItems":1,"maxItems":20,"items":{"type":"object","required":["text"],
    "properties":{"text":{"type":"string","maxLength":2000},"domain":{"type":"string","maxLength":64},
     "assessment_id":{"type":"integer"},"member":{"type":"string"},
     "tasks":{"type":"array","maxItems":30,"items":{"type":"object","required":["text","due_on","responsible"],
      "properties":{"text":{"type":"string","maxLength":2000},"due_on":{"type":"string","format":"date"},
       "responsible":{"type":"object","required":["kind"],"properties":{"kind":{"enum":["member","worker","partner"]},
        "person_id":{"type":"integer"},"user_id":{"type":"integer"},"partner_name":{"type":"string","maxLength":200},
        "partner_id":{"type":"integer"}}}}}}}}}}})";
constexpr const char* kAgreementSchema = R"({"type":"object","required":["version","agreed_on","person_ids"],
  "properties":{"version":{"type":"integer"},"agreed_on":{"type":"string","format":"date"},
   "person_ids":{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":30}}})";
constexpr const char* kVersionSchema = R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"}}})";
constexpr const char* kDecisionSchema = R"({"type":"object","required":["version","approved"],
  "properties":{"version":{"type":"integer"},"approved":{"type":"boolean"},"note":{"type":"string","maxLength":2000}}})";
constexpr const char* kTaskSchema = R"({"type":"object","required":["version","status"],
  "properties":{"version":{"type":"integer"},"status":{"enum":["open","in_progress","done","cancelled"]},
   "note":{"type":["string","null"],"maxLength":2000}}})";

Error stale() {
  return Error{Errc::conflict, {"Plānu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                                "Someone else changed the plan meanwhile; open it again."}, {}, {}};
}

// A `{name}` path parameter as an id; not_found with `missing` otherwise.
Result<std::int64_t> path_param(const Request& req, const char* name, const Text& missing) {
  const auto id = http::path_id(req.param(name));
  if (!id) return Error{Errc::not_found, missing, {}, {}};
  return *id;
}

Result<PlanFacts> facts_for(storage::Connection& c, const CaseFile& k) {
  PlanFacts facts;
  ATB_TRY_ASSIGN_TO(facts.persons, case_person_ids(c, k));
  facts.workers = k.co_worker_ids;
  facts.workers.push_back(k.lead_worker_id);
  ATB_TRY_ASSIGN_TO(facts.completed_assessments, completed_assessment_ids(c, k.id));
  ATB_TRY_ASSIGN_TO(facts.partners, partners::active_partner_ids(c, k.municipality_id));
  return facts;
}

// A case (under the access policy) and one of its plans.
struct Opened {
  CaseFile k;
  Plan plan;
};
Result<Opened> open_plan(storage::Connection& c, const access::Principal& p, std::int64_t case_id, std::int64_t pid,
                         access::Access need) {
  ATB_TRY_ASSIGN(k, open_case(c, p, case_id, need));
  ATB_TRY_ASSIGN(plan, load_plan(c, case_id, pid));
  if (!plan) return Error{Errc::not_found, kNoPlan, {}, {}};
  return Opened{std::move(k), std::move(*plan)};
}

// The case and plan ids of a request.
struct PlanPath {
  std::int64_t case_id = 0, plan_id = 0;
};
Result<PlanPath> plan_path(const Request& req) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(pid, path_param(req, "pid", kNoPlan));
  return PlanPath{id, pid};
}

// Audits a change of a plan, reads it again and answers it.
Result<json> changed(storage::Connection& c, const access::Principal& p, const Request& req, std::int64_t case_id,
                     std::int64_t plan_id, const std::string& action, const std::string& reason) {
  std::vector<audit::Entry> entries{access::audit_entry(p, req, action, "case_plan", std::to_string(plan_id), reason)};
  ATB_TRY(audit::append(c, entries));
  ATB_TRY_ASSIGN(again, load_plan(c, case_id, plan_id));
  if (!again) return Error::internal("plan vanished");
  return to_json(*again);
}

Result<Response> overview(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  struct Found {
    std::vector<PlanVersion> versions;
    std::vector<Plan> plans;
  };
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    ATB_TRY(open_case(c, p, id, access::Access::read, CaseDetail::access));
    Found f;
    ATB_TRY_ASSIGN_TO(f.versions, list_plan_versions(c, id));
    std::vector<std::int64_t> shown;
    for (const PlanVersion& v : f.versions) {
      if (v.status != "superseded") shown.push_back(v.id);
    }
    ATB_TRY_ASSIGN_TO(f.plans, load_plans(c, id, shown));
    return f;
  }));
  json out = {{"current", nullptr}, {"draft", nullptr}, {"versions", json::array()}};
  std::vector<std::int64_t> ids;
  for (const PlanVersion& v : found.versions) {
    ids.push_back(v.id);
    out["versions"].push_back(to_json(v));
  }
  for (const Plan& plan : found.plans) out[plan.status == "approved" ? "current" : "draft"] = to_json(plan);
  ATB_TRY(access::audit_list(cc.access, p, req, "case_plan", ids));
  return Response::json(out);
}

Result<Response> read(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(at, plan_path(req));
  ATB_TRY_ASSIGN(opened, cc.access.db->read([&](storage::Connection& c) {
    return open_plan(c, p, at.case_id, at.plan_id, access::Access::read);
  }));
  ATB_TRY(access::audit_read(cc.access, p, req, "case_plan", std::to_string(at.plan_id)));
  return Response::json(to_json(opened.plan));
}

Result<Response> create(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"goals", "review_on"}));
  ATB_TRY_ASSIGN(plan, plan_from_body(body));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(versions, list_plan_versions(c, id));
    bool preparing = false;
    for (const PlanVersion& v : versions) preparing = preparing || v.status == "draft" || v.status == "submitted";
    ATB_TRY(check_plan_start(k, preparing));
    ATB_TRY_ASSIGN(facts, facts_for(c, k));
    ATB_TRY(check_plan_body(plan, facts, today_riga()));
    plan.case_id = id;
    ATB_TRY_ASSIGN(pid, insert_plan(c, plan, p.user_id, now_utc_iso()));
    return changed(c, p, req, id, pid, "create", "");
  }));
  return Response::json(answer, 201);
}

Result<Response> replace(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(at, plan_path(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "goals", "review_on"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(plan, plan_from_body(body));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_plan(c, p, at.case_id, at.plan_id, access::Access::change));
    ATB_TRY(check_plan_edit(opened.k, opened.plan));
    if (opened.plan.version != version) return stale();
    ATB_TRY_ASSIGN(facts, facts_for(c, opened.k));
    ATB_TRY(check_plan_body(plan, facts, today_riga()));
    plan.case_id = at.case_id;
    ATB_TRY_ASSIGN(written, replace_plan_body(c, at.plan_id, version, plan, p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, at.case_id, at.plan_id, "update", "");
  }));
  return Response::json(answer);
}

Result<Response> family_agreement(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(at, plan_path(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "agreed_on", "person_ids"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(agreed_on, http::required_string(body, "agreed_on", 10));
  ATB_TRY_ASSIGN(persons, http::id_array(body, "person_ids", 30));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_plan(c, p, at.case_id, at.plan_id, access::Access::change));
    ATB_TRY(check_plan_edit(opened.k, opened.plan));
    if (opened.plan.version != version) return stale();
    ATB_TRY_ASSIGN(members, case_person_ids(c, opened.k));
    const Date made = parse_date(opened.plan.created_at.substr(0, 10)).value_or(Date{});
    ATB_TRY_ASSIGN(on, check_family_agreement(agreed_on, persons, members, made, today_riga()));
    ATB_TRY_ASSIGN(written, set_family_agreement(c, at.plan_id, version, on.iso(), persons, now_utc_iso()));
    if (!written) return stale();
    return changed(c, p, req, at.case_id, at.plan_id, "family_agreement", on.iso());
  }));
  return Response::json(answer);
}

Result<Response> submit(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(at, plan_path(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_plan(c, p, at.case_id, at.plan_id, access::Access::change));
    ATB_TRY(check_plan_submit(opened.k, opened.plan));
    if (opened.plan.version != version) return stale();
    const std::string status = status_after_submit(opened.plan.approval_required);
    const std::string now = now_utc_iso();
    if (status == "approved") ATB_TRY(supersede_in_force(c, at.case_id, now));
    ATB_TRY_ASSIGN(written, submit_plan(c, at.plan_id, version, status, p.user_id, now));
    if (!written) return stale();
    if (status == "submitted") {
      ATB_TRY_ASSIGN(supervisors, team_supervisors(c, opened.k.team_id));
      std::erase(supervisors, p.user_id);
      const std::string ref = "#" + std::to_string(at.case_id);
      ATB_TRY(notify(c, supervisors, {0, "plan_submitted", "case", at.case_id,
                                      {"Gadījuma " + ref + " sadarbības plāns gaida apstiprinājumu.",
                                       "The cooperation plan of case " + ref + " awaits approval."},
                                      now, std::nullopt}));
    }
    return changed(c, p, req, at.case_id, at.plan_id, "submit", status);
  }));
  return Response::json(answer);
}

Result<Response> decide(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(at, plan_path(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "approved", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  if (!body.contains("approved") || !body["approved"].is_boolean()) {
    return Error::invalid_field("approved", {"Norādiet true (apstiprināt) vai false (noraidīt).",
                                             "Give true (approve) or false (reject)."});
  }
  const bool approved = body["approved"].get<bool>();
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, at.case_id, access::Access::read));
    ATB_TRY(access::may_decide_plan(p, scope_of(k)));
    ATB_TRY_ASSIGN(plan, load_plan(c, at.case_id, at.plan_id));
    if (!plan) return Error{Errc::not_found, kNoPlan, {}, {}};
    ATB_TRY(check_plan_decision(k, *plan));
    if (plan->version != version) return stale();
    const std::string now = now_utc_iso();
    if (approved) ATB_TRY(supersede_in_force(c, at.case_id, now));
    ATB_TRY_ASSIGN(written, decide_plan(c, at.plan_id, version, approved, p.user_id, note, now));
    if (!written) return stale();
    if (plan->created_by.id != p.user_id) {
      const std::string ref = "#" + std::to_string(at.case_id);
      ATB_TRY(notify(c, {plan->created_by.id},
                     {0, "plan_decided", "case", at.case_id,
                      approved ? Text{"Gadījuma " + ref + " sadarbības plāns apstiprināts.",
                                      "The cooperation plan of case " + ref + " was approved."}
                               : Text{"Gadījuma " + ref + " sadarbības plāns atgriezts pārstrādei.",
                                      "The cooperation plan of case " + ref + " was returned for changes."},
                      now, std::nullopt}));
    }
    return changed(c, p, req, at.case_id, at.plan_id, approved ? "approve" : "reject", note.value_or(""));
  }));
  return Response::json(answer);
}

Result<Response> update_task_status(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(tid, path_param(req, "tid", kNoTask));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "status", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(status, http::required_string(body, "status", 20));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(found, load_task(c, id, tid));
    if (!found) return Error{Errc::not_found, kNoTask, {}, {}};
    ATB_TRY(check_task_change(k, found->plan_status, found->task.status, status));
    if (found->task.version != version) return stale();
    const auto kept = body.contains("note") ? note : found->task.note;
    ATB_TRY_ASSIGN(written, update_task(c, tid, version, status, kept, p.user_id, now_utc_iso()));
    if (!written) return stale();
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "case_task", std::to_string(tid), status)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(again, load_task(c, id, tid));
    if (!again) return Error::internal("task vanished");
    return to_json(again->task);
  }));
  return Response::json(answer);
}

}  // namespace

void add_plan_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/cases/{id}/plan", handler(cc, overview),
             {.summary = "A case's cooperation plan: the one in force, the one being prepared, and all versions.",
              .tag = "cases", .authenticated = true});
  router.add(Method::get, "/api/v1/cases/{id}/plans/{pid}", handler(cc, read),
             {.summary = "One version of a case's cooperation plan with goals and tasks.", .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/plans", handler(cc, create),
             {.summary = "Start a draft plan: goals tied to assessed difficulties, tasks, review date (409 when one "
                         "is being prepared).",
              .tag = "cases", .authenticated = true, .request_schema = kPlanBodySchema, .success_status = 201});
  router.add(Method::put, "/api/v1/cases/{id}/plans/{pid}", handler(cc, replace),
             {.summary = "Replace a draft's goals, tasks and review date (clears the family's agreement).",
              .tag = "cases", .authenticated = true, .request_schema = kPlanBodySchema});
  router.add(Method::post, "/api/v1/cases/{id}/plans/{pid}/family-agreement", handler(cc, family_agreement),
             {.summary = "Record the family's agreement with a draft plan: date and the members who agreed.",
              .tag = "cases", .authenticated = true, .request_schema = kAgreementSchema});
  router.add(Method::post, "/api/v1/cases/{id}/plans/{pid}/submit", handler(cc, submit),
             {.summary = "Submit a draft with the family's agreement to the team's supervisors (approved at once "
                         "where the department requires no approval).",
              .tag = "cases", .authenticated = true, .request_schema = kVersionSchema});
  router.add(Method::post, "/api/v1/cases/{id}/plans/{pid}/decision", handler(cc, decide),
             {.summary = "A supervisor of the team approves a submitted plan (superseding the one in force) or "
                         "returns it to draft.",
              .tag = "cases", .authenticated = true, .request_schema = kDecisionSchema});
  router.add(Method::patch, "/api/v1/cases/{id}/tasks/{tid}", handler(cc, update_task_status),
             {.summary = "Change the status (and note) of a task of the plan in force.", .tag = "cases",
              .authenticated = true, .request_schema = kTaskSchema});
}

}  // namespace atb::cases
