#include "cases/calendar.h"

#include <algorithm>
#include <chrono>

namespace atb::cases {
namespace {

bool contains(const std::vector<Date>& v, const Date& d) { return std::find(v.begin(), v.end(), d) != v.end(); }

// A fixed-date holiday that moves to the following Monday when it falls on a weekend.
Date moved_off_weekend(const Date& d) {
  const int wd = iso_weekday(d);
  if (wd == 6) return add_days(d, 2);
  if (wd == 7) return add_days(d, 1);
  return d;
}

}  // namespace

Date easter_sunday(int y) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month, day};
}

const Adjustments& known_adjustments() {
  // XXVI festival closed on Sunday 8 July 2018, XXVII on Sunday 9 July 2023 (Mondays off);
  // the Saeima made Monday 29 May 2023 a day off (ice-hockey world championship bronze).
  static const Adjustments known{{{2018, 7, 8}, {2023, 7, 9}}, {{2023, 5, 29}}, {}};
  return known;
}

Calendar::Calendar(Adjustments adjustments) : adjustments_(std::move(adjustments)) {}

int iso_weekday(const Date& d) {
  namespace chr = std::chrono;
  const chr::sys_days days{chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} /
                           chr::day{static_cast<unsigned>(d.day)}};
  return static_cast<int>(chr::weekday{days}.iso_encoding());
}

std::vector<Date> Calendar::holidays(int year) const {
  const Date easter = easter_sunday(year);
  std::vector<Date> out = {
      {year, 1, 1},          add_days(easter, -2), easter, add_days(easter, 1), {year, 5, 1},
      {year, 5, 4},          {year, 6, 23},        {year, 6, 24},                {year, 11, 18},
      {year, 12, 24},        {year, 12, 25},       {year, 12, 26},               {year, 12, 31},
  };
  // Article 1: 4 May and 18 November on a weekend give the next Monday off.
  for (const Date fixed : {Date{year, 5, 4}, Date{year, 11, 18}}) {
    if (moved_off_weekend(fixed) != fixed) out.push_back(moved_off_weekend(fixed));
  }
  for (const Date& closing : adjustments_.song_festival_closing) {
    if (closing.year != year) continue;
    out.push_back(closing);
    if (moved_off_weekend(closing) != closing) out.push_back(moved_off_weekend(closing));
  }
  for (const Date& extra : adjustments_.extra_days_off) {
    if (extra.year == year) out.push_back(extra);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Calendar::is_holiday(const Date& d) const { return contains(holidays(d.year), d); }

bool Calendar::is_working_day(const Date& d) const {
  if (contains(adjustments_.extra_working_days, d)) return true;
  return iso_weekday(d) <= 5 && !is_holiday(d);
}

Date Calendar::add_working_days(const Date& from, int n) const {
  Date d = from;
  while (!is_working_day(d)) d = add_days(d, 1);
  if (d != from) --n;  // the first working day reached already counts as one
  for (int counted = 0; counted < n;) {
    d = add_days(d, 1);
    if (is_working_day(d)) ++counted;
  }
  return d;
}

}  // namespace atb::cases
