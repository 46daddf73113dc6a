// Effective-dated income thresholds of social assistance: the national ones (GMI, needy,
// low-income maximum) and the low-income threshold each municipality sets within their bounds.
// A row is in force from its start date until the next row's start date.
#pragma once

#include <string>
#include <vector>

#include "assistance/money.h"
#include "core/date.h"
#include "core/result.h"

namespace atb::assistance {

/// National thresholds in force from `from`, euro cents per month: for the first (or only) person
/// of a household and for each other person.
struct ThresholdRow {
  Date from;                       ///< first day in force; always the 1st of a month
  Cents gmi_first = 0;             ///< guaranteed minimum income, first person
  Cents gmi_other = 0;             ///< guaranteed minimum income, each other person
  Cents needy_first = 0;           ///< needy household threshold, first person
  Cents needy_other = 0;           ///< needy household threshold, each other person
  Cents low_income_max_first = 0;  ///< highest low-income threshold allowed, first person
  Cents low_income_max_other = 0;  ///< highest low-income threshold allowed, each other person
};

/// A municipality's low-income threshold in force from `from`, euro cents per month.
struct LowIncomeRow {
  Date from;        ///< first day in force; always the 1st of a month
  Cents first = 0;  ///< first (or only) person
  Cents other = 0;  ///< each other person
};

/// The national thresholds over time, sorted by start date.
class Thresholds {
 public:
  /// Thresholds from `rows` in any order; the first bad row is refused with fields "rows.<i>.…".
  static Result<Thresholds> make(std::vector<ThresholdRow> rows);

  /// Adds a row (an admin enters next year's figures). Refuses, changing nothing: a start date
  /// that is not the 1st of a month or equals another row's ("overlaps", Errc::conflict), a
  /// value not above zero, and inconsistent orders (needed: gmi ≤ needy ≤ low-income maximum,
  /// and first ≥ other for each of the three).
  Result<void> add(ThresholdRow row);

  /// The row in force on `date` (the latest start on or before it); nullptr before the first.
  const ThresholdRow* at(const Date& date) const;

  /// The row in force on `date`, or an error naming `field` when none is.
  Result<const ThresholdRow*> require(const Date& date, std::string field) const;

  /// All rows, earliest first.
  const std::vector<ThresholdRow>& rows() const { return rows_; }

 private:
  std::vector<ThresholdRow> rows_;
};

/// A municipality's low-income thresholds over time, sorted by start date.
class LowIncomeThresholds {
 public:
  /// Low-income thresholds from `rows` in any order, each checked against `national`; the first
  /// bad row is refused with fields "rows.<i>.…".
  static Result<LowIncomeThresholds> make(std::vector<LowIncomeRow> rows,
                                          const Thresholds& national);

  /// Adds a row. Refuses, changing nothing: a start date that is not the 1st of a month or
  /// equals another row's (Errc::conflict), no national row in force on the start date, and a
  /// value outside [needy, low-income maximum] of the national row in force on the start date.
  Result<void> add(LowIncomeRow row, const Thresholds& national);

  /// The row in force on `date` (the latest start on or before it); nullptr before the first.
  const LowIncomeRow* at(const Date& date) const;

  /// All rows, earliest first.
  const std::vector<LowIncomeRow>& rows() const { return rows_; }

 private:
  std::vector<LowIncomeRow> rows_;
};

/// The seed rows: the table of ../shared/domain/latvia.md (2021-01-01, 2023-07-01, 2024-01-01,
/// 2025-01-01, 2026-01-01), in cents.
const std::vector<ThresholdRow>& latvian_thresholds();

}  // namespace atb::assistance
