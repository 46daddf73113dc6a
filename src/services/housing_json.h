// JSON answers of housing services (docs/api-housing.md): units with rooms and places, stays
// (the resident named only where the caller may read her case) and occupancy.
#pragma once

#include <nlohmann/json.hpp>

#include "services/housing_model.h"

namespace atb::services {

/// A unit with its rooms and their places.
nlohmann::json to_json(const HousingUnit& u);
/// A room with its places.
nlohmann::json to_json(const HousingRoom& r);
/// A place (bed), with its version and why and since when it is out of use (null: in use).
nlohmann::json to_json(const HousingPlace& p);
/// A stay: where, when, why the resident moved out; `person` and `case_id` only when visible.
nlohmann::json to_json(const Stay& s);
/// A unit's places, occupied, out of use and free.
nlohmann::json to_json(const UnitOccupancy& o);

}  // namespace atb::services
