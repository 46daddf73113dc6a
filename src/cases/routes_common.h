// What the case-management routes share: their context (access, settings, calendar, assessment
// instruments), the route handler, opening an intake or a case under the access policy (404
// outside the caller's scope, 403 when she may only read), and checks of ids named in bodies.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/context.h"
#include "access/http_auth.h"
#include "access/policy.h"
#include "access/record_scope.h"
#include "cases/calendar.h"
#include "cases/instrument_registry.h"
#include "cases/model.h"
#include "cases/rules.h"
#include "core/result.h"
#include "core/sealed_text.h"
#include "storage/connection.h"

namespace atb::cases {

/// Everything a case route needs.
struct CaseContext {
  access::Context access;
  Settings settings;
  Calendar calendar;
  std::shared_ptr<const InstrumentRegistry> instruments;  ///< loaded once at start; never null
  std::shared_ptr<const Keyring> keyring;  ///< text keys of notes and documents; loaded at start; never null
};

/// When partner user `p` was answered not_found for a case or an intake (or a record of one:
/// the path's {id}), writes the attempt to the audit log with outcome "denied" (issue 6: a
/// partner asking for an unrelated record). Nothing for staff or for other paths.
Result<void> audit_partner_denied(const CaseContext& cc, const http::Request& req, const access::Principal& p);

/// A route handler from `f(cc, request, principal)` returning Result<Response>: the caller is
/// authenticated first and errors become problem answers; a partner's 404 is audited
/// (audit_partner_denied).
template <class F>
http::Handler handler(const CaseContext& cc, F f) {
  return access::guarded(cc.access, [cc, f](http::Request& req, const access::Principal& p) -> Result<http::Response> {
    Result<http::Response> answer = f(cc, req, p);
    if (!answer && answer.error().code == Errc::not_found) ATB_TRY(audit_partner_denied(cc, req, p));
    return answer;
  });
}

/// Whether "who looked at this" for audit entity type `type` is answered by
/// may_see_entity_audit: a case, an intake, or a record of a case (assessment, plan, task, note,
/// document, opinion).
bool is_case_entity(std::string_view type);

/// "Who looked at this" for a case, an intake, or a record of a case (is_case_entity): the
/// record, or the case it belongs to, must be in the caller's scope; not_found otherwise (also
/// for other types, unknown records and malformed ids).
Result<void> may_see_entity_audit(storage::Connection& c, const access::Principal& p, std::string_view type,
                                  std::string_view id);

/// The scope of an intake or a case for the access policy.
access::TeamScope scope_of(const Intake& i);
access::CaseScope scope_of(const CaseFile& k);

/// The intake `id` if `p` may `need` it; not_found / forbidden otherwise.
Result<Intake> open_intake(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need);
/// The case `id` (as much as `detail` says) if `p` may `need` it; not_found / forbidden otherwise.
/// A caller that only checks access (its records' routes) asks for CaseDetail::access.
Result<CaseFile> open_case(storage::Connection& c, const access::Principal& p, std::int64_t id, access::Access need,
                           CaseDetail detail = CaseDetail::whole);

/// The team a body names ("team_id"; default the caller's only team): one of the caller's own
/// teams, in her municipality (422 naming team_id otherwise).
Result<access::TeamScope> own_team(storage::Connection& c, const access::Principal& p, const nlohmann::json& body);

/// A positive integer member, or nullopt when absent (422 naming `field` when not an id).
Result<std::optional<std::int64_t>> optional_id(const nlohmann::json& body, const char* field);

/// A person or household the caller may read in her own scope (not by break-glass); 422
/// naming `field` otherwise.
Result<void> check_person(storage::Connection& c, const access::Principal& p, std::int64_t id, const std::string& field);
Result<void> check_household(storage::Connection& c, const access::Principal& p, std::int64_t id, const std::string& field);

/// A user who can work on cases of `scope`: a social worker or supervisor of its municipality,
/// and a member of its team when `same_team` (422 naming `field` otherwise).
Result<void> check_worker(storage::Connection& c, const access::TeamScope& scope, std::int64_t user_id, bool same_team,
                          const std::string& field);

/// Stores a new intake (its team, deadlines and received_at already set): gives it a unique
/// reference and, when acute, alerts the team's supervisors and duty worker in the app (not
/// `except_user`, who took it). Returns its id.
Result<std::int64_t> register_intake(storage::Connection& c, Intake& intake, std::int64_t except_user);

/// Alerts the team's supervisors and duty worker (not `except_user`) of an acute intake.
Result<void> alert_acute(storage::Connection& c, const Intake& intake, std::int64_t except_user, const std::string& now);

/// The workers of a case: the lead a social worker or supervisor of the team, co-workers of
/// the municipality and not the lead (422 naming lead_worker_id or co_worker_ids.N).
Result<void> check_case_workers(storage::Connection& c, const access::TeamScope& scope, std::int64_t lead,
                                const std::vector<std::int64_t>& co_workers);

/// A required reason ("why"): 1–2000 characters, line breaks allowed (422 naming `field`).
Result<std::string> reason_member(const nlohmann::json& body, const char* field);

}  // namespace atb::cases
