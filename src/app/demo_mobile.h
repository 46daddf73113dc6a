// Demonstration data of the mobile social service for `atbalsts demo`: two more clients of the
// adults' team placed in the demo mobile service, and day plans of its routes — a week ago (all
// visits recorded, one client not at home; the visits in the delivery log), today (planned) and
// next week. Called by load_demo_services inside its transaction, after the referrals.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::app {

/// Adds the referrals, day plans, stops and visits of mobile service `service_id`; returns how
/// many records it made.
Result<int> load_demo_mobile(storage::Connection& c, std::int64_t service_id);

}  // namespace atb::app
