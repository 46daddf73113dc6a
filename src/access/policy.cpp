#include "access/policy.h"

#include <algorithm>

namespace atb::access {
namespace {

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

Error forbidden(Text why) { return Error{Errc::forbidden, std::move(why), {}, {}}; }

}  // namespace

Access record_access(const Principal& p, const RecordScope& s) {
  if (p.municipality_id != s.municipality_id && !p.has(Role::partner)) return Access::none;
  Access best = Access::none;
  auto grant = [&](Access a) { best = std::max(best, a); };
  if (p.has(Role::social_worker)) {
    if (contains(s.assigned_user_ids, p.user_id)) grant(Access::change);
    else if (contains(p.team_ids, s.team_id)) grant(Access::read);
  }
  if (p.has(Role::supervisor) && contains(p.team_ids, s.team_id)) grant(Access::change);
  if (p.has(Role::department_head) && contains(p.department_ids, s.department_id)) {
    grant(Access::change);
  }
  if (p.has(Role::director)) grant(Access::read);
  if (p.has(Role::benefits_officer) && s.assistance_record) grant(Access::change);
  if (p.has(Role::partner) && p.partner_id && contains(s.partner_ids, *p.partner_id)) {
    grant(Access::read);
  }
  // admin and auditor: no client data by default.
  return best;
}

bool may_see_field(const Principal& p, const RecordScope& s, FieldClass field) {
  if (record_access(p, s) == Access::none) return false;
  switch (field) {
    case FieldClass::shareable:
      return true;
    case FieldClass::basic:
      return is_staff(p);  // a partner sees only what is marked shareable
    case FieldClass::sensitive: {
      // Special-category data: for the staff who work on the case, not for benefit officers
      // whose only ground is a social-assistance record.
      const bool case_role = p.has(Role::social_worker) || p.has(Role::supervisor) ||
                             p.has(Role::department_head) || p.has(Role::director);
      return case_role;
    }
  }
  return false;
}

Access with_break_glass(const Principal& p, Access granted, bool break_glass_open) {
  if (granted != Access::none || !break_glass_open || !is_staff(p)) return granted;
  return Access::read;
}

bool is_staff(const Principal& p) {
  return std::any_of(p.roles.begin(), p.roles.end(), [](Role r) { return r != Role::partner; });
}

Result<void> may_manage_users(const Principal& p) {
  if (!p.has(Role::admin)) {
    return forbidden({"Lietotāju pārvaldība ir tikai administratoriem.",
                      "Only administrators manage users."});
  }
  if (p.via_token) {
    return forbidden({"Lietotājus nevar pārvaldīt ar API marķieri.",
                      "Users cannot be managed with an API token."});
  }
  return ok();
}

Result<void> may_change_roles_of(const Principal& p, std::int64_t target_user_id) {
  ATB_TRY(may_manage_users(p));
  if (p.user_id == target_user_id) {
    return forbidden({"Savas lomas un piekļuvi mainīt nevar; to dara cits administrators.",
                      "You cannot change your own roles or access; another administrator must."});
  }
  return ok();
}

Result<void> may_read_audit(const Principal& p) {
  if (!p.has(Role::auditor)) {
    return forbidden({"Audita žurnālu lasa tikai auditors.", "Only the auditor reads the audit log."});
  }
  return ok();
}

Result<void> may_see_record_audit(const Principal& p) {
  if (p.has(Role::auditor) || p.has(Role::supervisor) || p.has(Role::department_head) ||
      p.has(Role::director)) {
    return ok();
  }
  return forbidden({"Šo sarakstu redz vadītāji un auditors.",
                    "Only supervisors, heads and the auditor see this list."});
}

}  // namespace atb::access
