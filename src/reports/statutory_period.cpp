#include "reports/statutory_period.h"

#include <chrono>

namespace atb::reports::statutory {
namespace {

constexpr int kFirstYear = 1900, kLastYear = 2100;

Error bad_period(Text why) {
  return Error::invalid_field("period", std::move(why));
}

/// The digits of `text` as a number when it is exactly `width` digits.
std::optional<int> digits(std::string_view text, std::size_t width) {
  if (text.size() != width) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::chrono::sys_days days_of(const Date& d) {
  using namespace std::chrono;
  return sys_days{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                 day{static_cast<unsigned>(d.day)}}};
}

}  // namespace

std::string_view frequency_code(Frequency f) {
  return f == Frequency::monthly ? "monthly" : "annual";
}

Date ReportPeriod::first() const {
  return Date{year, month == 0 ? 1 : month, 1};
}

Date ReportPeriod::last() const {
  if (month == 0) return Date{year, 12, 31};
  return Date{year, month, days_in_month(year, month)};
}

std::string ReportPeriod::text() const {
  const std::string iso = first().iso();
  return month == 0 ? iso.substr(0, 4) : iso.substr(0, 7);
}

Period ReportPeriod::as_period() const {
  return Period{first(), last()};
}

Result<ReportPeriod> parse_report_period(std::string_view text, Frequency f, const Date& today) {
  const bool monthly = f == Frequency::monthly;
  ReportPeriod p{f, 0, 0};
  std::optional<int> year, month;
  if (monthly && text.size() == 7 && text[4] == '-') {
    year = digits(text.substr(0, 4), 4);
    month = digits(text.substr(5, 2), 2);
  } else if (!monthly) {
    year = digits(text, 4);
  }
  if (!year || (monthly && (!month || *month < 1 || *month > 12))) {
    return bad_period(
        monthly ? Text{"Mēneša pārskata periods ir mēnesis formā GGGG-MM, piemēram, 2026-10.",
                       "A monthly report's period is a month written YYYY-MM, e.g. 2026-10."}
                : Text{"Gada pārskata periods ir gads formā GGGG, piemēram, 2025.",
                       "An annual report's period is a year written YYYY, e.g. 2025."});
  }
  if (*year < kFirstYear || *year > kLastYear) {
    return bad_period({"Gadam jābūt no " + std::to_string(kFirstYear) + " līdz " +
                           std::to_string(kLastYear) + ".",
                       "The year must be from " + std::to_string(kFirstYear) + " to " +
                           std::to_string(kLastYear) + "."});
  }
  p.year = *year;
  p.month = monthly ? *month : 0;
  if (today < p.first()) {
    return bad_period(
        {"Pārskata periods vēl nav sācies.", "The report's period has not begun yet."});
  }
  return p;
}

Date due_date(const ReportPeriod& period, const DueRule& rule) {
  if (period.month == 0) return Date{period.year + 1, rule.month, rule.day};
  return period.month == 12 ? Date{period.year + 1, 1, rule.day}
                            : Date{period.year, period.month + 1, rule.day};
}

ReportPeriod latest_ended_period(Frequency f, const Date& today) {
  if (f == Frequency::annual) return ReportPeriod{f, today.year - 1, 0};
  return today.month == 1 ? ReportPeriod{f, today.year - 1, 12}
                          : ReportPeriod{f, today.year, today.month - 1};
}

bool has_ended(const ReportPeriod& period, const Date& today) {
  return period.last() < today;
}

int days_from(const Date& a, const Date& b) {
  return static_cast<int>((days_of(b) - days_of(a)).count());
}

}  // namespace atb::reports::statutory
