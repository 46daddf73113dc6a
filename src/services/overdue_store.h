// SQL of the overdue-decision alerts (migrations/0029_referral_overdue_alert.sql); no rules here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/model.h"
#include "storage/connection.h"

namespace atb::services {

/// A referral still awaiting its decision, with what its alert names and who it goes to.
struct AwaitingDecision {
  Referral referral;  ///< id, case_id, service names, state, decision_due_on
  std::int64_t team_id = 0;
  std::int64_t lead_worker_id = 0;
  bool lead_active = false;  ///< whether the lead worker's account is enabled
};

/// The referrals in state `requested` whose decision was due before `today` (YYYY-MM-DD), of
/// cases that are not closed, that have not yet alerted anyone (no decision_overdue
/// notification), oldest deadline first.
Result<std::vector<AwaitingDecision>> unalerted_overdue(storage::Connection& c,
                                                        const std::string& today);

/// Adds the decision_overdue notification of referral `referral_id` for `user_id` unless she
/// already has it; true when added.
Result<bool> insert_overdue_notification(storage::Connection& c, std::int64_t user_id,
                                         std::int64_t referral_id, const Text& message,
                                         const std::string& now);

}  // namespace atb::services
