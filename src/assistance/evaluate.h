// Evaluating a stored application: builds the rules' Declaration from it, loads the thresholds
// and norms in force, and runs the rule of its kind. The decision of a granted benefit and its
// monthly payments follow from the outcome.
#pragma once

#include <vector>

#include "assistance/calculation.h"
#include "assistance/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// The rules' declaration of an application (the applicant first).
Result<Declaration> declaration_of(const Application& a);

/// The outcome of the application's kind under the thresholds in force in its month.
Result<Outcome> evaluate(storage::Connection& c, const Application& a);

/// The decision and its payments for an outcome: granted when eligible (a status, or a benefit
/// with an amount above zero), from the month after the application month for the period.
struct Decided {
  DecisionRecord decision;
  std::vector<Payment> payments;
};
Decided decide(const Application& a, const Outcome& outcome, const std::string& note);

}  // namespace atb::assistance
