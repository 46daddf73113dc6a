#include "core/date.h"

#include <cstdio>

namespace atb {
namespace {

namespace chr = std::chrono;

chr::sys_days to_sys_days(const Date& d) {
  return chr::sys_days{chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} /
                       chr::day{static_cast<unsigned>(d.day)}};
}

Date from_sys_days(chr::sys_days days) {
  const chr::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

/// 01:00 UTC on the last Sunday of `month` in `year`: when EU summer time starts or ends.
chr::sys_seconds eu_switch(int year, unsigned month) {
  const chr::sys_days last_sunday{chr::year{year} / chr::month{month} / chr::Sunday[chr::last]};
  return chr::sys_seconds{last_sunday} + chr::hours{1};
}

/// The value of the two ASCII digits at text[pos], or -1 when they are not digits.
int two_digits(std::string_view text, std::size_t pos) {
  const char a = text[pos], b = text[pos + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

bool valid_date(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int hi = two_digits(text, 0), lo = two_digits(text, 2);
  const int m = two_digits(text, 5), d = two_digits(text, 8);
  if (hi < 0 || lo < 0 || m < 0 || d < 0) return std::nullopt;
  const int y = hi * 100 + lo;
  if (!valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

Date riga_date_at(chr::system_clock::time_point t) {
  const auto secs = chr::floor<chr::seconds>(t);
  const int year = static_cast<int>(chr::year_month_day{chr::floor<chr::days>(secs)}.year());
  const bool summer = secs >= eu_switch(year, 3) && secs < eu_switch(year, 10);
  const auto local = secs + chr::hours{summer ? 3 : 2};
  return from_sys_days(chr::floor<chr::days>(local));
}

Date today_riga() {
  return riga_date_at(chr::system_clock::now());
}

int age_on(const Date& birth, const Date& on) {
  if (on < birth) return 0;
  int years = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --years;
  return years;
}

Date add_days(const Date& d, int days) {
  return from_sys_days(to_sys_days(d) + chr::days{days});
}

}  // namespace atb
