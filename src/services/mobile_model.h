// Plain records of the mobile social service (mobilais sociālais dienests): day plans (one route
// on one date with its vehicle and crew) and their stops in route order — a placed referral of
// the service with a time window, address and what to bring, and after the visit its outcome
// and what was delivered. Contract: docs/api-mobile.md; tables: migrations/0021_mobile_service.sql.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atb::services {

/// An item to bring or delivered at a stop (code of mobile_items()) with its quantity.
struct StopItem {
  std::string item;
  int quantity = 1;
  bool operator==(const StopItem&) const = default;
};

/// A worker of a day plan's crew.
struct CrewMember {
  std::int64_t user_id = 0;
  std::string name;
};

/// A stop of a route: a placed referral of the service, where and when, and the visit's outcome.
struct MobileStop {
  std::int64_t id = 0, plan_id = 0, referral_id = 0, case_id = 0, person_id = 0;
  int position = 0;                                   ///< 1, 2, … in route order
  std::optional<std::string> window_from, window_to;  ///< HH:MM
  std::optional<std::string> address;
  std::optional<std::string> note;          ///< free text about what to bring or do
  std::vector<StopItem> planned;            ///< what to bring
  std::optional<std::string> outcome;       ///< visited | not_home | refused
  std::optional<std::string> outcome_note;  ///< free text about the visit
  std::vector<StopItem> delivered;          ///< what was delivered (visited only)
  std::optional<std::int64_t> delivery_id;  ///< the row of the referral's delivery log
  std::optional<std::int64_t> recorded_by;
  std::optional<std::string> recorded_at;
  std::int64_t version = 1;
  std::string created_at;
  /// Whether the caller may read the referral's case; when not, the stop is shown without the
  /// person, address, phone and notes.
  bool visible = false;
  std::string person_name;           ///< only when visible
  std::optional<std::string> phone;  ///< the person's first phone in the registry (visible only)
};

/// One route of a mobile service on one day.
struct DayPlan {
  std::int64_t id = 0, service_id = 0;
  std::string day;  ///< YYYY-MM-DD
  std::string route;
  std::optional<std::string> vehicle, note;
  std::vector<CrewMember> crew;
  std::vector<MobileStop> stops;  ///< in route order
  std::int64_t version = 1;
  std::int64_t created_by = 0;
  std::string created_at, updated_at;
};

}  // namespace atb::services
