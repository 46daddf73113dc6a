// What the service and referral routes share: a service of the caller's municipality, a
// referral opened through its case's access (404 outside the caller's scope, 403 to a change
// by someone who may only read), the waiting list of a service in its order, and the
// stale-version answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "access/http_auth.h"
#include "access/model.h"
#include "access/policy.h"
#include "cases/model.h"
#include "core/result.h"
#include "services/model.h"
#include "services/store.h"
#include "storage/connection.h"

namespace atb::services {

/// "No such service." (404): a service id that is malformed, unknown or of another municipality.
inline const Text kNoService{"Pakalpojums nav atrasts.", "No such service."};

/// The service `id` of the caller's municipality; not_found otherwise.
Result<Service> open_service(storage::Connection& c, const access::Principal& p, std::int64_t id);

/// A referral and its case.
struct OpenedReferral {
  Referral referral;
  cases::CaseFile kase;
};
/// The referral `id` if `p` may `need` its case; not_found / forbidden otherwise.
Result<OpenedReferral> open_referral(storage::Connection& c, const access::Principal& p,
                                     std::int64_t id, access::Access need);

/// The position of waiting referral `referral_id` on its service's list (nullopt when not waiting).
Result<std::optional<int>> waiting_position(storage::Connection& c, const Referral& r);

/// Whether audit entity `type` is a referral or a record of one (a housing stay, a mentor
/// pairing, a stop of the mobile service's day plan).
bool is_referral_entity(std::string_view type);

/// "Who looked at this" for a referral or a record of one (is_referral_entity): the referral's
/// case must be readable by the caller; not_found otherwise (also for malformed ids).
Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p,
                                  std::string_view type, std::string_view id);

/// 409: someone changed the record meanwhile.
Error stale();

/// The required `?version=N` of a removal (optimistic concurrency, like a body's `version`):
/// 422 naming `version` when it is missing or not a positive integer.
Result<std::int64_t> version_query(const http::Request& req);

/// A partner user's 404 on a services route (a referral, a case's referrals, a service: none
/// is ever referred to her through these routes) written to the audit log with outcome
/// "denied", like cases::audit_partner_denied (docs/api-partners.md). Nothing for staff.
Result<void> audit_partner_denied(const access::Context& ctx, const http::Request& req,
                                  const access::Principal& p);

/// A route's handler: `f(ctx, request, principal)` behind the authentication guard; a
/// partner's 404 is audited (audit_partner_denied).
template <class F>
http::Handler route(const access::Context& ctx, F f) {
  return access::guarded(ctx, [ctx, f](http::Request& req, const access::Principal& p) -> Result<http::Response> {
    Result<http::Response> answer = f(ctx, req, p);
    if (!answer && answer.error().code == Errc::not_found) ATB_TRY(audit_partner_denied(ctx, req, p));
    return answer;
  });
}

}  // namespace atb::services
