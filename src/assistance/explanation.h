// A decision's explanation, compact: each step is a key naming a template of the catalogue
// (explanation_catalogue.h) with its typed arguments, e.g. {income_average, [41233, 123699, exact]}.
// The rules build steps without formatting any text; render() makes the Latvian and English
// wording when a step is shown (the API, the decision PDF) and explanation_json.h stores it.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/text.h"

namespace atb::assistance {

/// Every template of the catalogue, one per kind of step or nested phrase. The order and the
/// names are those of explanation_catalogue.cpp; the names are stored, so a key keeps its name.
enum class StepKey : std::uint8_t {
  verbatim,  ///< a text given in both languages (an explanation stored before keys existed)
  // Steps of the household's income.
  not_counted, income_person, income_month, income_total, income_average,
  // Nested phrases of the income steps.
  income_wages, income_pension, income_state_benefit, income_alimony, income_other,
  rounding_exact, rounding_half_up,
  // The threshold for the household's size and its names.
  size_threshold, name_needy_threshold, name_low_income_threshold, name_gmi_level,
  // Statuses and their names, the members' assets.
  status_granted, status_assets, status_refused, status_assets_too,
  status_needy, status_low_income,
  asset_person, asset_property, asset_savings,
  // The period of a granted status or benefit and why.
  period, period_able_to_work, period_only_pensioners, period_not_every_adult,
  // Benefits.
  benefit, benefit_clamped, benefit_refused, name_gmi_benefit, name_housing_benefit,
  formula_gmi, formula_housing,
  // Housing costs and the coefficient K.
  housing_cost, housing_costs_total,
  cost_rent, cost_heating, cost_electricity, cost_water, cost_gas, cost_sewage, cost_waste, cost_telecom,
  coefficient, k_alone, k_only_pensioners, k_other,
  // Evaluating an application: the catalogue's benefits, a missing status, a recalculation.
  catalogue_fixed, catalogue_per_member, missing_needy_for_gmi, missing_status_for_housing,
  recalculation_granted, recalculation_refused,
};

struct Step;

/// An argument of a step. Numbers are amounts in cents, counts, ids, dates (packed yyyymmdd):
/// the template says how each is shown. Texts are shown as they are; bilingual texts (a
/// catalogue benefit's name) by language; phrases are nested steps, joined as the template says.
struct Arg {
  /// What the argument holds.
  enum class Kind : std::uint8_t { number, text, bilingual, phrases };
  Kind kind = Kind::number;
  std::int64_t number = 0;    ///< Kind::number
  std::string text;           ///< Kind::text; the Latvian one of Kind::bilingual
  std::string text_en;        ///< the English one of Kind::bilingual
  std::vector<Step> phrases;  ///< Kind::phrases

  Arg() = default;
  /// A number (cents, a count, an id).
  template <std::integral T>
  Arg(T n) : number(static_cast<std::int64_t>(n)) {}  // NOLINT(google-explicit-constructor)
  /// A date, packed yyyymmdd (shown by the template as a date or as its month).
  Arg(const Date& d) : number(std::int64_t{d.year} * 10000 + d.month * 100 + d.day) {}  // NOLINT
  /// A text shown as it is in both languages.
  Arg(std::string s) : kind(Kind::text), text(std::move(s)) {}  // NOLINT
  /// A text in each language.
  Arg(Text t) : kind(Kind::bilingual), text(std::move(t.lv)), text_en(std::move(t.en)) {}  // NOLINT
  /// One nested phrase.
  Arg(Step s);  // NOLINT
  /// Nested phrases (none, one or a list).
  Arg(std::vector<Step> s);  // NOLINT
};

/// One step of an explanation: a template of the catalogue and its arguments.
struct Step {
  StepKey key = StepKey::verbatim;
  std::vector<Arg> args;

  Step() = default;
  /// A step of template `k` with its arguments.
  Step(StepKey k, std::vector<Arg> a = {}) : key(k), args(std::move(a)) {}  // NOLINT
  /// A text given in both languages (StepKey::verbatim).
  Step(Text t) : key(StepKey::verbatim), args{Arg(std::move(t))} {}  // NOLINT

  /// The step's wording: render(*this).
  Text text() const;
};

inline Arg::Arg(Step s) : kind(Kind::phrases) { phrases.push_back(std::move(s)); }
inline Arg::Arg(std::vector<Step> s) : kind(Kind::phrases), phrases(std::move(s)) {}

/// The step's wording in Latvian and English, exactly as the catalogue's templates say. A step
/// whose arguments do not fit its template (a stored explanation of another version) renders
/// what it can: a placeholder without its argument is left out.
Text render(const Step& step);

/// Every step rendered, in order.
std::vector<Text> render(const std::vector<Step>& steps);

}  // namespace atb::assistance
