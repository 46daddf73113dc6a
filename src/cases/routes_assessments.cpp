// Assessment instruments (read-only definitions from config/instruments) and a case's
// assessments: start one with the latest version of an instrument, save draft answers, complete
// it (validated in full, scored, then fixed), and read its result. Through the case access
// policy: read for those who may read the case, change for those who may change it.
#include <nlohmann/json.hpp>

#include "audit/store.h"
#include "cases/assessment_json.h"
#include "cases/assessment_store.h"
#include "cases/case_store.h"
#include "cases/routes.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoCase{"Gadījums nav atrasts.", "No such case."};
const Text kNoAssessment{"Izvērtējums nav atrasts.", "No such assessment."};

constexpr const char* kCreateSchema = R"({"type":"object","required":["instrument"],
  "properties":{"instrument":{"type":"string","maxLength":64}}})";
constexpr const char* kAnswersSchema = R"({"type":"object","required":["version","answers"],
  "properties":{"version":{"type":"integer"},"answers":{"type":"object","required":["members"],
   "properties":{"household":{"type":"object"},"members":{"type":"array","items":{"type":"object",
    "required":["member","role","answers"],"properties":{"member":{"type":"string"},"role":{"type":"string"},
    "answers":{"type":"object"}}}}}}}})";
constexpr const char* kCompleteSchema = R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"}}})";

Error stale() {
  return Error{Errc::conflict,
               {"Izvērtējumu pa to laiku mainīja kāds cits; atveriet to no jauna.",
                "Someone else changed the assessment meanwhile; open it again."},
               {},
               {}};
}

// `e` with every field path put under `prefix` (answers are read from the body's "answers").
Error under(const std::string& prefix, Error e) {
  for (FieldError& f : e.fields) f.field = f.field.empty() ? prefix : prefix + "." + f.field;
  return e;
}

// A case and one of its assessments, opened for `need`.
struct Opened {
  CaseFile k;
  Assessment a;
};

// The `{aid}` path parameter; not_found when it is not an id.
Result<std::int64_t> assessment_id(const Request& req) {
  const auto id = http::path_id(req.param("aid"));
  if (!id) return Error{Errc::not_found, kNoAssessment, {}, {}};
  return *id;
}

// The case (under the access policy) and its assessment `aid`; not_found when it has none.
Result<Opened> open_assessment(storage::Connection& c, const access::Principal& p,
                               std::int64_t case_id, std::int64_t aid, access::Access need) {
  ATB_TRY_ASSIGN(k, open_case(c, p, case_id, need));
  ATB_TRY_ASSIGN(a, load_assessment(c, case_id, aid));
  if (!a) return Error{Errc::not_found, kNoAssessment, {}, {}};
  return Opened{std::move(k), std::move(*a)};
}

// The instrument version an assessment was started with (409 when it is no longer installed).
Result<const Instrument*> instrument_of(const CaseContext& cc, const Assessment& a) {
  if (const Instrument* ins = cc.instruments->find(a.instrument_id, a.instrument_version))
    return ins;
  return Error{Errc::conflict,
               {"Šī izvērtējuma instrumenta versija vairs nav uzstādīta.",
                "This assessment's instrument version is no longer installed."},
               {},
               a.instrument_id};
}

// Checks answers against the instrument (fully when `complete`, else as a draft) and the case's
// persons; field errors name the body path ("answers.members.0.answers.q3").
Result<void> check_answers(storage::Connection& c, const CaseFile& k, const Instrument& ins,
                           const AnswerSet& set, bool complete) {
  if (auto valid = validate_answers(ins, set, complete); !valid)
    return under("answers", std::move(valid).error());
  std::vector<std::int64_t> persons;
  if (k.household_id) ATB_TRY_ASSIGN_TO(persons, household_members(c, *k.household_id));
  if (k.person_id) persons.push_back(*k.person_id);
  std::vector<std::string> members;
  for (const MemberAnswers& m : set.members) members.push_back(m.member);
  return check_assessment_members(members, persons);
}

// Audits the change, reads the assessment again and answers it.
Result<json> changed(storage::Connection& c, const Request& req, const access::Principal& p,
                     const Assessment& a, const std::string& action, const std::string& reason) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, "assessment", std::to_string(a.id), reason)};
  ATB_TRY(audit::append(c, entries));
  ATB_TRY_ASSIGN(again, load_assessment(c, a.case_id, a.id));
  if (!again) return Error::internal("assessment vanished");
  return to_json(*again, true);
}

Result<Response> list_instruments(const CaseContext& cc, Request&, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  json items = json::array();
  for (const Instrument* ins : cc.instruments->latest_all()) items.push_back(instrument_json(*ins));
  return Response::json({{"items", items}, {"total", items.size()}});
}

Result<Response> read_instrument(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  const auto version = http::path_id(req.param("version"));
  const Instrument* ins =
      version ? cc.instruments->find(req.param("id"), static_cast<int>(*version)) : nullptr;
  if (!ins)
    return Error{Errc::not_found, {"Instruments nav atrasts.", "No such instrument."}, {}, {}};
  return Response::json(instrument_json(*ins));
}

Result<Response> list(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(found,
                 cc.access.db->read([&](storage::Connection& c) -> Result<std::vector<Assessment>> {
                   ATB_TRY(open_case(c, p, id, access::Access::read, CaseDetail::access));
                   return list_assessments(c, id);
                 }));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const Assessment& a : found) {
    ids.push_back(a.id);
    items.push_back(to_json(a, false));
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "assessment", ids));
  return Response::json({{"items", items}, {"total", items.size()}});
}

Result<Response> create(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"instrument"}));
  ATB_TRY_ASSIGN(instrument, http::required_string(body, "instrument", 64));
  const Instrument* ins = cc.instruments->latest(instrument);
  if (!ins)
    return Error::invalid_field("instrument", {"Nezināms instruments.", "Unknown instrument."});
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(k, open_case(c, p, id, access::Access::change));
    ATB_TRY(check_assessment_change(k, nullptr));
    Assessment a;
    a.case_id = id;
    a.instrument_id = ins->id;
    a.instrument_version = ins->version;
    a.created_by = p.user_id;
    ATB_TRY_ASSIGN_TO(a.id, insert_assessment(c, a, now_utc_iso()));
    return changed(c, req, p, a, "create", ins->id + " v" + std::to_string(ins->version));
  }));
  return Response::json(answer, 201);
}

Result<Response> read(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(aid, assessment_id(req));
  ATB_TRY_ASSIGN(opened, cc.access.db->read([&](storage::Connection& c) {
    return open_assessment(c, p, id, aid, access::Access::read);
  }));
  ATB_TRY(access::audit_read(cc.access, p, req, "assessment", std::to_string(aid)));
  return Response::json(to_json(opened.a, true));
}

Result<Response> save(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(aid, assessment_id(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "answers"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  if (!body.contains("answers"))
    return Error::invalid_field("answers", {"Obligāts lauks.", "Required field."});
  auto parsed = answers_from_json(body["answers"]);
  if (!parsed) return under("answers", std::move(parsed).error());
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_assessment(c, p, id, aid, access::Access::change));
    ATB_TRY(check_assessment_change(opened.k, &opened.a));
    ATB_TRY_ASSIGN(ins, instrument_of(cc, opened.a));
    ATB_TRY(check_answers(c, opened.k, *ins, *parsed, false));
    ATB_TRY_ASSIGN(written, save_draft_answers(c, aid, version, answers_to_json(*parsed).dump(),
                                               p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, req, p, opened.a, "update", "");
  }));
  return Response::json(answer);
}

Result<Response> complete(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(aid, assessment_id(req));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(answer, cc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(opened, open_assessment(c, p, id, aid, access::Access::change));
    ATB_TRY(check_assessment_change(opened.k, &opened.a));
    if (opened.a.version != version) return stale();
    ATB_TRY_ASSIGN(ins, instrument_of(cc, opened.a));
    ATB_TRY_ASSIGN(set, answers_from_json(json::parse(opened.a.answers, nullptr, false)));
    ATB_TRY(check_answers(c, opened.k, *ins, set, true));
    ATB_TRY_ASSIGN(score, score_answers(*ins, set));
    const std::string overall(risk_level_code(score.overall));
    ATB_TRY_ASSIGN(written, complete_assessment(c, aid, version, answers_to_json(set).dump(),
                                                overall, result_json(*ins, set, score).dump(),
                                                p.user_id, now_utc_iso()));
    if (!written) return stale();
    return changed(c, req, p, opened.a, "complete", overall);
  }));
  return Response::json(answer);
}

Result<Response> result(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoCase));
  ATB_TRY_ASSIGN(aid, assessment_id(req));
  ATB_TRY_ASSIGN(opened, cc.access.db->read([&](storage::Connection& c) {
    return open_assessment(c, p, id, aid, access::Access::read);
  }));
  if (opened.a.status != "completed" || !opened.a.result) {
    return Error{Errc::conflict,
                 {"Izvērtējums vēl nav pabeigts.", "The assessment is not completed yet."},
                 {},
                 {}};
  }
  ATB_TRY(access::audit_read(cc.access, p, req, "assessment", std::to_string(aid)));
  json out = json::parse(*opened.a.result, nullptr, false);
  if (!out.is_object())
    return Error::internal("stored assessment result is not JSON: " + std::to_string(aid));
  out["assessment"] = to_json(opened.a, false);
  return Response::json(out);
}

}  // namespace

void add_assessment_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/instruments", handler(cc, list_instruments),
             {.summary = "The latest version of each assessment instrument, with sections and "
                         "questions (lv + en).",
              .tag = "cases",
              .authenticated = true});
  router.add(Method::get, "/api/v1/instruments/{id}/{version}", handler(cc, read_instrument),
             {.summary = "One version of an assessment instrument (what an assessment stored).",
              .tag = "cases",
              .authenticated = true});
  router.add(Method::get, "/api/v1/cases/{id}/assessments", handler(cc, list),
             {.summary = "A case's assessments, newest first (without answers).",
              .tag = "cases",
              .authenticated = true});
  router.add(Method::post, "/api/v1/cases/{id}/assessments", handler(cc, create),
             {.summary = "Start a draft assessment with the latest version of an instrument.",
              .tag = "cases",
              .authenticated = true,
              .request_schema = kCreateSchema,
              .success_status = 201});
  router.add(Method::get, "/api/v1/cases/{id}/assessments/{aid}", handler(cc, read),
             {.summary = "An assessment with its answers.", .tag = "cases", .authenticated = true});
  router.add(
      Method::put, "/api/v1/cases/{id}/assessments/{aid}", handler(cc, save),
      {.summary = "Save a draft's answers (422 naming the question's path; 409 once completed).",
       .tag = "cases",
       .authenticated = true,
       .request_schema = kAnswersSchema});
  router.add(
      Method::post, "/api/v1/cases/{id}/assessments/{aid}/complete", handler(cc, complete),
      {.summary =
           "Validate the answers in full, score them and fix the assessment (409 when completed).",
       .tag = "cases",
       .authenticated = true,
       .request_schema = kCompleteSchema});
  router.add(
      Method::get, "/api/v1/cases/{id}/assessments/{aid}/result", handler(cc, result),
      {.summary =
           "A completed assessment's result: scores per member and domain, fired rules, strengths "
           "beside difficulties.",
       .tag = "cases",
       .authenticated = true});
}

}  // namespace atb::cases
