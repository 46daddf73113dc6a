// JSON answers and bodies of the mobile social service (docs/api-mobile.md): day plans with
// their crew and stops (a client named, with address, phone and notes, only where the caller
// may read her case), and the item lists of a request body.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "services/mobile_model.h"

namespace atb::services {

/// A stop; `person`, `case_id`, `referral_id`, address, phone, notes and items only when visible.
nlohmann::json to_json(const MobileStop& s);
/// A day plan with its crew and stops in route order.
nlohmann::json to_json(const DayPlan& p);

/// The member `field` of `body` as items: absent or null → none; otherwise an array of item
/// codes ("hot_meal") or of {"item","quantity"} objects (quantity default 1). 422 naming
/// `field` for any other shape (the codes and quantities are the rules' to check).
Result<std::vector<StopItem>> items_member(const nlohmann::json& body, std::string_view field);

}  // namespace atb::services
