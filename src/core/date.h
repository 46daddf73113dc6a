// Calendar dates ("YYYY-MM-DD") and today's date in Europe/Riga, where the social service works.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace atb {

/// A Gregorian calendar date without a time or a zone. Compares chronologically.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;
  /// "YYYY-MM-DD" (the year zero-padded to four digits).
  std::string iso() const;
};

/// True when y-m-d is a real Gregorian date (years 1..9999; 29 February only in leap years).
bool valid_date(int y, int m, int d);

/// True for Gregorian leap years (divisible by 4, except centuries not divisible by 400).
bool is_leap_year(int y);

/// The number of days in the month (0 when the month is not 1..12).
int days_in_month(int y, int m);

/// Parses exactly "YYYY-MM-DD" naming a real date; nullopt for anything else.
std::optional<Date> parse_date(std::string_view text);

/// The date in Europe/Riga at the UTC instant `t` (EET, UTC+2; EEST, UTC+3, from the last Sunday
/// of March 01:00 UTC to the last Sunday of October 01:00 UTC, the EU rule Latvia follows).
Date riga_date_at(std::chrono::system_clock::time_point t);

/// Today's date in Europe/Riga. Does not read or change the process's TZ.
Date today_riga();

/// Age in full years on `on` of a person born on `birth` (0 when `on` is before the birth).
/// Someone born on 29 February becomes a year older on 1 March in non-leap years.
int age_on(const Date& birth, const Date& on);

/// The day `days` days after (or before, when negative) `d`.
Date add_days(const Date& d, int days);

}  // namespace atb
