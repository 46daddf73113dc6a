// Corrections of a mentor meeting (docs/api-mentors.md): whoever may log meetings on a pairing
// (a change of the referral's case, while the referral is placed and the pairing active: 409
// after its end) corrects a logged meeting — its date, minutes, format, place, attendance and
// note, with the meeting's version, under the same rules as logging it (422 naming the member)
// — or removes one logged by mistake, also with its version (`?version=N`: 422 naming version
// without it, 409 when stale). The meeting's row in the referral's delivery log follows (its
// date, quantity and attendance; removed with it). Who corrected it last and when is kept on
// the meeting; every correction and removal is audited on the pairing and the referral.
#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/mentor_json.h"
#include "services/mentor_rules.h"
#include "services/mentor_store.h"
#include "services/routes.h"
#include "services/routes_mentor_common.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const Text kNoMeeting{"Tikšanās nav atrasta.", "No such meeting."};

constexpr const char* kMeetingPatchSchema = R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"},"met_on":{"type":"string","format":"date"},
   "minutes":{"type":"integer","minimum":0,"maximum":600},
   "format":{"type":"string","enum":["in_person","online","phone","outing"]},
   "place":{"type":["string","null"],"maxLength":200},"attended":{"type":"boolean"},
   "note":{"type":["string","null"],"maxLength":2000}}})";

// What a change may touch: the placed referral of a mentor service with its active pairing
// `{pid}` and the pairing's meeting `{mid}` (404 when there is none).
struct Target {
  MentorReferral mr;
  Pairing pairing;
  Meeting meeting;
};
Result<Target> target(storage::Connection& c, const Request& req, const access::Principal& p,
                      std::int64_t referral_id) {
  ATB_TRY_ASSIGN(mr, mentor_referral(c, p, referral_id, access::Access::change));
  ATB_TRY(must_be_placed(mr.opened.referral));
  ATB_TRY_ASSIGN(pr, pairing_of(c, req, referral_id));
  ATB_TRY(must_be_active(pr));
  const auto mid = http::path_id(req.param("mid"));
  for (const Meeting& m : pr.meetings) {
    if (mid && m.id == *mid) return Target{std::move(mr), pr, m};
  }
  return Error{Errc::not_found, kNoMeeting, {}, {}};
}

// The audit entries of a change of meeting `m`: on its pairing and on the referral (its row of
// the delivery log).
Result<void> audit_meeting(storage::Connection& c, const access::Principal& p, const Request& req,
                           const std::string& what, const Meeting& m, std::int64_t referral_id,
                           const std::string& detail) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, what + "_meeting", "mentor_pairing", std::to_string(m.pairing_id),
                          "meeting " + std::to_string(m.id) + detail)};
  if (m.delivery_id) {
    entries.push_back(access::audit_entry(p, req, what + "_delivery", "referral",
                                          std::to_string(referral_id),
                                          "delivery " + std::to_string(*m.delivery_id)));
  }
  return audit::append(c, entries);
}

// The names of the members a correction sent (its values may be sensitive: only names are audited).
std::string members_sent(const json& body) {
  std::string out;
  for (const char* name : {"met_on", "minutes", "format", "place", "attended", "note"}) {
    if (body.contains(name)) out += (out.empty() ? ": " : ", ") + std::string(name);
  }
  return out;
}

Result<Response> correct(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "met_on", "minutes", "format",
                                                    "place", "attended", "note"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  MeetingBody checked;  // the types and lengths, before anything is opened
  ATB_TRY(read_meeting_body(body, true, checked));
  ATB_TRY_ASSIGN(answer, mc.access.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(t, target(c, req, p, id));
    if (t.meeting.version != version) return stale();
    MeetingBody mb{{t.meeting.met_on, t.meeting.minutes, t.meeting.format, t.meeting.attended},
                   t.meeting.place,
                   std::nullopt};
    ATB_TRY(read_meeting_body(body, true, mb));
    ATB_TRY_ASSIGN(
        on, check_meeting(mb.in, parse_date(t.pairing.from_on).value_or(Date{}), today_riga()));
    Meeting m = t.meeting;
    m.met_on = on.iso();
    m.minutes = mb.in.minutes;
    m.format = mb.in.format;
    m.attended = mb.in.attended;
    m.place = mb.place;
    if (body.contains("note")) m.note_sealed = mb.note ? mc.keys->seal(*mb.note) : "";
    const int quantity = meeting_quantity(t.mr.service.unit, m.minutes, m.attended);
    ATB_TRY_ASSIGN(written, update_meeting(c, m, version, quantity, p.user_id, now_utc_iso()));
    if (!written) return stale();
    ATB_TRY(audit_meeting(c, p, req, "correct", m, id, members_sent(body)));
    ATB_TRY(load_pairing_details(c, t.pairing));
    for (const Meeting& stored : t.pairing.meetings) {
      if (stored.id == m.id) return to_json(stored, *mc.keys);
    }
    return Error::internal("meeting vanished");
  }));
  return Response::json(answer);
}

Result<Response> remove(const MentorContext& mc, Request& req, const access::Principal& p) {
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoMentorReferral));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY(mc.access.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(t, target(c, req, p, id));
    if (t.meeting.version != version) return stale();
    ATB_TRY_ASSIGN(removed, delete_meeting(c, t.meeting, version));
    if (!removed) return stale();
    return audit_meeting(c, p, req, "remove", t.meeting, id, " of " + t.meeting.met_on);
  }));
  return Response::empty(204);
}

}  // namespace

void add_mentor_meeting_routes(http::Router& router, const MentorContext& mc) {
  router.add(Method::patch, "/api/v1/referrals/{id}/mentor/{pid}/meetings/{mid}",
             mentor_route(mc, correct),
             {.summary = "Correct a logged meeting of an active pairing (date, minutes, format, "
                         "place, attendance, note) with its version; its delivery-log row follows.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kMeetingPatchSchema});
  router.add(Method::del, "/api/v1/referrals/{id}/mentor/{pid}/meetings/{mid}",
             mentor_route(mc, remove),
             {.summary = "Remove a meeting logged by mistake from an active pairing, with its "
                         "delivery-log row (?version= the meeting's version; 409 when stale).",
              .tag = "services",
              .authenticated = true,
              .success_status = 204});
}

}  // namespace atb::services
