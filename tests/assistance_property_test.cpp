// Property and savings in the means declaration, table-driven for every threshold period: a
// member's "owns property beyond her home" or "has savings above the set amount" makes the
// household not needy whatever its income (latvia.md gives no rule or amount for them, so the
// flag is the officer's judgement); low-income status does not look at them. Every threshold is
// worked out by hand in a comment.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "assistance/calculation.h"

namespace atb::assistance {
namespace {

/// A worker (born 1980) earning `income` in each of the three months from `start`, and a child
/// (born 2018) without income, with the flags given.
Declaration worker_and_child(const Date& start, Cents income, bool worker_property, bool worker_savings,
                             bool child_savings) {
  Declaration d{start, {}};
  Member worker{1, Date{1980, 5, 5}, true, false, false, {}, worker_property, worker_savings};
  for (int k = 0; k < 3; ++k) {
    const int index = start.year * 12 + start.month - 1 + k;
    worker.incomes.push_back({Month{index / 12, index % 12 + 1}, IncomeKind::wages, income});
  }
  d.members.push_back(worker);
  d.members.push_back(Member{2, Date{2018, 5, 5}, false, false, false, {}, false, child_savings});
  return d;
}

const Thresholds& national() {
  static const Thresholds t = *Thresholds::make(latvian_thresholds());
  return t;
}

/// A threshold period: the application date, the declaration's start and the needy threshold
/// for two persons (first + other × 1), worked out by hand.
struct Period {
  Date on, start;
  Cents needy_two;
};
const std::vector<Period> kPeriods{
    {{2022, 6, 15}, {2022, 3, 1}, 46200},   // 2021-01-01: 272,00 + 190,00 = 462,00
    {{2023, 10, 10}, {2023, 7, 1}, 53200},  // 2023-07-01: 313,00 + 219,00 = 532,00
    {{2024, 5, 20}, {2024, 2, 1}, 58300},   // 2024-01-01: 343,00 + 240,00 = 583,00
    {{2025, 8, 31}, {2025, 5, 1}, 64100},   // 2025-01-01: 377,00 + 264,00 = 641,00
    {{2026, 4, 10}, {2026, 1, 1}, 72300},   // 2026-01-01: 425,00 + 298,00 = 723,00
};

TEST(AssistanceProperty, PropertyOrSavingsMakeTheHouseholdNotNeedyInEveryPeriod) {
  struct Case {
    const char* name;
    Cents delta;  ///< income = threshold + delta
    bool worker_property, worker_savings, child_savings;
    bool eligible;
    std::size_t steps_after_threshold;  ///< steps after the threshold step
  };
  const std::vector<Case> cases{
      {"no flags, at the threshold", 0, false, false, false, true, 2},  // qualifies + period
      {"no flags, 1 cent below", -1, false, false, false, true, 2},
      {"no flags, 1 cent above", 1, false, false, false, false, 1},
      {"property, at the threshold", 0, true, false, false, false, 1},
      {"property, no income at all", 0, true, false, false, false, 1},
      {"savings of the child, 1 cent below", -1, false, false, true, false, 1},
      {"property and savings, 1 cent above", 1, true, true, false, false, 2},  // exceeds + "also"
  };
  for (const Period& p : kPeriods) {
    for (const Case& c : cases) {
      const std::string where = p.on.iso() + ": " + c.name;
      const bool no_income = std::string(c.name).find("no income") != std::string::npos;
      const Cents income = no_income ? 0 : p.needy_two + c.delta;
      auto o = needy_status(worker_and_child(p.start, income, c.worker_property, c.worker_savings, c.child_savings),
                            national(), p.on);
      ASSERT_TRUE(o) << where;
      EXPECT_EQ(o->threshold, p.needy_two) << where;
      EXPECT_EQ(o->household_income, income) << where;
      EXPECT_EQ(o->eligible, c.eligible) << where;
      EXPECT_EQ(o->period_months, c.eligible ? 3 : 0) << where;
      // Income: a step per member (2) and month (3), the total and the average; then the threshold.
      EXPECT_EQ(o->steps.size(), 8 + c.steps_after_threshold) << where;
    }
  }
}

TEST(AssistanceProperty, TheExplanationNamesWhoHasWhatInBothLanguages) {
  // 2026, income 300,00 € against 723,00 €: the income qualifies, the property does not.
  auto o = needy_status(worker_and_child({2026, 1, 1}, 30000, true, true, true), national(), {2026, 4, 10});
  ASSERT_TRUE(o);
  EXPECT_FALSE(o->eligible);
  EXPECT_EQ(o->steps.back().text().lv,
            "Ienākumi 300,00 € nepārsniedz slieksni 723,00 €, taču mājsaimniecībai ir īpašums vai uzkrājumi "
            "(1. persona — īpašums ārpus mājokļa, uzkrājumi virs noteiktā apmēra; 2. persona — uzkrājumi virs "
            "noteiktā apmēra): tā neatbilst trūcīgas mājsaimniecības statusam.");
  EXPECT_EQ(o->steps.back().text().en,
            "Income €300.00 does not exceed the threshold €723.00, but the household has property or savings "
            "(person 1 — property beyond the home, savings above the set amount; person 2 — savings above the set "
            "amount): it does not qualify as needy.");
  // Income above the threshold as well: both reasons are given.
  auto both = needy_status(worker_and_child({2026, 1, 1}, 72301, true, false, false), national(), {2026, 4, 10});
  ASSERT_TRUE(both);
  EXPECT_EQ(both->steps[both->steps.size() - 2].text().lv,
            "Ienākumi 723,01 € pārsniedz slieksni 723,00 €: mājsaimniecība neatbilst trūcīgas mājsaimniecības "
            "statusam.");
  EXPECT_EQ(both->steps.back().text().lv,
            "Arī īpašums vai uzkrājumi (1. persona — īpašums ārpus mājokļa) liedz trūcīgas mājsaimniecības statusu.");
  EXPECT_EQ(both->steps.back().text().en,
            "Property or savings (person 1 — property beyond the home) also rule out needy status.");
}

TEST(AssistanceProperty, LowIncomeStatusDoesNotLookAtThem) {
  // The municipality's threshold from 2026: 500,00 + 350,00 = 850,00 € for two persons.
  const auto low = *LowIncomeThresholds::make({{{2026, 1, 1}, 50000, 35000}}, national());
  for (const bool property : {false, true}) {
    auto o = low_income_status(worker_and_child({2026, 1, 1}, 85000, property, property, false), national(), low,
                               {2026, 4, 10});
    ASSERT_TRUE(o);
    EXPECT_EQ(o->threshold, 85000);
    EXPECT_TRUE(o->eligible) << property;
  }
}

}  // namespace
}  // namespace atb::assistance
