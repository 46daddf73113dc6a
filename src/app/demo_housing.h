// Demonstration housing for `atbalsts demo`: the demo group apartment “Cerība” gets a unit with
// two rooms and three places, and its placed residents move in (one of them moved once from
// room to room). Called by load_demo_services inside its transaction, after the referrals.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::app {

/// Adds the unit, rooms, places and stays of housing service `service_id`; returns how many
/// records it made.
Result<int> load_demo_housing(storage::Connection& c, std::int64_t service_id);

}  // namespace atb::app
