// The one access policy: every decision of who may read or change what is made here, as pure
// functions of the principal and the record's scope (no I/O), so they can be tested as a table.
// Records outside a user's scope do not exist for her (not_found), unless she opened them by
// break-glass in this session.
#pragma once

#include <cstdint>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace atb::access {

/// What a user may do with a record.
enum class Access { none, read, change };

/// Where a client record (case, person, household) belongs and who works on it.
struct RecordScope {
  std::int64_t municipality_id = 0;
  std::int64_t department_id = 0;
  std::int64_t team_id = 0;
  std::vector<std::int64_t> assigned_user_ids;  ///< lead worker and co-workers
  std::vector<std::int64_t> partner_ids;        ///< institutions the case was referred to
  bool assistance_record = false;               ///< a social-assistance (benefit) record
};

/// How much of a record a user may see.
enum class FieldClass {
  basic,      ///< name, birth date, address
  sensitive,  ///< special-category: health, addiction, violence, notes, reporter identity
  shareable,  ///< marked shareable with partner institutions
};

/// Access of `p` to a client record (before break-glass).
Access record_access(const Principal& p, const RecordScope& scope);
/// Whether `p` may see a field of the given class in a record she may read.
bool may_see_field(const Principal& p, const RecordScope& scope, FieldClass field);
/// Access after break-glass: read-only access for any staff user with a recorded reason.
Access with_break_glass(const Principal& p, Access granted, bool break_glass_open);

/// Managing users, teams and sessions of others: role admin, in a browser session only.
Result<void> may_manage_users(const Principal& p);
/// An admin may not change her own roles (no self-escalation), nor disable herself.
Result<void> may_change_roles_of(const Principal& p, std::int64_t target_user_id);
/// Reading the whole audit log: role auditor.
Result<void> may_read_audit(const Principal& p);
/// "Who looked at this": supervisors, department heads, directors and the auditor.
Result<void> may_see_record_audit(const Principal& p);
/// Staff roles (everyone but partner): they must use a second factor, may use break-glass.
bool is_staff(const Principal& p);

}  // namespace atb::access
