// The rules of the mobile social service, without I/O (docs/api-mobile.md): which services
// drive to their clients, the code lists of items and visit outcomes with their Latvian and
// English names, a plan's route name and day, a stop's time window and items (422 naming the
// field), the route order when a stop moves, one stop per person and day (409), and when a
// visit may be recorded and what it delivered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "services/mobile_model.h"

namespace atb::services {

/// Whether a service of `kind` has day plans (mobile_service).
bool has_day_plans(std::string_view kind);

/// What a stop brings or delivers: hot_meal, hygiene, shopping, social_work, medicines.
const std::vector<std::string_view>& mobile_items();
/// The outcome of a visit: visited, not_home, refused.
const std::vector<std::string_view>& visit_outcomes();
/// The name of an item or an outcome code in Latvian and English (the code itself if unknown).
Text mobile_label(std::string_view code);
/// Items as a line of text in Latvian ("Siltā maltīte × 2, Medikamenti"), empty when none.
std::string items_line_lv(const std::vector<StopItem>& items);

/// A route name: trimmed, 1–200 characters; 422 naming route.
Result<std::string> check_route(const std::string& text);
/// A plan's day: a date from a year before `today` to a year after; 422 naming `field`.
Result<Date> check_plan_day(std::string_view field, std::string_view text, const Date& today);

/// A time window: each end "HH:MM" (00:00–23:59) or absent, and from ≤ to; 422 naming
/// window_from or window_to.
Result<void> check_window(const std::optional<std::string>& from,
                          const std::optional<std::string>& to);

/// Items of `field` (planned or delivered): known codes, no code twice, quantity 1–100, at most
/// 10; 422 naming `field`.
Result<void> check_items(std::string_view field, const std::vector<StopItem>& items);

/// The ids of a plan's stops after stop `moved` goes to `position` (1 = first; the others keep
/// their order). 422 naming position when it is not 1..size, not_found when `moved` is not there.
Result<std::vector<std::int64_t>> reorder(const std::vector<std::int64_t>& ids, std::int64_t moved,
                                          int position);

/// A person is on at most one stop of a service's day: 409 naming referral_id when `taken`
/// (another stop of that day, with its route), nothing otherwise.
Result<void> check_once_a_day(const std::optional<std::string>& taken_route, const Date& day);

/// A visit's record: a known outcome (422 naming outcome); delivered items only for a visit
/// (422 naming delivered); the day of the plan not after `today` and not before the referral's
/// placement (`placed_from`) — 422 naming outcome; a stop already recorded is 409.
Result<void> check_visit(const MobileStop& stop, const std::string& outcome,
                         const std::vector<StopItem>& delivered, const Date& day,
                         const Date& placed_from, const Date& today);

/// A stop that is moved (reordered, to another day) or removed must not have a recorded visit
/// (409).
Result<void> check_still_planned(const MobileStop& stop);

/// A plan's route, vehicle, note or crew may change unless its day is before `today` and it
/// already has a recorded visit (409: the plan is then the record of what happened).
Result<void> check_plan_changeable(const DayPlan& plan, const Date& today);
/// A plan may be cancelled (removed with its planned stops) only while none of its stops has a
/// recorded visit (409).
Result<void> check_plan_cancellable(const DayPlan& plan);

}  // namespace atb::services
