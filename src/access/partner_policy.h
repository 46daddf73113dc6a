// The access policy of partner institutions (docs/api-partners.md): who keeps the register,
// who uses the partner portal, who sees and answers information requests. Pure functions of
// the principal and the record's scope, like policy.h and record_scope.h.
#pragma once

#include <cstdint>

#include "access/model.h"
#include "access/policy.h"
#include "access/record_scope.h"
#include "core/result.h"

namespace atb::access {

/// Keeping the register (create, change, contacts): administrators and department heads.
Result<void> may_manage_partners(const Principal& p);
/// Listing and searching the register: every staff role but the auditor.
Result<void> may_list_partners(const Principal& p);
/// The partner portal: a partner user who belongs to an institution (forbidden otherwise).
Result<void> may_use_portal(const Principal& p);

/// Where a concern report or an information request belongs.
struct PartnerRecordScope {
  std::int64_t municipality_id = 0;
  std::int64_t partner_id = 0;
  std::int64_t author_id = 0;  ///< the partner user who filed it
};

/// A concern report: the partner user who filed it reads it (and its status); nobody else
/// through the portal (staff see the intake it became).
Access concern_access(const Principal& p, const PartnerRecordScope& scope);

/// An information request: the users of the institution that sent it read it; the case roles
/// of its municipality see it (social workers, supervisors and department heads change it —
/// answer it —, the director reads); nobody else.
Access request_access(const Principal& p, const PartnerRecordScope& scope);
/// A plan task through the portal: the partner user whose institution it is assigned to
/// (`task_partner_id`) reads and changes its status, when the case is referred to her
/// institution (partner_access); nobody else.
Access partner_task_access(const Principal& p, const CaseScope& scope, std::int64_t task_partner_id);

/// Lists of information requests for staff: the case roles (social worker, supervisor,
/// department head, director).
Result<void> may_see_requests(const Principal& p);

}  // namespace atb::access
