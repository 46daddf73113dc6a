// What the mentor pairing routes share (routes_mentor_pairings.cpp: pairings, goals, logging a
// meeting; routes_mentor_meetings.cpp: correcting and removing a meeting): the keys of sealed
// notes, the referral of a mentor service opened through its case's access, the pairing of the
// path with its goals and meetings, the 409s of a referral not placed and of an ended pairing,
// a meeting's members read from a request body (422 naming the member), and the audit entry of
// a change of a pairing. docs/api-mentors.md.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "access/context.h"
#include "access/http_auth.h"
#include "access/policy.h"
#include "core/result.h"
#include "core/sealed_text.h"
#include "http/router.h"
#include "services/mentor_model.h"
#include "services/mentor_rules.h"
#include "services/routes_common.h"
#include "storage/connection.h"

namespace atb::services {

/// "No such referral." / "No such mentor pairing." (404).
inline const Text kNoMentorReferral{"Nosūtījums nav atrasts.", "No such referral."};
inline const Text kNoPairing{"Mentora pāris nav atrasts.", "No such mentor pairing."};

/// The routes' context: access and the keys that seal meeting notes.
struct MentorContext {
  access::Context access;
  std::shared_ptr<const Keyring> keys;
};

/// A route's handler: `f(mc, request, principal)` behind the authentication guard; a
/// partner's 404 is audited (audit_partner_denied).
template <class F>
http::Handler mentor_route(const MentorContext& mc, F f) {
  return access::guarded(mc.access, [mc, f](http::Request& req, const access::Principal& p) -> Result<http::Response> {
    Result<http::Response> answer = f(mc, req, p);
    if (!answer && answer.error().code == Errc::not_found) ATB_TRY(audit_partner_denied(mc.access, req, p));
    return answer;
  });
}

/// A referral of a mentor service that `p` may `need`, with its service.
struct MentorReferral {
  OpenedReferral opened;
  Service service;
};
/// The referral `id` if `p` may `need` its case (open_referral) and it is to a mentor service
/// (404 for a referral of another kind of service: it has no mentor).
Result<MentorReferral> mentor_referral(storage::Connection& c, const access::Principal& p,
                                       std::int64_t id, access::Access need);

/// 409 unless the referral is placed (a mentor works with a young person who receives the service).
Result<void> must_be_placed(const Referral& r);

/// The pairing `{pid}` of referral `referral_id` with its goals and meetings (404 otherwise).
Result<Pairing> pairing_of(storage::Connection& c, const http::Request& req,
                           std::int64_t referral_id);

/// 409 when the pairing has ended.
Result<void> must_be_active(const Pairing& p);

/// The members of a meeting in a request body. When `patch`, absent members keep `in`'s and
/// `place`'s and `note`'s values (null clears them); otherwise met_on, minutes, format and
/// attended are required. 422 naming the member for a wrong type, range or length. A blank
/// note is no note.
struct MeetingBody {
  MeetingInput in;
  std::optional<std::string> place, note;
};
Result<void> read_meeting_body(const nlohmann::json& body, bool patch, MeetingBody& m);

/// Appends the audit entry of a change of pairing `pairing_id` (inside the write transaction).
Result<void> audit_pairing_change(storage::Connection& c, const access::Principal& p,
                                  const http::Request& req, const std::string& action,
                                  std::int64_t pairing_id, const std::string& reason);

/// Correcting and removing meetings (routes_mentor_meetings.cpp; registered by
/// add_mentor_pairing_routes).
void add_mentor_meeting_routes(http::Router& router, const MentorContext& mc);

}  // namespace atb::services
