// The social assistance rules without I/O: a household's average monthly income, needy and
// low-income status, the guaranteed minimum income (GMI) benefit and the housing benefit, all in
// integer cents, each with a step-by-step explanation: compact steps (explanation.h) that name
// their templates and carry their figures; no text is formatted here.
//
// Conventions, decided here once:
// - The "first person" of the thresholds is the first member of the declaration; N = members − 1.
// - A member is an adult when 18 or older on the 1st of the application month (the month after
//   the three declared months). Only adults must declare incomes; children may declare none.
// - Children do not decide the household kind: a household is "only pensioners and/or persons
//   with disability" when it has at least one adult and every adult is a pensioner or has a
//   disability.
// - Thresholds are those in force on the date `on` (normally the application date).
// - Property or savings (a member's flag) rule out needy status only; see needy_status.
// - Averages and the K multiplication round to the nearest cent, half a cent up; the explanation
//   says whether a figure was rounded.
#pragma once

#include <vector>

#include "assistance/explanation.h"
#include "assistance/means.h"
#include "assistance/money.h"
#include "assistance/thresholds.h"
#include "core/date.h"
#include "core/result.h"

namespace atb::assistance {

/// A decision of the rules with the figures it rests on and how they were reached.
struct Outcome {
  bool eligible = false;       ///< status granted / a benefit above zero
  Cents amount = 0;            ///< the monthly benefit (0 for status decisions and when refused)
  int period_months = 0;       ///< 3 or 6 when eligible, 0 otherwise
  Cents household_income = 0;  ///< average monthly household income I
  /// What the income was compared with: the status threshold for the household's size, the GMI
  /// level (GMI₁ + GMI₂·N) for the GMI benefit, K·(GMI₁ + GMI₂·N) + E for the housing benefit.
  Cents threshold = 0;
  std::vector<Step> steps;  ///< the explanation, in order (render() gives its wording)
};

/// The household's average monthly income over the three declared months: the counted kinds
/// only, the three months' total divided by 3, half a cent rounded up. Appends its steps to
/// `steps` only when it succeeds. Refuses (naming the field "members.<i>…"): no members, a
/// period start that is not the 1st of a month, a person twice, a negative or too large income,
/// an income for a month outside the period, and an adult with no income record for a month.
Result<Cents> average_monthly_income(const Declaration& declaration, std::vector<Step>& steps);

/// How long a granted status or benefit lasts: 6 months when the household is only pensioners
/// and/or persons with disability (children not counted) and nobody is marked able to work;
/// 3 months otherwise (someone able to work, or an adult who is neither).
int status_period_months(const Declaration& declaration);

/// The housing benefit's K in halves: 5 (K = 2.5) for a single member who is a pensioner or has
/// a disability; 4 (K = 2) for a household of several members that is only pensioners and/or
/// persons with disability, with or without children; 3 (K = 1.5) for every other household.
int housing_coefficient_halves(const Declaration& declaration);

/// Needy status: eligible when I ≤ needy₁ + needy₂·N (thresholds in force on `on`) and no member
/// owns property beyond her home or has savings above the set amount. latvia.md gives no rule
/// or amount for property and savings, so each is the officer's yes/no judgement in the
/// declaration and a "yes" alone makes the household not needy; a step names who has what.
/// (Low-income status does not look at them: the municipality's rules are not known.)
Result<Outcome> needy_status(const Declaration& declaration, const Thresholds& thresholds,
                             const Date& on);

/// Low-income status: eligible when I ≤ low₁ + low₂·N, the municipality's threshold in force on
/// `on`. Refuses when the municipality has none in force on `on`, or when it lies outside
/// [needy, low-income maximum] of the national thresholds in force on `on` (Errc::conflict: the
/// municipality must set a new threshold after a national change).
Result<Outcome> low_income_status(const Declaration& declaration, const Thresholds& thresholds,
                                  const LowIncomeThresholds& low_income, const Date& on);

/// GMI benefit per month: max(0, (GMI₁ + GMI₂·N) − I); eligible when above zero, for
/// status_period_months. Whether the household holds needy status is the caller's precondition.
Result<Outcome> gmi_benefit(const Declaration& declaration, const Thresholds& thresholds,
                            const Date& on);

/// Housing benefit per month: max(0, K·(GMI₁ + GMI₂·N) + E − I), E = Σ min(cost, norm) over the
/// kinds; eligible when above zero, for status_period_months. Refuses a negative or too large
/// cost ("costs.<kind>") or norm ("norms.<kind>"). Whether the household holds needy or
/// low-income status is the caller's precondition.
Result<Outcome> housing_benefit(const Declaration& declaration, const HousingCosts& costs,
                                const HousingCosts& norms, const Thresholds& thresholds,
                                const Date& on);

}  // namespace atb::assistance
