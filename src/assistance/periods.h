// Months and deadlines of social assistance (no I/O): the declaration period (the three full
// months before the application month), the decision deadline (one month after a complete
// application) and the months a granted benefit is paid for.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace atb::assistance {

/// Parses "YYYY-MM" into the first day of that month.
std::optional<Date> parse_month(std::string_view text);
/// "YYYY-MM" of a date.
std::string month_of(const Date& d);
/// The month `n` months after (negative: before) the month of `d`, as its first day.
Date add_months(const Date& first_of_month, int n);
/// The three full months before the application month, earliest first ("YYYY-MM").
std::vector<std::string> declaration_months(const Date& application_month);
/// One month after `d` (the same day, or the month's last day when it has fewer days).
Date one_month_after(const Date& d);
/// The months a benefit granted from `first` for `count` months is paid for.
std::vector<std::string> paid_months(const Date& first, int count);
/// The last day of the month of `d`.
Date last_day_of_month(const Date& d);

}  // namespace atb::assistance
