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

/// "3 personām" / "for 3 persons" (Latvian dative: 1, 21, 31… take the singular).
Text for_persons(std::size_t n) {
  const bool singular_lv = n % 10 == 1 && n % 100 != 11;
  return say("{} {}", "for {} {}", n,
             Text{singular_lv ? "personai" : "personām", n == 1 ? "person" : "persons"});
}

/// Says whether a division or multiplication had to be rounded.
Text rounding_note(bool exact) {
  if (exact) return {"bez noapaļošanas", "exact, no rounding"};
  return {"noapaļots līdz centam, pusi centa noapaļojot uz augšu",
          "rounded to the cent, half a cent up"};
}

/// Every income kind with its name, in the order of the explanation.
const std::array<std::pair<IncomeKind, Text>, 5>& income_kinds() {
  static const std::array<std::pair<IncomeKind, Text>, 5> kinds{{
      {IncomeKind::wages, {"darba samaksa", "wages"}},
      {IncomeKind::pension, {"pensija", "pension"}},
      {IncomeKind::state_benefit, {"valsts pabalsti", "state benefits"}},
      {IncomeKind::alimony, {"uzturlīdzekļi", "alimony"}},
      {IncomeKind::other, {"citi ienākumi", "other income"}},
  }};
  return kinds;
}

/// The step naming the kinds that do not count, if any.
std::vector<Step> not_counted_step(const Declaration& d) {
  Text names;
  for (const auto& [kind, name] : income_kinds())
    if (!d.counted_kinds.contains(kind)) {
      names.lv += (names.lv.empty() ? "" : ", ") + name.lv;
      names.en += (names.en.empty() ? "" : ", ") + name.en;
    }
  if (names.lv.empty()) return {};
  return {{say("Netiek ieskaitīti: {}.", "Not counted: {}.", names)}};
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

/// first + other × N for the household's size, with the step "<name> <size> (from): a + b × N = x".
Cents size_threshold(const Declaration& d, Cents first, Cents other, const Date& from,
                     const Text& name, Outcome& out) {
  const auto n = static_cast<Cents>(d.members.size()) - 1;
  const Cents total = first + other * n;
  out.steps.push_back(
      {say("{} {} (no {}): {} + {} × {} = {}", "{} {} (from {}): {} + {} × {} = {}", name,
           for_persons(d.members.size()), from.iso(), Eur{first}, Eur{other}, n, Eur{total})});
  return total;
}

/// Sets the period of an eligible outcome and explains it.
void add_period(const Declaration& d, Outcome& out) {
  if (!out.eligible) return;
  out.period_months = status_period_months(d);
  const Text why =
      someone_able_to_work(d) ? Text{"mājsaimniecībā ir darbspējīga persona", "a member is able to work"}
      : out.period_months == 6
          ? Text{"mājsaimniecībā ir tikai pensionāri un/vai personas ar invaliditāti (bērnus neskaitot)",
                 "the household is only pensioners and/or persons with disability (children not counted)"}
          : Text{"ne visi pieaugušie ir pensionāri vai personas ar invaliditāti",
                 "not every adult is a pensioner or a person with disability"};
  out.steps.push_back({say("Piešķir uz {} mēnešiem, jo {}.", "Granted for {} months because {}.",
                           out.period_months, why)});
}

/// "1. persona — īpašums ārpus mājokļa; 3. persona — uzkrājumi virs noteiktā apmēra" for the
/// members with a property or savings flag; empty when none has one.
Text assets_named(const Declaration& d) {
  Text out;
  const Text property{"īpašums ārpus mājokļa", "property beyond the home"};
  const Text savings{"uzkrājumi virs noteiktā apmēra", "savings above the set amount"};
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    const Member& m = d.members[i];
    if (!m.owns_property && !m.has_savings) continue;
    const Text what = m.owns_property && m.has_savings ? say("{}, {}", "{}, {}", property, savings)
                      : m.owns_property                ? property
                                                       : savings;
    const Text one = say("{}. persona — {}", "person {} — {}", i + 1, what);
    out.lv += (out.lv.empty() ? "" : "; ") + one.lv;
    out.en += (out.en.empty() ? "" : "; ") + one.en;
  }
  return out;
}

/// Decides a status: eligible when the income does not exceed `threshold` and, when
/// `assets_count` (needy status), no member owns property beyond her home or has savings.
Outcome decide_status(const Declaration& d, Outcome out, Cents threshold, const Text& status,
                      bool assets_count) {
  out.threshold = threshold;
  const bool income_ok = out.household_income <= threshold;
  const Text assets = assets_count ? assets_named(d) : Text{};
  out.eligible = income_ok && assets.lv.empty();
  const Eur income{out.household_income}, limit{threshold};
  if (out.eligible)
    out.steps.push_back({say("Ienākumi {} nepārsniedz slieksni {}: mājsaimniecība atbilst {} statusam.",
                             "Income {} does not exceed the threshold {}: the household qualifies as {}.",
                             income, limit, status)});
  else if (income_ok)
    out.steps.push_back(
        {say("Ienākumi {} nepārsniedz slieksni {}, taču mājsaimniecībai ir īpašums vai uzkrājumi ({}): "
             "tā neatbilst {} statusam.",
             "Income {} does not exceed the threshold {}, but the household has property or savings ({}): "
             "it does not qualify as {}.",
             income, limit, assets, status)});
  else
    out.steps.push_back({say("Ienākumi {} pārsniedz slieksni {}: mājsaimniecība neatbilst {} statusam.",
                             "Income {} exceeds the threshold {}: the household does not qualify as {}.",
                             income, limit, status)});
  if (!income_ok && !assets.lv.empty())
    out.steps.push_back({say("Arī īpašums vai uzkrājumi ({}) liedz {} statusu.",
                             "Property or savings ({}) also rule out {} status.", assets,
                             status)});
  add_period(d, out);
  return out;
}

/// Sets a benefit from its unclamped value `raw` = `formula` and explains it.
void decide_benefit(const Declaration& d, Cents raw, const Text& name, const Text& formula,
                    Outcome& out) {
  out.amount = std::max<Cents>(0, raw);
  out.eligible = out.amount > 0;
  Text text = say("{} mēnesī: {} = {}", "{} per month: {} = {}", name, formula, Eur{raw});
  const Text clamp = say("; pabalsts nevar būt mazāks par nulli, tāpēc {}",
                         "; the benefit cannot be below zero, so {}", Eur{0});
  const Text refused{" — pabalsts netiek piešķirts", " — no benefit is granted"};
  text = say("{}{}{}.", "{}{}{}.", text, raw < 0 ? clamp : Text{}, out.eligible ? Text{} : refused);
  out.steps.push_back({std::move(text)});
  add_period(d, out);
}

/// The name of the GMI level in the steps.
const Text kGmiLevel{"Garantētā minimālā ienākuma līmenis", "Guaranteed minimum income level"};

/// A housing cost kind: its field name, its name in the steps, and its member of HousingCosts.
struct CostKind {
  const char* field;
  Text name;
  Cents HousingCosts::*member;
};

/// Every kind of housing cost, in the order of the explanation.
const std::array<CostKind, 8>& cost_kinds() {
  static const std::array<CostKind, 8> kinds{{
      {"rent", {"Īre un apsaimniekošana", "Rent and management"}, &HousingCosts::rent},
      {"heating", {"Apkure un karstais ūdens", "Heating and hot water"}, &HousingCosts::heating},
      {"electricity", {"Elektroenerģija", "Electricity"}, &HousingCosts::electricity},
      {"water", {"Ūdens", "Water"}, &HousingCosts::water},
      {"gas", {"Gāze", "Gas"}, &HousingCosts::gas},
      {"sewage", {"Kanalizācija", "Sewage"}, &HousingCosts::sewage},
      {"waste", {"Atkritumu izvešana", "Waste collection"}, &HousingCosts::waste},
      {"telecom",
       {"Telekomunikācijas un internets", "Telephone and internet"},
       &HousingCosts::telecom},
  }};
  return kinds;
}

/// E = Σ min(cost, norm), a step per kind and one for the sum; refuses bad costs or norms.
Result<Cents> counted_housing_costs(const HousingCosts& costs, const HousingCosts& norms,
                                    Outcome& out) {
  for (const CostKind& k : cost_kinds()) {
    ATB_TRY(check_amount(costs.*k.member, fmt::format("costs.{}", k.field)));
    ATB_TRY(check_amount(norms.*k.member, fmt::format("norms.{}", k.field)));
  }
  std::vector<Cents> counted;
  for (const CostKind& k : cost_kinds()) {
    const Cents cost = costs.*k.member, norm = norms.*k.member;
    counted.push_back(std::min(cost, norm));
    out.steps.push_back({say("{}: {}, norma {}, ieskaita {}", "{}: {}, norm {}, counted {}", k.name,
                             Eur{cost}, Eur{norm}, Eur{counted.back()})});
  }
  Cents total = 0;
  for (Cents c : counted) total += c;
  out.steps.push_back({say("Ieskaitāmie mājokļa izdevumi E = {} = {}",
                           "Counted housing costs E = {} = {}", eur_sum(counted), Eur{total})});
  return total;
}

/// The housing benefit's K: in halves, as shown, and why.
struct Coefficient {
  int halves;
  Text shown;
  Text why;
};

/// The three values of K.
const std::array<Coefficient, 3>& coefficients() {
  static const std::array<Coefficient, 3> all{{
      {5,
       {"2,5", "2.5"},
       {"pensionārs vai persona ar invaliditāti dzīvo viena",
        "a pensioner or person with disability lives alone"}},
      {4,
       {"2", "2"},
       {"mājsaimniecībā ir tikai pensionāri un/vai personas ar invaliditāti (ar bērniem vai bez)",
        "the household is only pensioners and/or persons with disability (with or without "
        "children)"}},
      {3, {"1,5", "1.5"}, {"citām mājsaimniecībām", "for all other households"}},
  }};
  return all;
}

}  // namespace

Result<Cents> average_monthly_income(const Declaration& d, std::vector<Step>& steps) {
  ATB_TRY(check_members(d));
  std::array<Cents, kPeriodMonths> by_month{};
  std::vector<Step> local = not_counted_step(d);
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    ATB_TRY_ASSIGN(member_total, add_member_income(d, i, by_month));
    local.push_back(
        {say("{}. persona: ieskaitāmie ienākumi trijos mēnešos {}",
             "Person {}: counted income over the three months {}", i + 1, Eur{member_total})});
  }
  Cents total = 0;
  for (std::size_t k = 0; k < by_month.size(); ++k) {
    local.push_back(
        {say("Ieskaitāmie mājsaimniecības ienākumi {}: {}", "Counted household income for {}: {}",
             month_iso(add_months(first_month(d), static_cast<int>(k))), Eur{by_month[k]})});
    total += by_month[k];
  }
  const Cents average = divide_round_half_up(total, kPeriodMonths);
  local.push_back(
      {say("Ienākumi trijos mēnešos kopā: {} = {}", "Income over the three months: {} = {}",
           eur_sum({by_month.begin(), by_month.end()}), Eur{total})});
  local.push_back({say("Mājsaimniecības vidējie ienākumi mēnesī: {} ({} / 3, {})",
                       "Average monthly household income: {} ({} / 3, {})", Eur{average},
                       Eur{total}, rounding_note(total % kPeriodMonths == 0))});
  steps.insert(steps.end(), local.begin(), local.end());
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
      d, row->needy_first, row->needy_other, row->from,
      {"Trūcīgas mājsaimniecības ienākumu slieksnis", "Needy household threshold"}, out);
  return decide_status(d, std::move(out), threshold, {"trūcīgas mājsaimniecības", "needy"}, true);
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
      d, local->first, local->other, local->from,
      {"Maznodrošinātas mājsaimniecības ienākumu slieksnis", "Low-income household threshold"},
      out);
  return decide_status(d, std::move(out), threshold,
                       {"maznodrošinātas mājsaimniecības", "low-income"}, false);
}

Result<Outcome> gmi_benefit(const Declaration& d, const Thresholds& thresholds, const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  ATB_TRY_ASSIGN(out, with_income(d));
  out.threshold = size_threshold(d, row->gmi_first, row->gmi_other, row->from, kGmiLevel, out);
  decide_benefit(d, out.threshold - out.household_income, {"GMI pabalsts", "GMI benefit"},
                 say("{} − {}", "{} − {}", Eur{out.threshold}, Eur{out.household_income}), out);
  return out;
}

Result<Outcome> housing_benefit(const Declaration& d, const HousingCosts& costs,
                                const HousingCosts& norms, const Thresholds& thresholds,
                                const Date& on) {
  ATB_TRY_ASSIGN(row, thresholds.require(on, "on"));
  ATB_TRY_ASSIGN(out, with_income(d));
  ATB_TRY_ASSIGN(counted, counted_housing_costs(costs, norms, out));
  const Cents base = size_threshold(d, row->gmi_first, row->gmi_other, row->from, kGmiLevel, out);
  const int halves = housing_coefficient_halves(d);
  const Coefficient& k = *std::find_if(coefficients().begin(), coefficients().end(),
                                       [&](const Coefficient& c) { return c.halves == halves; });
  const Cents guaranteed = divide_round_half_up(base * halves, 2);
  out.steps.push_back({say("Koeficients K = {}: {}. {} × {} = {} ({})",
                           "Coefficient K = {}: {}. {} × {} = {} ({})", k.shown, k.why, Eur{base},
                           k.shown, Eur{guaranteed}, rounding_note(base * halves % 2 == 0))});
  out.threshold = guaranteed + counted;
  decide_benefit(
      d, out.threshold - out.household_income, {"Mājokļa pabalsts", "Housing benefit"},
      say("{} + {} − {}", "{} + {} − {}", Eur{guaranteed}, Eur{counted}, Eur{out.household_income}),
      out);
  return out;
}

}  // namespace atb::assistance
