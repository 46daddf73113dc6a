#include "reports/period.h"

#include <chrono>

#include "core/time.h"

namespace atb::reports {
namespace {

constexpr int kFirstYear = 1900, kLastYear = 2100;

Result<Date> date_field(const std::optional<std::string>& text, const char* field, Date fallback) {
  if (!text) return fallback;
  if (auto d = parse_date(*text)) {
    // Statistics cover the records of a social service; years far outside it are a mistake (and
    // beyond the clock's range for a day's bounds as instants).
    if (d->year >= kFirstYear && d->year <= kLastYear) return *d;
    return Error::invalid_field(field, {"Gadam jābūt no " + std::to_string(kFirstYear) + " līdz " + std::to_string(kLastYear) + ".",
                                        "The year must be from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) + "."});
  }
  return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD un īstam kalendāra datumam.",
                                      "The date must be a real calendar date written YYYY-MM-DD."});
}

}  // namespace

std::string riga_day_start_instant(const Date& day) {
  using namespace std::chrono;
  const sys_days utc_midnight =
      year_month_day{year{day.year}, month{static_cast<unsigned>(day.month)},
                     std::chrono::day{static_cast<unsigned>(day.day)}};
  // Riga is UTC+2 (winter) or UTC+3 (summer): the day starts at 21:00 or 22:00 UTC the day before.
  const TimePoint summer = utc_midnight - hours(3);
  const TimePoint start = riga_date_at(summer) == day ? summer : summer + hours(1);
  return iso_utc(start);
}

std::string Period::from_instant() const {
  return riga_day_start_instant(from);
}
std::string Period::end_instant() const {
  return riga_day_start_instant(add_days(to, 1));
}
std::string Period::from_month() const {
  return from.iso().substr(0, 7);
}
std::string Period::to_month() const {
  return to.iso().substr(0, 7);
}

Result<Period> parse_period(const std::optional<std::string>& from,
                            const std::optional<std::string>& to, const Date& today,
                            const PeriodRules& rules) {
  ATB_TRY_ASSIGN(end, date_field(to, "to", today));
  ATB_TRY_ASSIGN(start, date_field(from, "from", Date{end.year, 1, 1}));
  if (end < start) {
    return Error::invalid_field("to", {"Perioda beigas nevar būt pirms tā sākuma.",
                                       "The period cannot end before it starts."});
  }
  // from + max_years years (29 February → 1 March when that year has none).
  Date limit{start.year + rules.max_years, start.month, start.day};
  if (!valid_date(limit.year, limit.month, limit.day)) limit = Date{limit.year, 3, 1};
  if (limit <= end) {
    const std::string n = std::to_string(rules.max_years);
    return Error::invalid_field("to", {"Periods nevar būt garāks par " + n + " gadiem.",
                                       "The period cannot be longer than " + n + " years."});
  }
  return Period{start, end};
}

}  // namespace atb::reports
