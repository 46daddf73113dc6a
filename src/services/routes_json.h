// JSON of services and referrals (docs/api-services.md): answers, and a service from a request
// body (every field checked for its type and length here, 422 naming it; the rules that tie
// fields together are check_service's).
#pragma once

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"
#include "services/model.h"

namespace atb::services {

/// A service of the catalogue.
nlohmann::json to_json(const Service& s);
/// A referral; `position` is its place on the waiting list (waiting ones), `today` decides
/// decision_overdue.
nlohmann::json to_json(const Referral& r, const Date& today,
                       std::optional<int> position = std::nullopt);
/// A row of the delivery log.
nlohmann::json to_json(const Delivery& d);
/// An entry of a service's waiting list (or of its placed list, with `since` named `since_field`).
nlohmann::json to_json(const WaitingEntry& e, const char* since_field);

/// Applies the members present in `body` to `s` (null clears an optional field); a new service
/// starts from a default Service. Type and length errors are 422 naming the member.
Result<void> apply_service_body(const nlohmann::json& body, Service& s);

}  // namespace atb::services
