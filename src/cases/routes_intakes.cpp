// Intakes: list, register, read, record the outcome (open a case, refer elsewhere, no
// action); the duty board of acute intakes and the teams' duty workers.
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
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

const Text kNoIntake{"Pieteikums nav atrasts.", "No such intake."};

constexpr const char* kIntakeSchema = R"({"type":"object","required":["channel","urgency","reporter","concern","problems"],
  "properties":{"team_id":{"type":"integer"},
   "channel":{"enum":["visit","phone","email","web","partner_referral","police","school"]},
   "urgency":{"enum":["routine","priority","acute"]},
   "reporter":{"type":"object","required":["kind"],"properties":{"kind":{"enum":["person","partner","anonymous"]},
     "name":{"type":"string","maxLength":200},"contact":{"type":"string","maxLength":200}}},
   "household_id":{"type":"integer"},"person_ids":{"type":"array","items":{"type":"integer"},"maxItems":30},
   "concern":{"type":"string","maxLength":10000},"problems":{"type":"array","items":{"type":"string"},"minItems":1},
   "first_contact_due_on":{"type":"string","format":"date"}}})";
constexpr const char* kOutcomeSchema = R"({"type":"object","required":["version","outcome"],
  "properties":{"version":{"type":"integer"},"outcome":{"enum":["open_case","referred","no_action"]},
   "reason":{"type":"string","maxLength":2000},"referred_to":{"type":"string","maxLength":200},
   "household_id":{"type":"integer"},"person_id":{"type":"integer"},"lead_worker_id":{"type":"integer"},
   "co_worker_ids":{"type":"array","items":{"type":"integer"},"maxItems":10}}})";

Error stale() {
  return Error{Errc::conflict, {"Pieteikumu pa to laiku mainīja kāds cits, vai tas jau ir izskatīts; atveriet to no jauna.",
                                "The intake was changed meanwhile or already has an outcome; open it again."}, {}, {}};
}

json intake_answer(const access::Principal& p, const Intake& i) {
  return to_json(i, access::may_see_reporter(p, scope_of(i)));
}

Result<Response> create(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_take_intakes(p));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"team_id", "channel", "urgency", "reporter", "household_id",
                                                    "person_ids", "concern", "problems", "first_contact_due_on"}));
  ATB_TRY_ASSIGN(intake, intake_from_body(body));
  const TimePoint now = std::chrono::system_clock::now();
  Deadline deadline = first_contact_deadline(intake.urgency, now, cc.calendar, cc.settings);
  if (body.contains("first_contact_due_on")) {
    ATB_TRY_ASSIGN(given, http::required_string(body, "first_contact_due_on", 10));
    ATB_TRY_ASSIGN_TO(deadline, chosen_deadline(given, intake.urgency, deadline, riga_date_at(now)));
  }
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(team, own_team(c, p, body));
    if (access::intake_access(p, team) != access::Access::change) {
      return Error::invalid_field("team_id", {"Šajā komandā pieteikumus reģistrēt nevarat.", "You cannot register intakes in this team."});
    }
    if (intake.household_id) ATB_TRY(check_household(c, p, *intake.household_id, "household_id"));
    for (std::size_t n = 0; n < intake.person_ids.size(); ++n) {
      ATB_TRY(check_person(c, p, intake.person_ids[n], "person_ids." + std::to_string(n)));
    }
    intake.municipality_id = team.municipality_id;
    intake.department_id = team.department_id;
    intake.team_id = team.team_id;
    intake.received_at = intake.created_at = iso_utc(now);
    intake.first_contact_due_on = deadline.due_on.iso();
    if (deadline.due_at) intake.first_contact_due_at = iso_utc(*deadline.due_at);
    intake.created_by = p.user_id;
    ATB_TRY_ASSIGN(id, register_intake(c, intake, p.user_id));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "create", "intake", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, open_intake(c, p, id, access::Access::read));
    return intake_answer(p, stored);
  }));
  return Response::json(answer, 201);
}

Result<Response> read(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoIntake));
  ATB_TRY_ASSIGN(i, cc.access.db->read([&](storage::Connection& c) { return open_intake(c, p, id, access::Access::read); }));
  ATB_TRY(access::audit_read(cc.access, p, req, "intake", std::to_string(id)));
  return Response::json(intake_answer(p, i));
}

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  IntakeFilter filter{req.query("status").value_or(""), req.query("urgency").value_or("")};
  if (!filter.status.empty() && filter.status != "open" && filter.status != "closed") {
    return Error::invalid_field("status", {"Statuss ir open vai closed.", "The status is open or closed."});
  }
  if (!filter.urgency.empty() && !one_of(kUrgencies, filter.urgency)) {
    return Error::invalid_field("urgency", {"Nezināma steidzamība.", "Unknown urgency."});
  }
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) {
    return list_intakes(c, access::intake_visible_sql(p, "i"), filter, paging.page, paging.page_size);
  }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const Intake& i : found.first) {
    ids.push_back(i.id);
    items.push_back(intake_answer(p, i));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "intake", ids));
  return Response::json({{"items", items}, {"total", found.second}, {"page", paging.page}, {"page_size", paging.page_size}});
}

// Triage of an open intake: urgency (the deadline follows from the time it was received; a
// move to acute alerts at once), problems, the household and persons concerned.
Result<Response> triage(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoIntake));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "urgency", "problems", "household_id", "person_ids"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  std::optional<std::string> urgency;
  if (body.contains("urgency")) {
    ATB_TRY_ASSIGN_TO(urgency, http::required_string(body, "urgency", 20));
    if (!one_of(kUrgencies, *urgency)) return Error::invalid_field("urgency", {"Nezināma steidzamība.", "Unknown urgency."});
  }
  std::optional<std::vector<std::string>> problems;
  if (body.contains("problems")) ATB_TRY_ASSIGN_TO(problems, problems_from(body));
  std::optional<std::vector<std::int64_t>> persons;
  if (body.contains("person_ids")) ATB_TRY_ASSIGN_TO(persons, http::id_array(body, "person_ids", 30));
  ATB_TRY_ASSIGN(household, optional_id(body, "household_id"));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(i, open_intake(c, p, id, access::Access::change));
    if (i.version != version || i.status != "open") return stale();
    Intake after = i;
    if (urgency && *urgency != i.urgency) {
      const TimePoint received = parse_iso_utc(i.received_at).value_or(std::chrono::system_clock::now());
      const Deadline d = first_contact_deadline(*urgency, received, cc.calendar, cc.settings);
      after.urgency = *urgency;
      after.first_contact_due_on = d.due_on.iso();
      after.first_contact_due_at = d.due_at ? std::optional(iso_utc(*d.due_at)) : std::nullopt;
    }
    if (problems) after.problems = *problems;
    if (body.contains("household_id")) after.household_id = household;
    if (after.household_id && after.household_id != i.household_id) {
      ATB_TRY(check_household(c, p, *after.household_id, "household_id"));
    }
    if (persons) {
      after.person_ids = *persons;
      for (std::size_t n = 0; n < persons->size(); ++n) {
        ATB_TRY(check_person(c, p, (*persons)[n], "person_ids." + std::to_string(n)));
      }
    }
    const std::string now = now_utc_iso();
    ATB_TRY_ASSIGN(written, update_intake(c, after, version, now));
    if (!written) return stale();
    if (after.urgency == "acute" && i.urgency != "acute") ATB_TRY(alert_acute(c, after, p.user_id, now));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "update", "intake", std::to_string(id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(stored, open_intake(c, p, id, access::Access::read));
    return intake_answer(p, stored);
  }));
  return Response::json(answer);
}

// The case an "open_case" outcome opens: its subject, lead worker and co-workers.
Result<CaseFile> case_from(storage::Connection& c, const access::Principal& p, const Intake& i, const json& body) {
  CaseFile k;
  k.municipality_id = i.municipality_id;
  k.department_id = i.department_id;
  k.team_id = i.team_id;
  k.intake_id = i.id;
  k.opened_on = today_riga().iso();
  ATB_TRY_ASSIGN(household, optional_id(body, "household_id"));
  ATB_TRY_ASSIGN(person, optional_id(body, "person_id"));
  if (household && person) {
    return Error::invalid_field("person_id", {"Gadījums ir vai nu mājsaimniecībai, vai personai.", "A case is for a household or a person, not both."});
  }
  if (!household && !person) {
    household = i.household_id;
    if (!household && i.person_ids.size() == 1) person = i.person_ids.front();
  }
  if (household) ATB_TRY(check_household(c, p, *household, "household_id"));
  else if (person) ATB_TRY(check_person(c, p, *person, "person_id"));
  else return Error::invalid_field("household_id", {"Norādiet mājsaimniecību vai personu.", "Give the household or the person."});
  k.household_id = household;
  k.person_id = person;
  ATB_TRY_ASSIGN(lead, optional_id(body, "lead_worker_id"));
  k.lead_worker_id = lead.value_or(p.user_id);
  if (body.contains("co_worker_ids")) ATB_TRY_ASSIGN_TO(k.co_worker_ids, http::id_array(body, "co_worker_ids", 10));
  ATB_TRY(check_case_workers(c, scope_of(i), k.lead_worker_id, k.co_worker_ids));
  if (k.lead_worker_id != p.user_id) ATB_TRY(access::may_assign_lead(p, scope_of(k)));
  return k;
}

Result<Response> outcome(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoIntake));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "outcome", "reason", "referred_to", "household_id",
                                                    "person_id", "lead_worker_id", "co_worker_ids"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(kind, http::required_string(body, "outcome", 20));
  if (!one_of(kOutcomes, kind)) return Error::invalid_field("outcome", {"Nezināms iznākums.", "Unknown outcome."});
  OutcomeRecord record{kind, "", std::nullopt, std::nullopt, p.user_id};
  if (kind == "no_action") {
    ATB_TRY_ASSIGN_TO(record.reason, reason_member(body, "reason"));
  } else {
    ATB_TRY_ASSIGN(reason, http::optional_text(body, "reason", 2000));
    record.reason = reason.value_or("");
  }
  if (kind == "referred") {
    ATB_TRY_ASSIGN(to, http::optional_string(body, "referred_to", 200));
    if (!to || to->empty()) return Error::invalid_field("referred_to", {"Norādiet, kur nosūtīts.", "Say where it was referred."});
    record.referred_to = to;
  }
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(i, open_intake(c, p, id, access::Access::change));
    if (i.version != version || i.status != "open") return stale();
    const std::string now = now_utc_iso();
    std::vector<audit::Entry> entries;
    if (kind == "open_case") {
      ATB_TRY_ASSIGN(k, case_from(c, p, i, body));
      ATB_TRY_ASSIGN(case_id, insert_case(c, k, "Pieteikums " + i.reference, p.user_id, now));
      record.case_id = case_id;
      entries.push_back(access::audit_entry(p, req, "create", "case", std::to_string(case_id)));
    }
    ATB_TRY_ASSIGN(written, set_intake_outcome(c, id, version, record, now));
    if (!written) return stale();
    entries.push_back(access::audit_entry(p, req, "outcome", "intake", std::to_string(id), kind));
    ATB_TRY(audit::append(c, entries));
    ATB_TRY_ASSIGN(after, open_intake(c, p, id, access::Access::read));
    return intake_answer(p, after);
  }));
  return Response::json(answer);
}

Result<Response> duty_board(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(answer, cc.access.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(found, list_intakes(c, access::intake_visible_sql(p, "i"), {"open", "acute"}, 1, 100));
    ATB_TRY_ASSIGN(duty, load_duty(c, p.team_ids));
    const std::string now = now_utc_iso();
    json items = json::array();
    for (const Intake& i : found.first) {
      json item = intake_answer(p, i);
      item["overdue"] = i.first_contact_due_at && *i.first_contact_due_at < now;
      items.push_back(std::move(item));
    }
    json workers = json::array();
    for (const DutyWorker& d : duty) {
      workers.push_back({{"team_id", d.team_id}, {"user_id", d.user_id}, {"name", d.full_name}, {"since", d.set_at}});
    }
    return json{{"items", items}, {"total", found.second}, {"duty_workers", workers}};
  }));
  std::vector<std::int64_t> ids;
  for (const json& item : answer["items"]) ids.push_back(item["id"].get<std::int64_t>());
  ATB_TRY(access::audit_list(cc.access, p, req, "intake", ids));
  return Response::json(answer);
}

Result<Response> set_duty_worker(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"team_id", "user_id"}));
  ATB_TRY_ASSIGN(team_id, optional_id(body, "team_id"));
  ATB_TRY_ASSIGN(user_id, optional_id(body, "user_id"));
  if (!team_id) return Error::invalid_field("team_id", {"Norādiet komandu.", "Give the team."});
  if (!user_id) return Error::invalid_field("user_id", {"Norādiet darbinieku.", "Give the worker."});
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(team, team_scope(c, *team_id));
    if (!team || team->municipality_id != p.municipality_id) {
      ATB_TRY(access::may_work_cases(p));
      return Error::invalid_field("team_id", {"Tādas komandas nav.", "No such team."});
    }
    ATB_TRY(access::may_set_duty(p, *team));
    ATB_TRY(check_worker(c, *team, *user_id, true, "user_id"));
    const std::string now = now_utc_iso();
    ATB_TRY(set_duty(c, *team_id, *user_id, p.user_id, now));
    std::vector<audit::Entry> entries{access::audit_entry(p, req, "set_duty", "team", std::to_string(*team_id),
                                                          "user " + std::to_string(*user_id))};
    ATB_TRY(audit::append(c, entries));
    return json{{"team_id", *team_id}, {"user_id", *user_id}, {"since", now}};
  }));
  return Response::json(answer);
}

}  // namespace

void add_intake_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/intakes", handler(cc, list),
             {.summary = "Intakes in the caller's scope, the nearest deadline first (by status, urgency).",
              .tag = "cases", .authenticated = true});
  router.add(Method::post, "/api/v1/intakes", handler(cc, create),
             {.summary = "Register an intake; acute ones alert the team's supervisors and duty worker.", .tag = "cases",
              .authenticated = true, .request_schema = kIntakeSchema, .success_status = 201});
  router.add(Method::get, "/api/v1/intakes/duty-board", handler(cc, duty_board),
             {.summary = "Open acute intakes (rapid response) and the duty workers.", .tag = "cases", .authenticated = true});
  router.add(Method::put, "/api/v1/intakes/duty-worker", handler(cc, set_duty_worker),
             {.summary = "Name a team's duty worker (the team's supervisor or the department head).", .tag = "cases",
              .authenticated = true});
  router.add(Method::get, "/api/v1/intakes/{id}", handler(cc, read),
             {.summary = "An intake; the reporter only for the workers handling it.", .tag = "cases", .authenticated = true});
  router.add(Method::patch, "/api/v1/intakes/{id}", handler(cc, triage),
             {.summary = "Triage an open intake: urgency (acute alerts at once), problems, household, persons.",
              .tag = "cases", .authenticated = true});
  router.add(Method::post, "/api/v1/intakes/{id}/outcome", handler(cc, outcome),
             {.summary = "Record the outcome: open a case, referred elsewhere, or no action with a reason.", .tag = "cases",
              .authenticated = true, .request_schema = kOutcomeSchema});
}

void add_routes(http::Router& router, const CaseContext& cc) {
  add_intake_routes(router, cc);
  add_public_routes(router, cc);
  add_case_routes(router, cc);
  add_notification_routes(router, cc);
  add_assessment_routes(router, cc);
  add_plan_routes(router, cc);
  add_work_routes(router, cc);
  add_note_routes(router, cc);
  add_document_routes(router, cc);
  add_opinion_routes(router, cc);
}

}  // namespace atb::cases
