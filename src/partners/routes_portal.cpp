// The partner portal: who the caller's institution is; concern reports (a school social
// pedagogue's report about a child becomes an intake through the intake creation path of
// cases, with the institution as reporter; she then sees her own reports and their status,
// never the case); the plan tasks assigned to her institution and their status. Every read,
// list and change is audited; a record not hers answers 404 with a "denied" audit entry.
#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "cases/plan_rules.h"
#include "cases/plan_store.h"
#include "cases/rules.h"
#include "core/time.h"
#include "http/json_body.h"
#include "partners/routes.h"
#include "partners/routes_common.h"
#include "partners/rules.h"
#include "partners/store.h"

namespace atb::partners {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoConcern{"Ziņojums nav atrasts.", "No such report."};
const Text kNoTask{"Uzdevums nav atrasts.", "No such task."};

constexpr const char* kConcernSchema = R"({"type":"object","required":["child_name","concern","categories"],
  "properties":{"child_name":{"type":"string","maxLength":200},"child_birth_date":{"type":"string","format":"date"},
   "child_personal_code":{"type":"string","maxLength":20},"school":{"type":"string","maxLength":200},
   "concern":{"type":"string","maxLength":4000},"categories":{"type":"array","items":{"type":"string"},"minItems":1}}})";
constexpr const char* kTaskSchema = R"({"type":"object","required":["version","status"],
  "properties":{"version":{"type":"integer"},"status":{"enum":["open","in_progress","done","cancelled"]},
   "note":{"type":"string","maxLength":2000}}})";

Result<Partner> own_institution(storage::Connection& c, const access::Principal& p) {
  ATB_TRY_ASSIGN(found, load_partner(c, *p.partner_id));
  if (!found || !found->active) {
    return Error{Errc::forbidden, {"Jūsu iestāde reģistrā nav aktīva.", "Your institution is not active in the register."},
                 {}, {}};
  }
  return std::move(*found);
}

Result<Response> institution(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) { return own_institution(c, p); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "partner", std::to_string(found.id)));
  json out = to_json(found);
  out["user"] = {{"id", p.user_id}, {"full_name", p.full_name}};
  return Response::json(out);
}

// The intake a concern report becomes: routine, in the team that takes web requests (config
// [cases] web_department / web_team) of the institution's municipality, with the institution
// as reporter and the pedagogue as contact.
Result<cases::Intake> concern_intake(storage::Connection& c, const cases::CaseContext& cc, const access::Principal& p,
                                     const Partner& from, const ConcernDraft& d, TimePoint now) {
  ATB_TRY_ASSIGN(m, c.query("SELECT code FROM municipality WHERE id = ?", storage::params(from.municipality_id)));
  ATB_TRY_ASSIGN(team, cases::find_team(c, m.empty() ? "" : m[0].text(0), cc.settings.web_department, cc.settings.web_team));
  if (!team) return Error::internal("the team for partner reports (config [cases] web_team) does not exist");
  const cases::Deadline deadline = cases::first_contact_deadline("routine", now, cc.calendar, cc.settings);
  cases::Intake i;
  i.municipality_id = team->municipality_id;
  i.department_id = team->department_id;
  i.team_id = team->team_id;
  i.channel = intake_channel(from.kind);
  i.urgency = "routine";
  std::string contact = p.full_name;
  if (from.phone) contact += ", " + *from.phone;
  i.reporter = {"partner", from.name, contact.substr(0, 200)};
  i.concern = intake_concern(d);
  i.problems = d.categories;
  i.received_at = i.created_at = iso_utc(now);
  i.first_contact_due_on = deadline.due_on.iso();
  i.created_by = p.user_id;
  return i;
}

// Tells the receiving team's supervisors and duty worker that an institution reported a concern
// (the child is not named in the notification; the intake is).
Result<void> tell_team(storage::Connection& c, const cases::Intake& intake, const Partner& from) {
  ATB_TRY_ASSIGN(told, cases::acute_recipients(c, intake.team_id));
  return cases::notify(c, told,
                       {0, "partner_concern", "intake", intake.id,
                        {"Iestādes ziņojums par bērnu (" + from.name + "): pieteikums " + intake.reference +
                             ", pirmais kontakts līdz " + intake.first_contact_due_on + ".",
                         "Concern report from " + from.name + ": intake " + intake.reference + ", first contact by " +
                             intake.first_contact_due_on + "."},
                        intake.created_at,
                        std::nullopt});
}

Result<Response> file_concern(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"child_name", "child_birth_date", "child_personal_code", "school",
                                                    "concern", "categories"}));
  const TimePoint now = std::chrono::system_clock::now();
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(from, own_institution(c, p));
    ATB_TRY_ASSIGN(draft, concern_from(body, from.name, riga_date_at(now)));
    ATB_TRY_ASSIGN(intake, concern_intake(c, cc, p, from, draft, now));
    ATB_TRY_ASSIGN(intake_id, cases::register_intake(c, intake, p.user_id));
    ATB_TRY(tell_team(c, intake, from));
    Concern k;
    k.partner_id = from.id;
    k.intake_id = intake_id;
    k.reported_by = p.user_id;
    k.child_name = draft.child_name;
    k.child_birth_date = draft.child_birth_date;
    k.school = draft.school;
    k.created_at = intake.created_at;
    ATB_TRY_ASSIGN(id, insert_concern(c, k));
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "create", "intake", std::to_string(intake_id), "partner concern " + std::to_string(id)),
        access::audit_entry(p, req, "create", "partner_concern", std::to_string(id), from.name)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, load_concern(c, id));
    if (!stored) return Error::internal("concern vanished");
    return to_json(*stored);
  }));
  return Response::json(answer, 201);
}

Result<Response> my_concerns(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_concerns(c, p.user_id, *p.partner_id, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const Concern& k : found.first) {
    ids.push_back(k.id);
    items.push_back(to_json(k));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "partner_concern", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

Result<Response> read_concern(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoConcern));
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Concern> {
    ATB_TRY_ASSIGN(k, load_concern(c, id));
    if (!k || access::concern_access(p, {0, k->partner_id, k->reported_by}) == access::Access::none) {
      return Error{Errc::not_found, kNoConcern, {}, {}};
    }
    return std::move(*k);
  }));
  ATB_TRY(access::audit_read(cc.access, p, req, "partner_concern", std::to_string(id)));
  return Response::json(to_json(found));
}

Result<Response> my_tasks(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) { return list_partner_tasks(c, *p.partner_id); }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const PartnerTask& t : found) {
    ids.push_back(t.id);
    items.push_back(to_json(t));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "case_task", ids));
  return Response::json({{"items", items}, {"total", items.size()}});
}

// The task `id` with its case, when the policy lets `p` change it through the portal (not_found
// otherwise, also once its case closed or its plan is no longer in force).
struct OpenTask {
  PartnerTask task;
  cases::CaseFile k;
};
Result<OpenTask> open_task(storage::Connection& c, const access::Principal& p, std::int64_t id) {
  const Error missing{Errc::not_found, kNoTask, {}, {}};
  ATB_TRY_ASSIGN(t, load_partner_task(c, id));
  if (!t || t->partner_id == 0) return missing;
  ATB_TRY_ASSIGN(k, cases::load_case(c, t->case_id));
  if (!k) return missing;
  // As in her list: only a task of a plan in force of an open case is hers (a 409 would tell her
  // that the case closed or the plan changed).
  if (k->stage == "closed" || t->plan_status != "approved") return missing;
  ATB_TRY_ASSIGN(scope, case_scope(c, *k));
  if (access::partner_task_access(p, scope, t->partner_id) != access::Access::change) return missing;
  return OpenTask{std::move(*t), std::move(*k)};
}

Result<Response> update_task(const cases::CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoTask));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "status", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(status, http::required_string(body, "status", 20));
  ATB_TRY_ASSIGN(note, http::optional_text(body, "note", 2000));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_task(c, p, id));
    ATB_TRY(cases::check_task_change(opened.k, opened.task.plan_status, opened.task.status, status));
    const Error stale{Errc::conflict, {"Uzdevumu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                                       "The task was changed meanwhile; open it again."}, {}, {}};
    if (opened.task.version != version) return stale;
    const auto kept = body.contains("note") ? note : opened.task.note;
    ATB_TRY_ASSIGN(written, cases::update_task(c, id, version, status, kept, p.user_id, now_utc_iso()));
    if (!written) return stale;
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "case_task", std::to_string(id), status)};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(again, load_partner_task(c, id));
    if (!again) return Error::internal("task vanished");
    return to_json(*again);
  }));
  return Response::json(answer);
}

}  // namespace

void add_portal_routes(http::Router& router, const cases::CaseContext& cc) {
  router.add(Method::get, "/api/v1/partner", portal_handler(cc, "partner", institution),
             {.summary = "Partner portal: the caller's institution and herself.", .tag = "partner portal",
              .authenticated = true});
  router.add(Method::get, "/api/v1/partner/concerns", portal_handler(cc, "partner_concern", my_concerns),
             {.summary = "Partner portal: the concern reports the caller filed, newest first, with their status.",
              .tag = "partner portal", .authenticated = true});
  router.add(Method::post, "/api/v1/partner/concerns", portal_handler(cc, "partner_concern", file_concern),
             {.summary = "Partner portal: report a concern about a child; it becomes an intake (channel school, the "
                         "institution as reporter).",
              .tag = "partner portal", .authenticated = true, .request_schema = kConcernSchema, .success_status = 201});
  router.add(Method::get, "/api/v1/partner/concerns/{id}", portal_handler(cc, "partner_concern", read_concern),
             {.summary = "Partner portal: one of the caller's concern reports and its status.", .tag = "partner portal",
              .authenticated = true});
  router.add(Method::get, "/api/v1/partner/tasks", portal_handler(cc, "case_task", my_tasks),
             {.summary = "Partner portal: plan tasks assigned to the caller's institution (plans in force, open cases).",
              .tag = "partner portal", .authenticated = true});
  router.add(Method::patch, "/api/v1/partner/tasks/{id}", portal_handler(cc, "case_task", update_task),
             {.summary = "Partner portal: change the status (and note) of a task assigned to the caller's institution.",
              .tag = "partner portal", .authenticated = true, .request_schema = kTaskSchema});
}

}  // namespace atb::partners
