// Evaluating a stored application: builds the rules' Declaration from it, loads the thresholds
// and norms in force, and runs the rule of its kind. The decision of a granted benefit and its
// monthly payments follow from the outcome.
#pragma once

#include <vector>

#include "assistance/calculation.h"
#include "assistance/config_store.h"
#include "assistance/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// The rules' declaration of an application (the applicant first).
Result<Declaration> declaration_of(const Application& a);

/// The outcome of the application's kind under the thresholds in force in its month.
Result<Outcome> evaluate(storage::Connection& c, const Application& a);

/// The same under the thresholds, norms and low-income threshold in force on `on` (a
/// recalculation: the 1st of the month it takes effect); the declaration is the application's.
Result<Outcome> evaluate(storage::Connection& c, const Application& a, const Date& on);

/// What the rules need besides the declaration, read once for a municipality and a date (so
/// that many applications can be evaluated without I/O).
struct RuleSettings {
  Thresholds national;                                ///< every national row
  std::optional<LowIncomeThresholds> low_income_rows;  ///< the municipality's, when consistent
  std::optional<Error> low_income_error;              ///< why they are not, otherwise
  std::optional<Norms> norms;                         ///< housing-cost norms in force on the date
  std::vector<BenefitKind> kinds;                     ///< built-in and municipal kinds
  /// The low-income thresholds, or the error that loading them met.
  Result<const LowIncomeThresholds*> low_income() const;
};
Result<RuleSettings> load_rule_settings(storage::Connection& c, std::int64_t municipality_id, const Date& on);

/// evaluate() without I/O, with settings read for the application's municipality and `on`.
Result<Outcome> evaluate(const RuleSettings& settings, const Application& a, const Date& on);

/// The decision and its payments for an outcome: granted when eligible (a status, or a benefit
/// with an amount above zero), from the month after the application month for the period.
struct Decided {
  DecisionRecord decision;
  std::vector<Payment> payments;
};
Decided decide(const Application& a, const Outcome& outcome, const std::string& note);

/// A recalculation of the granted decision `old` from the month starting `from` (within its
/// period): a new decision superseding it, granted when the new outcome is, for the rest of the
/// old period (to old.period_to), with the payments of those months at the new amount. Its
/// explanation ends with a step naming the old decision, both amounts and `reason`.
Decided recalculated(const Application& a, const DecisionRecord& old, const Outcome& outcome, const Date& from,
                     const std::string& reason);

}  // namespace atb::assistance
