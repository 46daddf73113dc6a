// The period of a statutory report (Cabinet Regulation 324/2017) and when it is due, decided
// without I/O: a month ("2026-10") for a monthly report, a year ("2026") for an annual one; due
// on a fixed day after the period (the monthly report by the 15th of the next month, the annual
// by 15 February of the next year). A due day on a weekend or holiday is NOT moved: the
// regulation names the day and says nothing of moving it.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "reports/period.h"

namespace atb::reports::statutory {

/// How often a report is due.
enum class Frequency { monthly, annual };

/// "monthly" or "annual".
std::string_view frequency_code(Frequency f);

/// When a report is due after its period ends: on `day` of the month after a monthly period;
/// on `month`/`day` of the year after an annual period.
struct DueRule {
  int month = 0;  ///< annual reports only (1–12); 0 for monthly reports
  int day = 15;   ///< 1–28, so that it exists in every month
};

/// One reporting period.
struct ReportPeriod {
  Frequency frequency = Frequency::monthly;
  int year = 2000;
  int month = 0;  ///< 1–12 for a monthly period, 0 for an annual one

  Date first() const;        ///< its first day
  Date last() const;         ///< its last day
  std::string text() const;  ///< "2026-10" or "2026"
  Period as_period() const;  ///< first … last, both included (for figure queries)
};

/// Parses the `period` query text for a report of frequency `f`. Refused with 422 naming
/// `period` (lv/en): not "YYYY-MM" (monthly) / "YYYY" (annual); a year outside 1900–2100; a
/// period that starts after `today` (the future).
Result<ReportPeriod> parse_report_period(std::string_view text, Frequency f, const Date& today);

/// The day the report of `period` is due under `rule`.
Date due_date(const ReportPeriod& period, const DueRule& rule);

/// The latest period of frequency `f` that has ended before `today` (the one being reported now):
/// the previous month, or the previous year.
ReportPeriod latest_ended_period(Frequency f, const Date& today);

/// True when the period's last day is before `today`.
bool has_ended(const ReportPeriod& period, const Date& today);

/// Whole days from `a` to `b` (negative when `b` is before `a`).
int days_from(const Date& a, const Date& b);

}  // namespace atb::reports::statutory
