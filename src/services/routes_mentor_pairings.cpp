// The mentor of a young person (docs/api-mentors.md): the pairings of a placed referral of a
// mentor service with a mentor of the register (one active at a time, within the mentor's
// max_mentees unless overridden with a reason), the goals of the case's cooperation plan the
// pairing works towards (only goals of the same case's plan in force), the meetings (each also a
// row of the referral's delivery log; the note sealed like case notes) and the end with a
// reason. Access follows the referral's case (open_referral: 404 outside the caller's scope,
// 403 to a change by a reader); every read and change is audited (entity types referral and
// mentor_pairing). Corrections and removals of meetings: routes_mentor_meetings.cpp.
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "cases/routes_common.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/mentor_json.h"
#include "services/mentor_rules.h"
#include "services/mentor_store.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/routes_mentor_common.h"
#include "services/store.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr const char* kPairSchema = R"({"type":"object","required":["mentor_id","from_on"],
  "properties":{"mentor_id":{"type":"integer"},"from_on":{"type":"string","format":"date"},
   "override_reason":{"type":["string","null"],"maxLength":2000}}})";
constexpr const char* kEndSchema = R"({"type":"object","required":["version","until_on","reason"],
  "properties":{"version":{"type":"integer"},"until_on":{"type":"string","format":"date"},
   "reason":{"type":"string","maxLength":2000}}})";
constexpr const char* kGoalSchema = R"({"type":"object","required":["goal_id"],
  "properties":{"goal_id":{"type":"integer"}}})";
constexpr const char* kMeetingSchema =
    R"({"type":"object","required":["met_on","minutes","format","attended"],
  "properties":{"met_on":{"type":"string","format":"date"},"minutes":{"type":"integer","minimum":0,"maximum":600},
   "format":{"type":"string","enum":["in_person","online","phone","outing"]},
   "place":{"type":["string","null"],"maxLength":200},"attended":{"type":"boolean"},
   "note":{"type":["string","null"],"maxLength":2000}}})";

Error missing(const Text& what) {
  return Error{Errc::not_found, what, {}, {}};
}

// The pairing as stored now.
Result<json> answer_pairing(storage::Connection& c, const MentorContext& mc, std::int64_t id) {
  ATB_TRY_ASSIGN(found, load_pairing(c, id));
  if (!found) return Error::internal("pairing vanished");
  ATB_TRY(load_pairing_details(c, *found));
  return to_json(*found, *mc.keys);
}

Result<Response> show(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  struct Found {
    MentorReferral mr;
    std::vector<Pairing> pairings;
    std::vector<PairingGoal> goals;
  };
  ATB_TRY_ASSIGN(found, mc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    ATB_TRY_ASSIGN(mr, mentor_referral(c, p, id, access::Access::read));
    ATB_TRY_ASSIGN(pairings, referral_pairings(c, id));
    ATB_TRY_ASSIGN(goals, plan_goals_in_force(c, mr.opened.referral.case_id));
    return Found{std::move(mr), std::move(pairings), std::move(goals)};
  }));
  json out{{"referral_id", id},
           {"case_id", found.mr.opened.referral.case_id},
           {"state", found.mr.opened.referral.state},
           {"start_on", found.mr.opened.referral.start_on ? json(*found.mr.opened.referral.start_on)
                                                          : json(nullptr)},
           {"unit", found.mr.service.unit},
           {"pairings", json::array()},
           {"plan_goals", json::array()}};
  std::vector<std::int64_t> ids;
  for (const Pairing& pr : found.pairings) {
    out["pairings"].push_back(to_json(pr, *mc.keys));
    ids.push_back(pr.id);
  }
  for (const PairingGoal& g : found.goals) out["plan_goals"].push_back(to_json(g));
  ATB_TRY(access::audit_read(mc.access, p, req, "referral", std::to_string(id)));
  if (!ids.empty()) ATB_TRY(access::audit_list(mc.access, p, req, "mentor_pairing", ids));
  return Response::json(out);
}

Result<Response> pair(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"mentor_id", "from_on", "override_reason"}));
  ATB_TRY_ASSIGN(mentor_id, cases::optional_id(body, "mentor_id"));
  if (!mentor_id)
    return Error::invalid_field("mentor_id", {"Izvēlieties mentoru.", "Choose a mentor."});
  ATB_TRY_ASSIGN(from_text, http::required_string(body, "from_on", 10));
  ATB_TRY_ASSIGN(override_reason, http::optional_text(body, "override_reason", 2000));
  if (override_reason && override_reason->find_first_not_of(" \t\r\n") == std::string::npos) {
    override_reason.reset();
  }
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(mr, mentor_referral(c, p, id, access::Access::change));
    const Referral& r = mr.opened.referral;
    ATB_TRY(must_be_placed(r));
    ATB_TRY(lock_mentor(c, *mentor_id));
    ATB_TRY_ASSIGN(mentor, load_mentor(c, *mentor_id));
    if (!mentor || mentor->municipality_id != p.municipality_id || !mentor->active) {
      return Error::invalid_field("mentor_id", {"Tāda aktīva mentora reģistrā nav.",
                                                "No such active mentor in the register."});
    }
    const Date today = today_riga();
    ATB_TRY_ASSIGN(from,
                   check_pairing_start(from_text, parse_date(*r.start_on).value_or(Date{}),
                                       parse_date(mentor->trained_on).value_or(Date{}), today));
    ATB_TRY_ASSIGN(spans, referral_pairing_spans(c, id));
    ATB_TRY(check_pairing_overlap(from, spans));
    ATB_TRY(check_mentor_capacity(mentor->active_pairings, mentor->max_mentees, override_reason));
    Pairing pr;
    pr.referral_id = id;
    pr.mentor_id = *mentor_id;
    pr.case_id = r.case_id;
    pr.from_on = from.iso();
    // The override is kept only when it was needed.
    if (mentor->active_pairings + 1 > mentor->max_mentees) pr.override_reason = override_reason;
    pr.created_by.id = p.user_id;
    pr.created_at = now_utc_iso();
    ATB_TRY_ASSIGN(pairing_id, insert_pairing(c, pr));
    ATB_TRY(audit_pairing_change(c, p, req, "create", pairing_id,
                         "mentor " + std::to_string(*mentor_id) +
                             (pr.override_reason ? ", override: " + *pr.override_reason : "")));
    return answer_pairing(c, mc, pairing_id);
  }));
  return Response::json(answer, 201);
}

Result<Response> end(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "until_on", "reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(until_text, http::required_string(body, "until_on", 10));
  ATB_TRY_ASSIGN(reason, cases::reason_member(body, "reason"));
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mentor_referral(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(pr, pairing_of(c, req, id));
    ATB_TRY(must_be_active(pr));
    if (pr.version != version) return stale();
    ATB_TRY_ASSIGN(until, check_pairing_end(until_text, parse_date(pr.from_on).value_or(Date{}),
                                            today_riga()));
    ATB_TRY_ASSIGN(written,
                   end_pairing(c, pr.id, version, until.iso(), reason, p.user_id, now_utc_iso()));
    if (!written) return stale();
    ATB_TRY(audit_pairing_change(c, p, req, "end", pr.id, reason));
    return answer_pairing(c, mc, pr.id);
  }));
  return Response::json(answer);
}

Result<Response> link(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"goal_id"}));
  ATB_TRY_ASSIGN(goal_id, cases::optional_id(body, "goal_id"));
  if (!goal_id) return Error::invalid_field("goal_id", {"Izvēlieties mērķi.", "Choose a goal."});
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mentor_referral(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(pr, pairing_of(c, req, id));
    ATB_TRY(must_be_active(pr));
    ATB_TRY_ASSIGN(goal, load_goal(c, *goal_id));
    // A goal of another case is refused like a goal that does not exist: nothing of it shows.
    if (!goal || goal->second != pr.case_id) {
      return Error::invalid_field("goal_id", {"Šī gadījuma sadarbības plānā tāda mērķa nav.",
                                              "The case's cooperation plan has no such goal."});
    }
    if (goal->first.plan_status != "approved") {
      return Error::invalid_field("goal_id", {"Piesaistīt var tikai spēkā esošā plāna mērķus.",
                                              "Only goals of the plan in force can be linked."});
    }
    ATB_TRY_ASSIGN(added, link_goal(c, pr.id, *goal_id, p.user_id, now_utc_iso()));
    if (!added) {
      const Text why{"Mērķis jau ir piesaistīts.", "The goal is linked already."};
      return Error{Errc::conflict, why, {{"goal_id", why}}, {}};
    }
    ATB_TRY(audit_pairing_change(c, p, req, "link_goal", pr.id, "goal " + std::to_string(*goal_id)));
    return answer_pairing(c, mc, pr.id);
  }));
  return Response::json(answer, 201);
}

Result<Response> unlink(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  const auto goal_id = http::path_id(req.param("gid"));
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(mentor_referral(c, p, id, access::Access::change));
    ATB_TRY_ASSIGN(pr, pairing_of(c, req, id));
    ATB_TRY(must_be_active(pr));
    if (!goal_id) return missing({"Mērķis nav piesaistīts.", "The goal is not linked."});
    ATB_TRY_ASSIGN(removed, unlink_goal(c, pr.id, *goal_id));
    if (!removed) return missing({"Mērķis nav piesaistīts.", "The goal is not linked."});
    ATB_TRY(audit_pairing_change(c, p, req, "unlink_goal", pr.id, "goal " + std::to_string(*goal_id)));
    return answer_pairing(c, mc, pr.id);
  }));
  return Response::json(answer);
}

Result<Response> meet(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(
                           req, {"met_on", "minutes", "format", "place", "attended", "note"}));
  MeetingBody mb;
  ATB_TRY(read_meeting_body(body, false, mb));
  const MeetingInput& in = mb.in;
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(mr, mentor_referral(c, p, id, access::Access::change));
    ATB_TRY(must_be_placed(mr.opened.referral));
    ATB_TRY_ASSIGN(pr, pairing_of(c, req, id));
    ATB_TRY(must_be_active(pr));
    ATB_TRY_ASSIGN(on, check_meeting(in, parse_date(pr.from_on).value_or(Date{}), today_riga()));
    const std::string now = now_utc_iso();
    // The meeting is also a row of the referral's delivery log; its note stays only sealed here.
    Delivery d{0,
               id,
               on.iso(),
               meeting_quantity(mr.service.unit, in.minutes, in.attended),
               in.attended,
               std::nullopt,
               {p.user_id, ""},
               now};
    ATB_TRY_ASSIGN(delivery_id, insert_delivery(c, d));
    Meeting m;
    m.pairing_id = pr.id;
    m.delivery_id = delivery_id;
    m.met_on = on.iso();
    m.minutes = in.minutes;
    m.format = in.format;
    m.place = mb.place;
    m.attended = in.attended;
    if (mb.note) m.note_sealed = mc.keys->seal(*mb.note);
    m.recorded_by.id = p.user_id;
    m.recorded_at = now;
    ATB_TRY_ASSIGN(meeting_id, insert_meeting(c, m));
    std::vector<audit::Entry> entries{
        access::audit_entry(p, req, "meeting", "mentor_pairing", std::to_string(pr.id),
                            "meeting " + std::to_string(meeting_id)),
        access::audit_entry(p, req, "delivery", "referral", std::to_string(id),
                            "delivery " + std::to_string(delivery_id))};
    ATB_TRY(audit::append(c, entries));
    ATB_TRY(load_pairing_details(c, pr));
    for (const Meeting& stored : pr.meetings) {
      if (stored.id == meeting_id) return to_json(stored, *mc.keys);
    }
    return Error::internal("meeting vanished");
  }));
  return Response::json(answer, 201);
}

}  // namespace

void add_mentor_pairing_routes(http::Router& router, const access::Context& ctx,
                               std::shared_ptr<const Keyring> keyring) {
  const MentorContext mc{ctx, std::move(keyring)};
  router.add(Method::get, "/api/v1/referrals/{id}/mentor", mentor_route(mc, show),
             {.summary = "The mentor pairings of a referral to a mentor service, with their plan "
                         "goals and meetings, and the goals of the case's plan in force.",
              .tag = "services",
              .authenticated = true});
  router.add(Method::post, "/api/v1/referrals/{id}/mentor", mentor_route(mc, pair),
             {.summary = "Pair a placed referral with a mentor from a date (409 when she has no "
                         "free place and no override reason is given, or a pairing is active).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kPairSchema,
              .success_status = 201});
  router.add(Method::post, "/api/v1/referrals/{id}/mentor/{pid}/end", mentor_route(mc, end),
             {.summary = "End a pairing on a date with a reason.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kEndSchema});
  router.add(Method::post, "/api/v1/referrals/{id}/mentor/{pid}/goals", mentor_route(mc, link),
             {.summary = "Link a goal of the case's plan in force to a pairing (422 for a goal "
                         "of another case).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kGoalSchema,
              .success_status = 201});
  router.add(
      Method::del, "/api/v1/referrals/{id}/mentor/{pid}/goals/{gid}", mentor_route(mc, unlink),
      {.summary = "Unlink a goal from a pairing.", .tag = "services", .authenticated = true});
  router.add(Method::post, "/api/v1/referrals/{id}/mentor/{pid}/meetings", mentor_route(mc, meet),
             {.summary = "Log a meeting of an active pairing (also a row of the referral's "
                         "delivery log; the note stored encrypted).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kMeetingSchema,
              .success_status = 201});
  add_mentor_meeting_routes(router, mc);
}

}  // namespace atb::services
