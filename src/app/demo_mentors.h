// Demonstration mentors for `atbalsts demo`: the register of the demo municipality (a staff
// mentor and three volunteers, one no longer active), a pairing for each placed or ended
// referral of the demo mentor service (the ended one ended with it), the goals of the case's
// plan in force linked, and the referral's delivery log shown as the pairing's meetings (no
// notes: the demo has no text keys at hand). Called by load_demo_services inside its
// transaction, after the referrals.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::app {

/// Adds the mentors, pairings, goal links and meetings of mentor service `service_id`; returns
/// how many records it made.
Result<int> load_demo_mentors(storage::Connection& c, std::int64_t service_id);

}  // namespace atb::app
