// Social assistance rules, table-driven: the average income and its rounding, needy and
// low-income status, the GMI and housing benefits for every threshold period, household sizes
// 1–8, each K, costs above and below the norms, incomes at, 1 cent below and 1 cent above each
// threshold, and refused input. Every expected figure is worked out by hand in a comment.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "assistance/calculation.h"

namespace atb::assistance {
namespace {

/// A declaration period, its three months and the application date the thresholds are taken on.
struct Setting {
  Date on;
  Date start;
  std::array<Month, 3> months;
};
const Setting k2021{{2022, 6, 15}, {2022, 3, 1}, {{{2022, 3}, {2022, 4}, {2022, 5}}}};
const Setting k2023{{2023, 10, 10}, {2023, 7, 1}, {{{2023, 7}, {2023, 8}, {2023, 9}}}};
const Setting k2024{{2024, 5, 20}, {2024, 2, 1}, {{{2024, 2}, {2024, 3}, {2024, 4}}}};
const Setting k2025{{2025, 8, 31}, {2025, 5, 1}, {{{2025, 5}, {2025, 6}, {2025, 7}}}};
const Setting k2026{{2026, 4, 10}, {2026, 1, 1}, {{{2026, 1}, {2026, 2}, {2026, 3}}}};

/// Who a member is.
enum class Who { worker, pensioner, disabled, carer, working_pensioner, child, disabled_child };

/// A member of kind `who` with the given income in each of the three months (wages, or pension
/// for pensioners). Adults always declare the three months; children only a non-zero income.
Member member(std::int64_t id, Who who, const Setting& s, std::array<Cents, 3> income = {}) {
  const bool child = who == Who::child || who == Who::disabled_child;
  const bool old = who == Who::pensioner || who == Who::working_pensioner;
  Member m{id,
           child ? Date{2018, 5, 5}
           : old ? Date{1950, 5, 5}
                 : Date{1980, 5, 5},
           who == Who::worker || who == Who::working_pensioner,
           old,
           who == Who::disabled || who == Who::disabled_child,
           {}};
  const bool any = income[0] || income[1] || income[2];
  for (std::size_t i = 0; i < 3 && (!child || any); ++i)
    m.incomes.push_back({s.months[i], old ? IncomeKind::pension : IncomeKind::wages, income[i]});
  return m;
}

/// A household of the listed kinds; the first has `income` in each month, the others nothing.
Declaration household(const Setting& s, std::vector<Who> who, Cents income = 0) {
  Declaration d{s.start, {}};
  for (std::size_t i = 0; i < who.size(); ++i)
    d.members.push_back(
        member(static_cast<std::int64_t>(i + 1), who[i], s,
               i == 0 ? std::array<Cents, 3>{income, income, income} : std::array<Cents, 3>{}));
  return d;
}

/// A worker and `size − 1` children; the worker earns `income` each month.
Declaration family(const Setting& s, std::size_t size, Cents income) {
  std::vector<Who> who{Who::worker};
  who.resize(size, Who::child);
  return household(s, who, income);
}

const Thresholds& national() {
  static const Thresholds t = *Thresholds::make(latvian_thresholds());
  return t;
}

/// The Latvian texts of the steps.
std::vector<std::string> lv(const Outcome& o) {
  std::vector<std::string> out;
  for (const Step& s : o.steps) out.push_back(s.text().lv);
  return out;
}

TEST(AssistanceIncome, AverageOfThreeMonthsRoundsHalfACentUp) {
  struct Row {
    std::array<Cents, 3> first, second;  // two adults' monthly incomes
    Cents expected;
  };
  const std::vector<Row> rows{
      {{10000, 10000, 10001}, {0, 0, 0}, 10000},  // 300.01 / 3 = 100.0033… → 100.00
      {{10000, 10001, 10001}, {0, 0, 0}, 10001},  // 300.02 / 3 = 100.0066… → 100.01
      {{1, 1, 0}, {0, 0, 0}, 1},                  // 0.02 / 3 = 0.0066… → 0.01
      {{1, 0, 0}, {0, 0, 0}, 0},                  // 0.01 / 3 = 0.0033… → 0.00
      {{0, 0, 0}, {0, 0, 0}, 0},
      // 500 × 3 + 200 + 200 + 200.01 = 2 100.01; / 3 = 700.0033… → 700.00
      {{50000, 50000, 50000}, {20000, 20000, 20001}, 70000},
      // 1 234.56 + 0 + 0 + 0.01 + 0.01 + 0 = 1 234.58; / 3 = 411.5266… → 411.53
      {{123456, 0, 0}, {1, 1, 0}, 41153},
  };
  for (const Row& r : rows) {
    Declaration d{k2026.start,
                  {member(1, Who::worker, k2026, r.first), member(2, Who::carer, k2026, r.second)}};
    std::vector<Step> steps;
    auto average = average_monthly_income(d, steps);
    ASSERT_TRUE(average);
    EXPECT_EQ(*average, r.expected) << r.first[0] << " " << r.first[1] << " " << r.first[2];
  }
  std::vector<Step> steps;
  Declaration d{k2026.start, {member(1, Who::worker, k2026, {10000, 10000, 10001})}};
  ASSERT_TRUE(average_monthly_income(d, steps));
  EXPECT_EQ(steps.back().text().lv,
            "Mājsaimniecības vidējie ienākumi mēnesī: 100,00 € (300,01 € / 3, "
            "noapaļots līdz centam, pusi centa noapaļojot uz augšu)");
  EXPECT_EQ(steps.back().text().en,
            "Average monthly household income: €100.00 (€300.01 / 3, "
            "rounded to the cent, half a cent up)");
}

TEST(AssistanceIncome, OnlyCountedKindsAndChildrensIncomeCount) {
  Declaration d = household(k2026, {Who::worker, Who::child});
  // The worker: 300.00 wages and 100.00 alimony a month, and 50.00 other income in January.
  for (const Month& m : k2026.months)
    d.members[0].incomes.push_back({m, IncomeKind::alimony, 10000});
  d.members[0].incomes[0].amount = 30000;
  d.members[0].incomes[1].amount = 30000;
  d.members[0].incomes[2].amount = 30000;
  d.members[0].incomes.push_back({{2026, 1}, IncomeKind::other, 5000});
  // The child: a 30.00 state benefit each month.
  for (const Month& m : k2026.months)
    d.members[1].incomes.push_back({m, IncomeKind::state_benefit, 3000});
  std::vector<Step> steps;
  // All counted: 3 × (300 + 100 + 30) + 50 = 1 340.00; / 3 = 446.666… → 446.67.
  EXPECT_EQ(*average_monthly_income(d, steps), 44667);
  // Without alimony: 3 × (300 + 30) + 50 = 1 040.00; / 3 = 346.666… → 346.67.
  d.counted_kinds.erase(IncomeKind::alimony);
  steps.clear();
  EXPECT_EQ(*average_monthly_income(d, steps), 34667);
  EXPECT_EQ(steps.front().text().lv, "Netiek ieskaitīti: uzturlīdzekļi.");
  EXPECT_EQ(steps.front().text().en, "Not counted: alimony.");
}

TEST(AssistanceIncome, RefusesBadInputAndWritesNoSteps) {
  struct Row {
    const char* what;
    Declaration declaration;
    const char* field;
  };
  auto with = [](auto change) {
    Declaration d = household(k2026, {Who::worker, Who::carer, Who::child}, 30000);
    change(d);
    return d;
  };
  const std::vector<Row> rows{
      {"negative income", with([](Declaration& d) { d.members[0].incomes[1].amount = -1; }),
       "members.0.incomes.1.amount"},
      {"over 10 million", with([](Declaration& d) { d.members[0].incomes[2].amount = 1000000001; }),
       "members.0.incomes.2.amount"},
      {"month before", with([](Declaration& d) {
         d.members[1].incomes[0].month = {2025, 12};
       }),
       "members.1.incomes.0.month"},
      {"month after", with([](Declaration& d) {
         d.members[1].incomes[2].month = {2026, 4};
       }),
       "members.1.incomes.2.month"},
      {"missing month",
       with([](Declaration& d) { d.members[1].incomes.erase(d.members[1].incomes.begin() + 1); }),
       "members.1.incomes"},
      {"no incomes", with([](Declaration& d) { d.members[0].incomes.clear(); }),
       "members.0.incomes"},
      // 18 on 2026-04-01, the 1st of the application month: an adult.
      {"turns 18", with([](Declaration& d) {
         d.members[2].birth_date = {2008, 4, 1};
       }),
       "members.2.incomes"},
      {"twice", with([](Declaration& d) { d.members[2].person_id = 1; }), "members.2.person_id"},
      {"no members", with([](Declaration& d) { d.members.clear(); }), "members"},
      {"mid-month", with([](Declaration& d) {
         d.period_start = {2026, 1, 15};
       }),
       "period_start"},
  };
  for (const Row& r : rows) {
    std::vector<Step> steps{Step{{"iepriekš", "before"}}};
    auto average = average_monthly_income(r.declaration, steps);
    ASSERT_FALSE(average) << r.what;
    ASSERT_EQ(average.error().fields.size(), 1u) << r.what;
    EXPECT_EQ(average.error().fields[0].field, r.field) << r.what;
    EXPECT_EQ(steps.size(), 1u) << r.what;
    EXPECT_FALSE(needy_status(r.declaration, national(), k2026.on)) << r.what;
  }
  // 17 on 2026-04-01 (18 the next day): a child, who need not declare anything.
  Declaration d = with([](Declaration& x) { x.members[2].birth_date = {2008, 4, 2}; });
  std::vector<Step> steps;
  EXPECT_TRUE(average_monthly_income(d, steps));
  auto missing = average_monthly_income(rows[4].declaration, steps);
  EXPECT_EQ(missing.error().fields[0].message.lv,
            "Pieaugušajam nav norādīti ienākumi par 2026-02; ja ienākumu nebija, norādiet 0.");
  auto outside = average_monthly_income(rows[3].declaration, steps);
  EXPECT_EQ(outside.error().fields[0].message.en,
            "Month 2026-04 is outside the declaration period (2026-01 to 2026-03).");
  auto before = needy_status(family(k2026, 1, 0), national(), {2020, 12, 31});
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().fields[0].field, "on");
}

TEST(AssistanceHousehold, PeriodAndCoefficientForEachKindOfHousehold) {
  using W = Who;
  struct Row {
    std::vector<Who> who;
    int months;
    int k_halves;
  };
  const std::vector<Row> rows{
      {{W::worker}, 3, 3},                            // able to work, alone: K = 1.5
      {{W::carer}, 3, 3},                             // neither pensioner nor disabled
      {{W::pensioner}, 6, 5},                         // pensioner alone: K = 2.5
      {{W::disabled}, 6, 5},                          // disability, alone: K = 2.5
      {{W::working_pensioner}, 3, 5},                 // a working pensioner: 3 months, still 2.5
      {{W::child}, 3, 3},                             // no adult at all
      {{W::disabled_child}, 3, 5},                    // a person with disability living alone
      {{W::pensioner, W::pensioner}, 6, 4},           // only pensioners: K = 2
      {{W::pensioner, W::child}, 6, 4},               // children do not count
      {{W::disabled, W::pensioner, W::child}, 6, 4},  // pensioners and disability, a child
      {{W::pensioner, W::disabled_child}, 6, 4},
      {{W::pensioner, W::worker}, 3, 3},  // someone able to work
      {{W::pensioner, W::carer}, 3, 3},   // an adult who is neither
      {{W::worker, W::child, W::child}, 3, 3},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Declaration d = household(k2026, rows[i].who);
    EXPECT_EQ(status_period_months(d), rows[i].months) << "row " << i;
    EXPECT_EQ(housing_coefficient_halves(d), rows[i].k_halves) << "row " << i;
  }
}

/// Needy threshold and GMI level of every period for household sizes 1–8.
struct SizeRow {
  const Setting* setting;
  std::size_t size;
  Cents needy;  // needy₁ + needy₂ × (size − 1)
  Cents gmi;    // GMI₁ + GMI₂ × (size − 1)
};
const std::vector<SizeRow> kSizes{
    // 2021-01-01: needy 272 + 190 × N, GMI 109 + 76 × N.
    {&k2021, 1, 27200, 10900},
    {&k2021, 2, 46200, 18500},
    {&k2021, 3, 65200, 26100},
    {&k2021, 4, 84200, 33700},
    {&k2021, 5, 103200, 41300},
    {&k2021, 6, 122200, 48900},
    {&k2021, 7, 141200, 56500},
    {&k2021, 8, 160200, 64100},
    // 2023-07-01: needy 313 + 219 × N, GMI 125 + 87.50 × N.
    {&k2023, 1, 31300, 12500},
    {&k2023, 2, 53200, 21250},
    {&k2023, 3, 75100, 30000},
    {&k2023, 4, 97000, 38750},
    {&k2023, 5, 118900, 47500},
    {&k2023, 6, 140800, 56250},
    {&k2023, 7, 162700, 65000},
    {&k2023, 8, 184600, 73750},
    // 2024-01-01: needy 343 + 240 × N, GMI 137 + 96 × N.
    {&k2024, 1, 34300, 13700},
    {&k2024, 2, 58300, 23300},
    {&k2024, 3, 82300, 32900},
    {&k2024, 4, 106300, 42500},
    {&k2024, 5, 130300, 52100},
    {&k2024, 6, 154300, 61700},
    {&k2024, 7, 178300, 71300},
    {&k2024, 8, 202300, 80900},
    // 2025-01-01: needy 377 + 264 × N, GMI 166 + 116 × N.
    {&k2025, 1, 37700, 16600},
    {&k2025, 2, 64100, 28200},
    {&k2025, 3, 90500, 39800},
    {&k2025, 4, 116900, 51400},
    {&k2025, 5, 143300, 63000},
    {&k2025, 6, 169700, 74600},
    {&k2025, 7, 196100, 86200},
    {&k2025, 8, 222500, 97800},
    // 2026-01-01: needy 425 + 298 × N, GMI 187 + 131 × N.
    {&k2026, 1, 42500, 18700},
    {&k2026, 2, 72300, 31800},
    {&k2026, 3, 102100, 44900},
    {&k2026, 4, 131900, 58000},
    {&k2026, 5, 161700, 71100},
    {&k2026, 6, 191500, 84200},
    {&k2026, 7, 221300, 97300},
    {&k2026, 8, 251100, 110400},
};

TEST(AssistanceNeedyStatus, AtBelowAndAboveTheThresholdForEverySizeAndPeriod) {
  for (const SizeRow& r : kSizes) {
    const std::string where = r.setting->on.iso() + " size " + std::to_string(r.size);
    struct Case {
      Cents income;
      bool eligible;
    };
    for (const Case c : {Case{r.needy, true}, Case{r.needy - 1, true}, Case{r.needy + 1, false}}) {
      auto o = needy_status(family(*r.setting, r.size, c.income), national(), r.setting->on);
      ASSERT_TRUE(o) << where;
      EXPECT_EQ(o->threshold, r.needy) << where;
      EXPECT_EQ(o->household_income, c.income) << where;
      EXPECT_EQ(o->eligible, c.eligible) << where << " income " << c.income;
      EXPECT_EQ(o->period_months, c.eligible ? 3 : 0) << where;
      EXPECT_EQ(o->amount, 0) << where;
    }
  }
}

TEST(AssistanceGmiBenefit, AtBelowAndAboveTheLevelForEverySizeAndPeriod) {
  for (const SizeRow& r : kSizes) {
    const std::string where = r.setting->on.iso() + " size " + std::to_string(r.size);
    struct Case {
      Cents income;
      Cents benefit;
    };
    // No income: the whole level; 1 cent below the level: 0.01; at or above it: nothing.
    for (const Case c : {Case{0, r.gmi}, Case{r.gmi - 1, 1}, Case{r.gmi, 0}, Case{r.gmi + 1, 0}}) {
      auto o = gmi_benefit(family(*r.setting, r.size, c.income), national(), r.setting->on);
      ASSERT_TRUE(o) << where;
      EXPECT_EQ(o->threshold, r.gmi) << where;
      EXPECT_EQ(o->amount, c.benefit) << where << " income " << c.income;
      EXPECT_EQ(o->eligible, c.benefit > 0) << where;
      EXPECT_EQ(o->period_months, c.benefit > 0 ? 3 : 0) << where;
    }
  }
}

TEST(AssistanceGmiBenefit, ExplainsANegativeResultAndASixMonthPeriod) {
  // A worker and two children, 2026: 449.00 − 500.00 = −51.00 → 0.
  auto refused = gmi_benefit(family(k2026, 3, 50000), national(), k2026.on);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->amount, 0);
  EXPECT_EQ(
      refused->steps.back().text().lv,
      "GMI pabalsts mēnesī: 449,00 € − 500,00 € = \u221251,00 €; pabalsts nevar būt mazāks par "
      "nulli, tāpēc 0,00 € — pabalsts netiek piešķirts.");
  EXPECT_EQ(refused->steps.back().text().en,
            "GMI benefit per month: €449.00 − €500.00 = \u2212€51.00; the benefit cannot be below "
            "zero, so €0.00 — no benefit is granted.");
  // A pensioner alone, 2025, pension 100.00: 166.00 − 100.00 = 66.00 for 6 months.
  auto granted = gmi_benefit(household(k2025, {Who::pensioner}, 10000), national(), k2025.on);
  ASSERT_TRUE(granted);
  EXPECT_EQ(granted->amount, 6600);
  EXPECT_EQ(granted->period_months, 6);
  EXPECT_EQ(granted->steps.back().text().en,
            "Granted for 6 months because the household is only pensioners and/or persons with "
            "disability (children not counted).");
}

TEST(AssistanceNeedyStatus, ExplainsEveryStepInBothLanguages) {
  auto o = needy_status(family(k2026, 3, 30000), national(), k2026.on);
  ASSERT_TRUE(o);
  const std::vector<std::string> expected{
      "1. persona: ieskaitāmie ienākumi trijos mēnešos 900,00 €",
      "2. persona: ieskaitāmie ienākumi trijos mēnešos 0,00 €",
      "3. persona: ieskaitāmie ienākumi trijos mēnešos 0,00 €",
      "Ieskaitāmie mājsaimniecības ienākumi 2026-01: 300,00 €",
      "Ieskaitāmie mājsaimniecības ienākumi 2026-02: 300,00 €",
      "Ieskaitāmie mājsaimniecības ienākumi 2026-03: 300,00 €",
      "Ienākumi trijos mēnešos kopā: 300,00 € + 300,00 € + 300,00 € = 900,00 €",
      "Mājsaimniecības vidējie ienākumi mēnesī: 300,00 € (900,00 € / 3, bez noapaļošanas)",
      "Trūcīgas mājsaimniecības ienākumu slieksnis 3 personām (no 2026-01-01): 425,00 € + "
      "298,00 € × 2 = 1 021,00 €",
      "Ienākumi 300,00 € nepārsniedz slieksni 1 021,00 €: mājsaimniecība atbilst trūcīgas "
      "mājsaimniecības statusam.",
      "Piešķir uz 3 mēnešiem, jo mājsaimniecībā ir darbspējīga persona.",
  };
  EXPECT_EQ(lv(*o), expected);
  EXPECT_EQ(o->steps[8].text().en,
            "Needy household threshold for 3 persons (from 2026-01-01): €425.00 + €298.00 × 2 = "
            "€1,021.00");
  // Deterministic: the same input gives the same explanation.
  EXPECT_EQ(lv(*needy_status(family(k2026, 3, 30000), national(), k2026.on)), expected);
}

TEST(AssistanceLowIncomeStatus, AtBelowAndAboveTheMunicipalThreshold) {
  const auto low = *LowIncomeThresholds::make(
      {{{2024, 1, 1}, 40000, 28000}, {{2025, 1, 1}, 45000, 31500}, {{2026, 1, 1}, 50000, 35000}},
      national());
  struct Row {
    const Setting* setting;
    std::size_t size;
    Cents threshold;
  };
  const std::vector<Row> rows{
      {&k2024, 1, 40000},
      {&k2024, 2, 68000},  // 400 + 280 × N
      // 450 + 315 × N
      {&k2025, 1, 45000},
      {&k2025, 2, 76500},
      {&k2025, 3, 108000},
      {&k2025, 4, 139500},
      {&k2025, 5, 171000},
      {&k2025, 6, 202500},
      {&k2025, 7, 234000},
      {&k2025, 8, 265500},
      // 500 + 350 × N
      {&k2026, 1, 50000},
      {&k2026, 2, 85000},
      {&k2026, 3, 120000},
      {&k2026, 4, 155000},
      {&k2026, 5, 190000},
      {&k2026, 6, 225000},
      {&k2026, 7, 260000},
      {&k2026, 8, 295000},
  };
  for (const Row& r : rows) {
    for (const Cents delta : {Cents{0}, Cents{-1}, Cents{1}}) {
      auto o = low_income_status(family(*r.setting, r.size, r.threshold + delta), national(), low,
                                 r.setting->on);
      ASSERT_TRUE(o) << r.setting->on.iso() << " size " << r.size;
      EXPECT_EQ(o->threshold, r.threshold);
      EXPECT_EQ(o->eligible, delta <= 0)
          << r.setting->on.iso() << " size " << r.size << " " << delta;
    }
  }
  // None in force before 2024; a 2025 threshold of 400.00 falls below the 2026 needy 425.00.
  EXPECT_FALSE(low_income_status(family(k2023, 1, 0), national(), low, k2023.on));
  const auto stale = *LowIncomeThresholds::make({{{2025, 3, 1}, 40000, 27000}}, national());
  auto refused = low_income_status(family(k2026, 1, 0), national(), stale, k2026.on);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::conflict);
}

/// Municipal norms: 120 + 100 + 25 + 15 + 10 + 8 + 6 + 15 = 299.00 in all.
const HousingCosts kNorms{12000, 10000, 2500, 1500, 1000, 800, 600, 1500};
/// Some above, some below the norms: 120 + 80 + 25 + 10 + 0 + 8 + 5 + 15 = E 263.00.
const HousingCosts kMixed{15000, 8000, 3000, 1000, 0, 800, 500, 2000};
/// All below: 100 + 50 + 20 + 10 + 5 + 4 + 3 + 10 = E 202.00.
const HousingCosts kBelow{10000, 5000, 2000, 1000, 500, 400, 300, 1000};
/// All above: E = the norms, 299.00.
const HousingCosts kAbove{50000, 20000, 5000, 3000, 2000, 1000, 1000, 3000};

TEST(AssistanceHousingBenefit, EachCoefficientWithCostsAboveAndBelowTheNorms) {
  using W = Who;
  struct Row {
    const Setting* setting;
    std::vector<Who> who;
    Cents income;
    const HousingCosts* costs;
    Cents guaranteed;  // K × GMI level + E
    Cents benefit;
  };
  const std::vector<Row> rows{
      // 187.00 × 2.5 = 467.50; + 263.00 = 730.50; − 400.00 = 330.50.
      {&k2026, {W::pensioner}, 40000, &kMixed, 73050, 33050},
      // The same for a person with disability, at, 1 cent below and above 730.50.
      {&k2026, {W::disabled}, 73050, &kMixed, 73050, 0},
      {&k2026, {W::disabled}, 73049, &kMixed, 73050, 1},
      {&k2026, {W::disabled}, 73051, &kMixed, 73050, 0},
      // 187.00 × 1.5 = 280.50; + 202.00 = 482.50; − 300.00 = 182.50.
      {&k2026, {W::worker}, 30000, &kBelow, 48250, 18250},
      // 280.50 + 263.00 − 2 000.00 = −1 456.50 → 0.
      {&k2026, {W::worker}, 200000, &kMixed, 54350, 0},
      // 318.00 × 2 = 636.00; + 299.00 = 935.00; − 900.00 = 35.00.
      {&k2026, {W::pensioner, W::pensioner}, 90000, &kAbove, 93500, 3500},
      // 318.00 × 2 = 636.00; + 263.00 = 899.00; − 899.01 → 0.
      {&k2026, {W::pensioner, W::child}, 89901, &kMixed, 89900, 0},
      // 449.00 × 1.5 = 673.50; + 263.00 = 936.50; − 500.00 = 436.50.
      {&k2026, {W::pensioner, W::worker, W::child}, 50000, &kMixed, 93650, 43650},
      // 449.00 × 2 = 898.00; + 202.00 = 1 100.00; − 100.00 = 1 000.00.
      {&k2026, {W::disabled, W::pensioner, W::child}, 10000, &kBelow, 110000, 100000},
      // 2023-07: 212.50 × 1.5 = 318.75; + 202.00 = 520.75; no income.
      {&k2023, {W::worker, W::child}, 0, &kBelow, 52075, 52075},
      // 2023-07: 125.00 × 2.5 = 312.50; + 299.00 = 611.50; at the sum → 0.
      {&k2023, {W::pensioner}, 61150, &kAbove, 61150, 0},
      // 2021: 109.00 × 2.5 = 272.50; + 263.00 = 535.50; − 35.50 = 500.00.
      {&k2021, {W::pensioner}, 3550, &kMixed, 53550, 50000},
      // 2024: 233.00 × 2 = 466.00; + 299.00 = 765.00; − 764.99 = 0.01.
      {&k2024, {W::pensioner, W::disabled}, 76499, &kAbove, 76500, 1},
      // 2025, 8 persons: 978.00 × 1.5 = 1 467.00; + 263.00 = 1 730.00; − 1 200.00 = 530.00.
      {&k2025,
       {W::worker, W::child, W::child, W::child, W::child, W::child, W::child, W::child},
       120000,
       &kMixed,
       173000,
       53000},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    auto o = housing_benefit(household(*r.setting, r.who, r.income), *r.costs, kNorms, national(),
                             r.setting->on);
    ASSERT_TRUE(o) << "row " << i;
    EXPECT_EQ(o->threshold, r.guaranteed) << "row " << i;
    EXPECT_EQ(o->amount, r.benefit) << "row " << i;
    EXPECT_EQ(o->eligible, r.benefit > 0) << "row " << i;
  }
}

TEST(AssistanceHousingBenefit, RoundsKTimesTheLevelHalfACentUpAndSaysSo) {
  // A made-up period whose GMI for the first person is 100.01, so that K × level is not whole.
  const auto odd = *Thresholds::make({{{2026, 1, 1}, 10001, 5000, 20000, 15000, 30000, 20000}});
  struct Row {
    std::vector<Who> who;
    Cents expected;
    const char* note;
  };
  const char* rounded = "noapaļots līdz centam, pusi centa noapaļojot uz augšu";
  const std::vector<Row> rows{
      {{Who::worker}, 15002, rounded},     // 100.01 × 1.5 = 150.015 → 150.02
      {{Who::pensioner}, 25003, rounded},  // 100.01 × 2.5 = 250.025 → 250.03
      {{Who::pensioner, Who::pensioner}, 30002, "bez noapaļošanas"},  // 150.01 × 2 = 300.02
      {{Who::worker, Who::child}, 22502, rounded},  // 150.01 × 1.5 = 225.015 → 225.02
  };
  for (const Row& r : rows) {
    auto o = housing_benefit(household(k2026, r.who), HousingCosts{}, kNorms, odd, k2026.on);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->amount, r.expected);  // no costs, no income
    const std::string k_step = o->steps[o->steps.size() - 3].text().lv;
    EXPECT_NE(k_step.find(r.note), std::string::npos) << k_step;
  }
  auto pensioner =
      housing_benefit(household(k2026, {Who::pensioner}), HousingCosts{}, kNorms, odd, k2026.on);
  EXPECT_EQ(
      pensioner->steps[pensioner->steps.size() - 3].text().en,
      "Coefficient K = 2.5: a pensioner or person with disability lives alone. €100.01 × 2.5 = "
      "€250.03 (rounded to the cent, half a cent up)");
}

TEST(AssistanceHousingBenefit, RefusesNegativeCostsAndNorms) {
  const Declaration d = household(k2026, {Who::worker});
  HousingCosts costs = kMixed;
  costs.rent = -1;
  auto bad_cost = housing_benefit(d, costs, kNorms, national(), k2026.on);
  ASSERT_FALSE(bad_cost);
  EXPECT_EQ(bad_cost.error().fields[0].field, "costs.rent");
  HousingCosts norms = kNorms;
  norms.telecom = -100;
  auto bad_norm = housing_benefit(d, kMixed, norms, national(), k2026.on);
  ASSERT_FALSE(bad_norm);
  EXPECT_EQ(bad_norm.error().fields[0].field, "norms.telecom");
}

}  // namespace
}  // namespace atb::assistance
