// The period of a statistics request: two Riga dates, both inclusive, checked without I/O.
// Dates in the database are Riga dates (compared as text); times are UTC ISO instants, so a
// period also gives the UTC instants its first day starts and the day after its last starts.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"

namespace atb::reports {

/// A period of whole days, `from` and `to` both included.
struct Period {
  Date from;
  Date to;

  /// The UTC instant (ISO, as stored) when `from` starts in Riga: times at or after it are in.
  std::string from_instant() const;
  /// The UTC instant when the day after `to` starts in Riga: times before it are in.
  std::string end_instant() const;
  /// "YYYY-MM" of `from` and of `to` (months of monthly records, e.g. payments).
  std::string from_month() const;
  std::string to_month() const;
};

/// The limits of a period.
struct PeriodRules {
  int max_years = 20;  ///< a longer period is refused (configurable; 1–100)
};

/// The period of `from` / `to` (query texts, absent when not given). Defaults: `to` = today,
/// `from` = 1 January of `to`'s year. Refused (invalid, 422, naming the field in lv and en):
/// a text that is not a real YYYY-MM-DD date; `to` before `from`; a period longer than
/// `rules.max_years` years (from + max_years years ≤ to is too long).
Result<Period> parse_period(const std::optional<std::string>& from,
                            const std::optional<std::string>& to, const Date& today,
                            const PeriodRules& rules = {});

/// The UTC instant ("2026-01-01T22:00:00.000Z") when `day` starts in Europe/Riga.
std::string riga_day_start_instant(const Date& day);

}  // namespace atb::reports
