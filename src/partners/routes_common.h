// What the partner routes share: the portal handler (a partner user of an institution; a
// record outside her institution's part answers 404 and leaves a "denied" audit entry), the
// scope of a case with its partner institutions, and the JSON of each record.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/partner_policy.h"
#include "access/record_scope.h"
#include "cases/model.h"
#include "cases/routes_common.h"
#include "partners/model.h"
#include "storage/connection.h"

namespace atb::partners {

/// 403 unless the caller's institution is active in the register: an institution taken out of
/// the register has no portal (its users see none of its reports, requests or tasks).
Result<void> institution_active(const cases::CaseContext& cc, const access::Principal& p);

/// A route of the partner portal: the caller must be a partner user of an active institution
/// (access::may_use_portal and institution_active, 403 otherwise). When `f` answers not_found —
/// a record that does not exist or is not her institution's — the attempt is written to the
/// audit log with outcome "denied" (entity `entity_type`, the path's {id}) before the 404.
template <class F>
http::Handler portal_handler(const cases::CaseContext& cc, std::string entity_type, F f) {
  return access::guarded(cc.access, [cc, entity_type, f](http::Request& req, const access::Principal& p) -> Result<http::Response> {
    ATB_TRY(access::may_use_portal(p));
    ATB_TRY(institution_active(cc, p));
    Result<http::Response> answer = f(cc, req, p);
    if (!answer && answer.error().code == Errc::not_found) {
      ATB_TRY(access::audit_denied(cc.access, p, req, "read", entity_type, std::string(req.param("id")), "not referred"));
    }
    return answer;
  });
}

/// The scope of case `k` for the policy, with the institutions it is referred to.
Result<access::CaseScope> case_scope(storage::Connection& c, const cases::CaseFile& k);

/// An institution of the register (with contacts when loaded).
nlohmann::json to_json(const Partner& p);
/// A concern report as its reporter sees it: the child, the intake's reference and status.
nlohmann::json to_json(const Concern& k);
/// An information request with its answer (opinion reference, note, who and when).
nlohmann::json to_json(const InfoRequest& r);
/// A task as the portal shows it (no case, only the goal it serves).
nlohmann::json to_json(const PartnerTask& t);

}  // namespace atb::partners
