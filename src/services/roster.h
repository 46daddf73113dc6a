// What a service's page lists, whole: every waiting referral in the list's order and every
// placed one, each with its case's access columns, so that one copy serves every caller and
// the access policy names the persons per caller (roster_page). Rules without I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/record_scope.h"
#include "services/model.h"
#include "services/store.h"

namespace atb::services {

/// One waiting or placed referral of a roster.
struct RosterRow {
  WaitingEntry entry;      ///< position unset; visible unset; person_name always filled
  access::CaseScope case_scope;  ///< the case's municipality, department, team, lead, co-workers
};

/// A service's roster as of `version` (service.roster_version, migration 0032).
struct Roster {
  std::int64_t version = 0;
  int occupied = 0;                ///< the sum of the placed referrals' quantities
  std::vector<RosterRow> waiting;  ///< priority, waiting since, id
  std::vector<RosterRow> placed;   ///< priority, start date, id
};

/// The page `p` sees: the figures, the waiting referrals from `offset` (at most `limit`) with
/// their positions, and the placed ones; a person is named only where case_access lets `p`
/// read the case.
ServiceRoster roster_page(const Roster& roster, const access::Principal& p, int offset, int limit);

}  // namespace atb::services
