// The rules of housing services, without I/O: which services have housing, the names of units,
// rooms and places, the dates of a move-in and a move-out (422 naming the field), and the
// overlap of stays — no two stays in one place and no two stays of one resident at the same
// time (409 naming the field, with the period it collides with). A stay is the half-open period
// [move in, move out): the move-out day is free for the next resident. A place out of use (a
// broken bed) takes no move-in and is taken out of use only while nobody lives there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace atb::services {

/// Whether a service of `kind` has units, rooms and places (group_apartment, social_house).
bool has_housing(std::string_view kind);

/// A required name of a unit, room or place: trimmed, not blank, at most `max` characters;
/// 422 naming `field`.
Result<std::string> check_housing_name(std::string_view field, const std::string& text,
                                       std::size_t max);

/// A period of a stay: from `from` (inclusive) until `to` (exclusive; nullopt: open).
struct Period {
  Date from;
  std::optional<Date> to;
};

/// Whether two periods share a day (a period that ends on its first day shares none).
bool overlaps(const Period& a, const Period& b);

/// Another stay a new one must not overlap.
struct StaySpan {
  std::int64_t id = 0;
  Period period;
};

/// What collides: the stays of the same place or of the same resident.
enum class Collision { place, resident };

/// `wanted` overlaps none of `others` (except the stay `except_id`): 409 naming `field` with
/// the first colliding period otherwise, worded for a place or a resident.
Result<void> check_no_overlap(std::string_view field, Collision what, const Period& wanted,
                              const std::vector<StaySpan>& others, std::int64_t except_id = 0);

/// A move-in goes only into a place in use: 409 naming place_id when it is `out_of_use`.
Result<void> check_place_in_use(bool out_of_use);

/// Taking a place out of use (`want_out`) or returning it to use: 409 when it already is so,
/// and 409 taking it out of use while a stay in it has not ended by today (`stays`: those
/// stays — a current resident or a move-in to come; she moves out first).
Result<void> check_use_change(bool is_out, bool want_out, const std::vector<StaySpan>& stays);

/// The move-in date: a date, not before the placement's start (`placed_from`) and not more than
/// a year after `today`; 422 naming move_in_on.
Result<Date> check_move_in(std::string_view text, const Date& placed_from, const Date& today);

/// The move-out date: a date, not before the move-in and not more than a year after `today`;
/// 422 naming move_out_on.
Result<Date> check_move_out(std::string_view text, const Date& moved_in, const Date& today);

}  // namespace atb::services
