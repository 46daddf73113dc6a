#include "assistance/calculation.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>

namespace atb::assistance {
namespace {

/// The months of a declaration period.
constexpr int kPeriodMonths = 3;

/// `m` moved by `count` months.
Month add_months(Month m, int count) {
  const int index = m.year * 12 + (m.month - 1) + count;
  return {index / 12, index % 12 + 1};
}

/// "2025-03".
std::string month_iso(Month m) {
  return fmt::format("{:04}-{:02}", m.year, m.month);
}

/// The first declared month.
Month first_month(const Declaration& d) {
  return {d.period_start.year, d.period_start.month};
}

/// True when `m` is 18 or older on the 1st of the application month.
bool is_adult(const Declaration& d, const Member& m) {
  const Month application = add_months(first_month(d), kPeriodMonths);
  return age_on(m.birth_date, Date{application.year, application.month, 1}) >= 18;
}

/// At least one adult, and every adult a pensioner or a person with disability.
bool only_pensioners_or_disabled(const Declaration& d) {
  bool any_adult = false;
  for (const Member& m : d.members) {
    if (!is_adult(d, m)) continue;
    any_adult = true;
    if (!m.pensioner && !m.disability) return false;
  }
  return any_adult;
}

/// True when a member is marked able to work.
bool someone_able_to_work(const Declaration& d) {
  return std::any_of(d.members.begin(), d.members.end(),
                     [](const Member& m) { return m.able_to_work; });
}

/// The phrase saying whether a division or multiplication had to be rounded.
Step rounding_note(bool exact) {
  return exact ? StepKey::rounding_exact : StepKey::rounding_half_up;
}

/// Every income kind with the key of its name, in the order of the explanation.
constexpr std::array<std::pair<IncomeKind, StepKey>, 5> kIncomeKinds{{
    {IncomeKind::wages, StepKey::income_wages},
    {IncomeKind::pension, StepKey::income_pension},
    {IncomeKind::state_benefit, StepKey::income_state_benefit},
    {IncomeKind::alimony, StepKey::income_alimony},
    {IncomeKind::other, StepKey::income_other},
}};

/// The step naming the kinds that do not count, if any.
std::vector<Step> not_counted_step(const Declaration& d) {
  std::vector<Step> names;
  for (const auto& [kind, name] : kIncomeKinds)
    if (!d.counted_kinds.contains(kind)) names.emplace_back(name);
  if (names.empty()) return {};
  return {Step(StepKey::not_counted, {std::move(names)})};
}

/// Refuses a declaration without members, with a bad period start or with a person twice.
Result<void> check_members(const Declaration& d) {
  if (d.members.empty())
    return Error::invalid_field("members", {"Deklarācijā jābūt vismaz vienai personai.",
                                            "The declaration must have at least one member."});
  const Date& s = d.period_start;
  if (!valid_date(s.year, s.month, s.day) || s.day != 1)
    return Error::invalid_field("period_start",
                                {"Perioda sākumam jābūt mēneša pirmajai dienai.",
                                 "The period must start on the first day of a month."});
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < d.members.size(); ++i)
    if (!seen.insert(d.members[i].person_id).second)
      return Error::invalid_field(
          fmt::format("members.{}.person_id", i),
          {"Šī persona deklarācijā jau ir.", "This person is already in the declaration."});
  return ok();
}

/// Adds the counted incomes of member `i` to `by_month` and returns her counted total; refuses a
/// bad amount, a month outside the period, and an adult without a record for some month.
Result<Cents> add_member_income(const Declaration& d, std::size_t i,
                                std::array<Cents, kPeriodMonths>& by_month) {
  const Member& m = d.members[i];
  const Month first = first_month(d), last = add_months(first, kPeriodMonths - 1);
  std::array<bool, kPeriodMonths> declared{};
  Cents total = 0;
  for (std::size_t j = 0; j < m.incomes.size(); ++j) {
    const Income& income = m.incomes[j];
    const std::string field = fmt::format("members.{}.incomes.{}", i, j);
    ATB_TRY(check_amount(income.amount, field + ".amount"));
    if (income.month < first || income.month > last)
      return Error::invalid_field(field + ".month",
                                  say("Mēnesis {} nav deklarācijas periodā ({}–{}).",
                                      "Month {} is outside the declaration period ({} to {}).",
                                      month_iso(income.month), month_iso(first), month_iso(last)));
    const auto index = static_cast<std::size_t>((income.month.year - first.year) * 12 +
                                                income.month.month - first.month);
    declared[index] = true;
    if (!d.counted_kinds.contains(income.kind)) continue;
    by_month[index] += income.amount;
    total += income.amount;
  }
  for (std::size_t k = 0; k < declared.size(); ++k)
    if (!declared[k] && is_adult(d, m))
      return Error::invalid_field(
          fmt::format("members.{}.incomes", i),
          say("Pieaugušajam nav norādīti ienākumi par {}; ja ienākumu nebija, norādiet 0.",
              "No income is declared for an adult for {}; enter 0 if there was none.",
              month_iso(add_months(first, static_cast<int>(k)))));
  return total;
}

/// The household's income with its steps, as the start of every outcome.
Result<Outcome> with_income(const Declaration& d) {
  Outcome out;
  ATB_TRY_ASSIGN_TO(out.household_income, average_monthly_income(d, out.steps));
  return out;
}

/// first + other × N for the household's size, with the step "<name> <size> (from): a + b × N = x"
/// (`name`: the key of the threshold's name).
Cents size_threshold(const Declaration& d, Cents first, Cents other, const Date& from,
                     StepKey name, Outcome& out) {
  const auto n = static_cast<Cents>(d.members.size()) - 1;
  const Cents total = first + other * n;
  out.steps.push_back(
      Step(StepKey::size_threshold, {Step(name), d.members.size(), from, first, other, n, total}));
  return total;
}

/// Sets the period of an eligible outcome and explains it.
void add_period(const Declaration& d, Outcome& out) {
  if (!out.eligible) return;
  out.period_months = status_period_months(d);
  const StepKey why = someone_able_to_work(d)    ? StepKey::period_able_to_work
                      : out.period_months == 6 ? StepKey::period_only_pensioners
                                               : StepKey::period_not_every_adult;
  out.steps.push_back(Step(StepKey::period, {out.period_months, Step(why)}));
}

/// "1. persona — īpašums ārpus mājokļa; 3. persona — uzkrājumi virs noteiktā apmēra": a phrase
/// per member with a property or savings flag; empty when none has one.
std::vector<Step> assets_named(const Declaration& d) {
  std::vector<Step> out;
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    const Member& m = d.members[i];
    if (!m.owns_property && !m.has_savings) continue;
    std::vector<Step> what;
    if (m.owns_property) what.emplace_back(StepKey::asset_property);
    if (m.has_savings) what.emplace_back(StepKey::asset_savings);
    out.emplace_back(StepKey::asset_person, std::vector<Arg>{i + 1, std::move(what)});
  }
  return out;
}

/// Decides a status: eligible when the income does not exceed `threshold` and, when
/// `assets_count` (needy status), no member owns property beyond her home or has savings.
/// `status`: the key of the status's name.
Outcome decide_status(const Declaration& d, Outcome out, Cents threshold, StepKey status,
                      bool assets_count) {
  out.threshold = threshold;
  const bool income_ok = out.household_income <= threshold;
  std::vector<Step> assets = assets_count ? assets_named(d) : std::vector<Step>{};
  out.eligible = income_ok && assets.empty();
  const Cents income = out.household_income;
  if (out.eligible)
    out.steps.push_back(Step(StepKey::status_granted, {income, threshold, Step(status)}));
  else if (income_ok)
    out.steps.push_back(Step(StepKey::status_assets, {income, threshold, Step(status), std::move(assets)}));
  else
    out.steps.push_back(Step(StepKey::status_refused, {income, threshold, Step(status)}));
  if (!income_ok && !assets.empty())
    out.steps.push_back(Step(StepKey::status_assets_too, {std::move(assets), Step(status)}));
  add_period(d, out);
  return out;
}

/// Sets a benefit from its unclamped value `raw` = `formula` and explains it (`name`: the key of
/// the benefit's name).
void decide_benefit(const Declaration& d, Cents raw, StepKey name, Step formula, Outcome& out) {
  out.amount = std::max<Cents>(0, raw);
  out.eligible = out.amount > 0;
  std::vector<Step> clamp, refused;
  if (raw < 0) clamp.emplace_back(StepKey::benefit_clamped, std::vector<Arg>{0});
  if (!out.eligible) refused.emplace_back(StepKey::benefit_refused);
  out.steps.push_back(
      Step(StepKey::benefit, {Step(name), std::move(formula), raw, std::move(clamp), std::move(refused)}));
  add_period(d, out);
}

/// A housing cost kind: its field name, the key of its name in the steps, and its member of
/// HousingCosts.
struct CostKind {
  const char* field;
  StepKey name;
  Cents HousingCosts::*member;
};

/// Every kind of housing cost, in the order of the explanation.
constexpr std::array<CostKind, 8> kCostKinds{{
    {"rent", StepKey::cost_rent, &HousingCosts::rent},
    {"heating", StepKey::cost_heating, &HousingCosts::heating},
    {"electricity", StepKey::cost_electricity, &HousingCosts::electricity},
    {"water", StepKey::cost_water, &HousingCosts::water},
    {"gas", StepKey::cost_gas, &HousingCosts::gas},
    {"sewage", StepKey::cost_sewage, &HousingCosts::sewage},
    {"waste", StepKey::cost_waste, &HousingCosts::waste},
    {"telecom", StepKey::cost_telecom, &HousingCosts::telecom},
}};

/// E = Σ min(cost, norm), a step per kind and one for the sum; refuses bad costs or norms.
Result<Cents> counted_housing_costs(const HousingCosts& costs, const HousingCosts& norms,
                                    Outcome& out) {
  for (const CostKind& k : kCostKinds) {
    ATB_TRY(check_amount(costs.*k.member, fmt::format("costs.{}", k.field)));
    ATB_TRY(check_amount(norms.*k.member, fmt::format("norms.{}", k.field)));
  }
  std::vector<Arg> sum;  // the counted amounts, then E
  sum.reserve(kCostKinds.size() + 1);
  Cents total = 0;
  for (const CostKind& k : kCostKinds) {
    const Cents cost = costs.*k.member, norm = norms.*k.member, counted = std::min(cost, norm);
    out.steps.push_back(Step(StepKey::housing_cost, {Step(k.name), cost, norm, counted}));
    sum.emplace_back(counted);
    total += counted;
  }
  sum.emplace_back(total);
  out.steps.push_back(Step(StepKey::housing_costs_total, std::move(sum)));
  return total;
}

/// The key of the phrase saying why K is `halves` / 2.
StepKey coefficient_why(int halves) {
  return halves == 5 ? StepKey::k_alone : halves == 4 ? StepKey::k_only_pensioners : StepKey::k_other;
}

}  // namespace

Result<Cents> average_monthly_income(const Declaration& d, std::vector<Step>& steps) {
  ATB_TRY(check_members(d));
  std::array<Cents, kPeriodMonths> by_month{};
  std::vector<Step> local = not_counted_step(d);
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    ATB_TRY_ASSIGN(member_total, add_member_income(d, i, by_month));
    local.push_back(Step(StepKey::income_person, {i + 1, member_total}));
  }
  Cents total = 0;
  for (std::size_t k = 0; k < by_month.size(); ++k) {
    const Month m = add_months(first_month(d), static_cast<int>(k));
    local.push_back(Step(StepKey::income_month, {Date{m.year, m.month, 1}, by_month[k]}));
    total += by_month[k];
  }
  const Cents average = divide_round_half_up(total, kPeriodMonths);
  static_assert(kPeriodMonths == 3, "the income_total template names three months");
  local.push_back(Step(StepKey::income_total, {by_month[0], by_month[1], by_month[2], total}));
  local.push_back(
      Step(StepKey::income_average, {average, total, rounding_note(total % kPeriodMonths == 0)}));
  steps.insert(steps.end(), std::make_move_iterator(local.begin()), std::make_move_iterator(local.end()));
  return average;
}

int status_period_months(const Declaration& d) {
  return !someone_able_to_work(d) && only_pensioners_or_disabled(d) ? 6 : 3;
}

int housing_coefficient_halves(const Declaration& d) {
  if (d.members.size() == 1) return d.members[0].pensioner || d.members[0].disability ? 5 : 3;
  return only_pensioners_or_disabled(d) ? 4 : 3;
}

Result<Outcome> needy_status(const Declaration& d, const Thresholds& thresholds, const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  ATB_TRY_ASSIGN(out, with_income(d));
  const Cents threshold = size_threshold(
      d, row->needy_first, row->needy_other, row->from, StepKey::name_needy_threshold, out);
  return decide_status(d, std::move(out), threshold, StepKey::status_needy, true);
}

Result<Outcome> low_income_status(const Declaration& d, const Thresholds& thresholds,
                                  const LowIncomeThresholds& low_income, const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  const LowIncomeRow* local = low_income.at(on);
  if (!local)
    return Error::invalid_field(
        "on", say("{} nav spēkā pašvaldības maznodrošinātas mājsaimniecības sliekšņa.",
                  "No municipal low-income threshold is in force on {}.", on.iso()));
  if (local->first < row->needy_first || local->first > row->low_income_max_first ||
      local->other < row->needy_other || local->other > row->low_income_max_other) {
    Error e = Error::invalid_field(
        "on", say("Pašvaldības slieksnis no {} neatbilst valsts sliekšņiem no {}; jānosaka jauns "
                  "slieksnis.",
                  "The municipal threshold from {} is outside the national bounds from {}; a new "
                  "threshold must be set.",
                  local->from.iso(), row->from.iso()));
    e.code = Errc::conflict;
    return e;
  }
  ATB_TRY_ASSIGN(out, with_income(d));
  const Cents threshold = size_threshold(
      d, local->first, local->other, local->from, StepKey::name_low_income_threshold, out);
  return decide_status(d, std::move(out), threshold, StepKey::status_low_income, false);
}

Result<Outcome> gmi_benefit(const Declaration& d, const Thresholds& thresholds, const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  ATB_TRY_ASSIGN(out, with_income(d));
  out.threshold =
      size_threshold(d, row->gmi_first, row->gmi_other, row->from, StepKey::name_gmi_level, out);
  decide_benefit(d, out.threshold - out.household_income, StepKey::name_gmi_benefit,
                 Step(StepKey::formula_gmi, {out.threshold, out.household_income}), out);
  return out;
}

Result<Outcome> housing_benefit(const Declaration& d, const HousingCosts& costs,
                                const HousingCosts& norms, const Thresholds& thresholds,
                                const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  ATB_TRY_ASSIGN(out, with_income(d));
  ATB_TRY_ASSIGN(counted, counted_housing_costs(costs, norms, out));
  const Cents base =
      size_threshold(d, row->gmi_first, row->gmi_other, row->from, StepKey::name_gmi_level, out);
  const int halves = housing_coefficient_halves(d);
  const Cents guaranteed = divide_round_half_up(base * halves, 2);
  out.steps.push_back(Step(StepKey::coefficient, {halves, Step(coefficient_why(halves)), base, guaranteed,
                                                  rounding_note(base * halves % 2 == 0)}));
  out.threshold = guaranteed + counted;
  decide_benefit(d, out.threshold - out.household_income, StepKey::name_housing_benefit,
                 Step(StepKey::formula_housing, {guaranteed, counted, out.household_income}), out);
  return out;
}

}  // namespace atb::assistance
