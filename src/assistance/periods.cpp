#include "assistance/periods.h"

#include <cstdio>

#include <fmt/format.h>

namespace atb::assistance {

std::optional<Date> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  return parse_date(std::string(text) + "-01");
}

std::string month_of(const Date& d) { return fmt::format("{:04}-{:02}", d.year, d.month); }

Date add_months(const Date& first, int n) {
  int index = first.year * 12 + (first.month - 1) + n;
  return Date{index / 12, index % 12 + 1, 1};
}

std::vector<std::string> declaration_months(const Date& application_month) {
  return {month_of(add_months(application_month, -3)), month_of(add_months(application_month, -2)),
          month_of(add_months(application_month, -1))};
}

Date last_day_of_month(const Date& d) { return Date{d.year, d.month, days_in_month(d.year, d.month)}; }

Date one_month_after(const Date& d) {
  const Date next = add_months(Date{d.year, d.month, 1}, 1);
  return Date{next.year, next.month, std::min(d.day, days_in_month(next.year, next.month))};
}

std::vector<std::string> paid_months(const Date& first, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(month_of(add_months(Date{first.year, first.month, 1}, i)));
  return out;
}

}  // namespace atb::assistance
