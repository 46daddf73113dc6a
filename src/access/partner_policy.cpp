#include "access/partner_policy.h"

namespace atb::access {
namespace {

Error forbidden(Text why) { return Error{Errc::forbidden, std::move(why), {}, {}}; }

bool case_role(const Principal& p) {
  return p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head) ||
         p.has(Role::director);
}

}  // namespace

Result<void> may_manage_partners(const Principal& p) {
  if (p.has(Role::admin) || p.has(Role::department_head)) return ok();
  return forbidden({"Partneriestāžu reģistru kārto administrators vai nodaļas vadītājs.",
                    "The partner register is kept by administrators and department heads."});
}

Result<void> may_list_partners(const Principal& p) {
  if (is_staff(p) && !(p.roles.size() == 1 && p.has(Role::auditor))) return ok();
  return forbidden({"Partneriestāžu reģistrs jūsu lomai nav pieejams.",
                    "The partner register is not available to your role."});
}

Result<void> may_use_portal(const Principal& p) {
  if (p.has(Role::partner) && p.partner_id) return ok();
  return forbidden({"Partneru portāls ir tikai partneriestāžu lietotājiem.",
                    "The partner portal is for users of partner institutions only."});
}

Access concern_access(const Principal& p, const PartnerRecordScope& s) {
  if (p.has(Role::partner) && p.partner_id == s.partner_id && p.user_id == s.author_id) return Access::read;
  return Access::none;
}

Access request_access(const Principal& p, const PartnerRecordScope& s) {
  Access best = Access::none;
  if (p.has(Role::partner) && p.partner_id == s.partner_id) best = Access::read;
  if (p.municipality_id != s.municipality_id) return best;
  if (p.has(Role::social_worker) || p.has(Role::supervisor) || p.has(Role::department_head)) return Access::change;
  if (p.has(Role::director)) return Access::read;
  return best;
}

Access partner_task_access(const Principal& p, const CaseScope& scope, std::int64_t task_partner_id) {
  if (!p.partner_id || *p.partner_id != task_partner_id) return Access::none;
  return partner_access(p, scope) == Access::none ? Access::none : Access::change;
}

Result<void> may_see_requests(const Principal& p) {
  if (case_role(p)) return ok();
  return forbidden({"Informācijas pieprasījumus redz sociālā darba speciālisti.",
                    "Information requests are seen by social work staff."});
}

}  // namespace atb::access
