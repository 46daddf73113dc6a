// The rules of the mentor service, without I/O (docs/api-mentors.md): a register entry of a
// mentor (422 naming the field), a mentor's capacity (409 naming override_reason when her active
// pairings would exceed her max without an override), the period of a pairing and its overlap
// with the referral's other pairings (one active pairing per referral: 409; an overlap with an
// ended one: 422 naming from_on), and a meeting (422 naming the field), with what it counts in
// the referral's delivery log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "services/housing_rules.h"
#include "services/mentor_model.h"

namespace atb::services {

/// The formats of a meeting.
inline const std::vector<std::string> kMeetingFormats = {"in_person", "online", "phone", "outing"};
/// The most mentees a mentor may have at once (the largest max_mentees).
inline constexpr int kMaxMentees = 20;
/// The longest meeting, in minutes.
inline constexpr int kMaxMeetingMinutes = 600;

/// A register entry as sent (after type checks): kind staff needs user_id and no name or
/// contacts (its name is the user's); a volunteer needs a name (1–200, trimmed) and a phone or
/// an e-mail; phone digits, spaces, '+', '-', '(' and ')' with 6–15 digits; e-mail one '@' with
/// a dot after it; trained_on a date not after `today`; max_mentees 1–kMaxMentees. Trims
/// `m.name`. 422 naming the first field that breaks a rule.
Result<void> check_mentor(Mentor& m, const Date& today);

/// A mentor with `active` active pairings may take one more: within max_mentees, or beyond it
/// with an override reason; 409 naming override_reason otherwise ("… 3 of 3 …").
Result<void> check_mentor_capacity(int active, int max_mentees,
                                   const std::optional<std::string>& override_reason);

/// The start of a pairing: a date, not before the referral's start (`placed_from`) nor the
/// mentor's training or agreement (`trained_on`), at most a year after `today`; 422 naming from_on.
Result<Date> check_pairing_start(std::string_view text, const Date& placed_from,
                                 const Date& trained_on, const Date& today);

/// A new pairing from `from` among the referral's other pairings (`others`, open ones without
/// an end): 409 when one is still active (end it first), 422 naming from_on when it overlaps an
/// ended one (the new one must start on or after its end).
Result<void> check_pairing_overlap(const Date& from, const std::vector<StaySpan>& others);

/// The end of a pairing: a date, not before its start and not after `today`; 422 naming until_on.
Result<Date> check_pairing_end(std::string_view text, const Date& from, const Date& today);

/// A meeting as sent.
struct MeetingInput {
  std::string met_on;
  int minutes = 0;
  std::string format;
  bool attended = true;
};

/// A meeting of a pairing that began on `from`: met_on a date from `from` to `today`; minutes
/// 0–kMaxMeetingMinutes, at least 1 when the young person came; format one of kMeetingFormats.
/// 422 naming the field. Returns the meeting's date.
Result<Date> check_meeting(const MeetingInput& m, const Date& from, const Date& today);

/// What a meeting counts in the delivery log in the service's `unit`: 0 when the young person
/// did not come; hours rounded to the nearest (at least 1) for `hour`; 1 for a session, visit
/// or day; 0 for `month` (the month is not delivered by one meeting).
int meeting_quantity(std::string_view unit, int minutes, bool attended);

}  // namespace atb::services
