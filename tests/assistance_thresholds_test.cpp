// Social assistance money and thresholds: euro formatting and parsing, rounding, the seed table
// of latvia.md, the row in force on each date, and refused threshold rows. Every expected figure
// is written out by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "assistance/money.h"
#include "assistance/thresholds.h"

namespace atb::assistance {
namespace {

/// The field and code of the only field error of `r` ("" when it succeeded).
template <class T>
std::string field_of(const Result<T>& r, Errc code = Errc::invalid) {
  if (r) return "";
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().fields.size(), 1u);
  return r.error().fields.empty() ? "?" : r.error().fields[0].field;
}

TEST(AssistanceMoney, FormatsInLatvianAndEnglishStyle) {
  struct Row {
    Cents amount;
    const char* lv;
    const char* en;
  };
  const std::vector<Row> rows{
      {0, "0,00 €", "€0.00"},
      {1, "0,01 €", "€0.01"},
      {99, "0,99 €", "€0.99"},
      {100, "1,00 €", "€1.00"},
      {99999, "999,99 €", "€999.99"},
      {100000, "1 000,00 €", "€1,000.00"},
      {123456, "1 234,56 €", "€1,234.56"},
      {123456789, "1 234 567,89 €", "€1,234,567.89"},
      {-5100, "\u221251,00 €", "\u2212€51.00"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(format_eur(r.amount), r.lv) << r.amount;
    EXPECT_EQ(format_eur_en(r.amount), r.en) << r.amount;
  }
}

TEST(AssistanceMoney, SaysSumsInBothLanguages) {
  const Text t = say("Kopā {}: {} ({})", "Total {}: {} ({})", 3, Eur{123456}, Text{"lv", "en"});
  EXPECT_EQ(t.lv, "Kopā 3: 1 234,56 € (lv)");
  EXPECT_EQ(t.en, "Total 3: €1,234.56 (en)");
  const Text sum = eur_sum({100, 20050, 0});
  EXPECT_EQ(sum.lv, "1,00 € + 200,50 € + 0,00 €");
  EXPECT_EQ(sum.en, "€1.00 + €200.50 + €0.00");
  EXPECT_EQ(eur_sum({}).lv, "");
}

TEST(AssistanceMoney, ParsesAmountsWithCommaOrPoint) {
  struct Row {
    const char* text;
    Cents cents;
  };
  const std::vector<Row> rows{{"123.45", 12345}, {"123,45", 12345}, {"123", 12300},
                              {"123.4", 12340},  {"0,05", 5},       {" 7 ", 700},
                              {"0", 0},          {"007.10", 710},   {"10000000.00", 1000000000}};
  for (const Row& r : rows) {
    auto parsed = parse_eur(r.text, "amount");
    ASSERT_TRUE(parsed) << r.text;
    EXPECT_EQ(*parsed, r.cents) << r.text;
  }
}

TEST(AssistanceMoney, RefusesWhatIsNotAnAmount) {
  struct Row {
    const char* text;
    const char* lv;
  };
  const char* not_number =
      "Summai jābūt skaitlim ar ne vairāk kā divām zīmēm aiz komata, piemēram, 123,45.";
  const char* too_large = "Summa nevar pārsniegt 10 000 000,00 €.";
  const std::vector<Row> rows{{"", not_number},
                              {"1.234", not_number},
                              {"1,", not_number},
                              {".5", not_number},
                              {"1 000", not_number},
                              {"12a", not_number},
                              {"€5", not_number},
                              {"1.2.3", not_number},
                              {"-1", "Summa nevar būt negatīva."},
                              {"10000000.01", too_large},
                              {"99999999999999999999", too_large}};
  for (const Row& r : rows) {
    auto parsed = parse_eur(r.text, "incomes.0.amount");
    ASSERT_FALSE(parsed) << r.text;
    EXPECT_EQ(field_of(parsed), "incomes.0.amount");
    EXPECT_EQ(parsed.error().fields[0].message.lv, r.lv) << r.text;
  }
}

TEST(AssistanceMoney, DividesRoundingHalfACentUp) {
  struct Row {
    Cents total;
    int parts;
    Cents expected;
  };
  const std::vector<Row> rows{
      {30001, 3, 10000},               // 300.01 / 3 = 100.0033… → 100.00
      {30002, 3, 10001},               // 300.02 / 3 = 100.0066… → 100.01
      {2, 3, 1},                       // 0.02 / 3 = 0.0066… → 0.01
      {1, 3, 0},                       // 0.01 / 3 = 0.0033… → 0.00
      {5, 2, 3},                       // 0.05 / 2 = 0.025 → 0.03 (half up)
      {3, 2, 2},                       // 0.03 / 2 = 0.015 → 0.02
      {4, 2, 2},                       // exact
      {0, 3, 0},         {-5, 2, -3},  // half away from zero
      {10, 0, 0},                      // no parts: 0, never a crash
  };
  for (const Row& r : rows)
    EXPECT_EQ(divide_round_half_up(r.total, r.parts), r.expected) << r.total << "/" << r.parts;
}

/// The seed rows of latvia.md, written out again in cents.
const ThresholdRow k2021{{2021, 1, 1}, 10900, 7600, 27200, 19000, 43600, 30500};
const ThresholdRow k2023{{2023, 7, 1}, 12500, 8750, 31300, 21900, 50100, 35100};
const ThresholdRow k2024{{2024, 1, 1}, 13700, 9600, 34300, 24000, 54900, 38400};
const ThresholdRow k2025{{2025, 1, 1}, 16600, 11600, 37700, 26400, 60400, 42300};
const ThresholdRow k2026{{2026, 1, 1}, 18700, 13100, 42500, 29800, 68000, 47600};

/// True when every field of `a` and `b` is equal.
bool same(const ThresholdRow& a, const ThresholdRow& b) {
  return a.from == b.from && a.gmi_first == b.gmi_first && a.gmi_other == b.gmi_other &&
         a.needy_first == b.needy_first && a.needy_other == b.needy_other &&
         a.low_income_max_first == b.low_income_max_first &&
         a.low_income_max_other == b.low_income_max_other;
}

Thresholds seed() {
  auto t = Thresholds::make(latvian_thresholds());
  EXPECT_TRUE(t);
  return t ? *t : Thresholds{};
}

TEST(AssistanceThresholds, TheRowInForceOnEachDate) {
  const Thresholds t = seed();
  ASSERT_EQ(t.rows().size(), 5u);
  struct Row {
    Date on;
    const ThresholdRow* expected;  // nullptr: none in force
  };
  const std::vector<Row> rows{
      {{2020, 12, 31}, nullptr}, {{2021, 1, 1}, &k2021},   {{2021, 1, 2}, &k2021},
      {{2022, 6, 15}, &k2021},   {{2023, 6, 30}, &k2021},  {{2023, 7, 1}, &k2023},
      {{2023, 7, 2}, &k2023},    {{2023, 10, 10}, &k2023}, {{2023, 12, 31}, &k2023},
      {{2024, 1, 1}, &k2024},    {{2024, 1, 2}, &k2024},   {{2024, 5, 20}, &k2024},
      {{2024, 12, 31}, &k2024},  {{2025, 1, 1}, &k2025},   {{2025, 1, 2}, &k2025},
      {{2025, 8, 31}, &k2025},   {{2025, 12, 31}, &k2025}, {{2026, 1, 1}, &k2026},
      {{2026, 1, 2}, &k2026},    {{2027, 3, 1}, &k2026},
  };
  for (const Row& r : rows) {
    const ThresholdRow* got = t.at(r.on);
    if (!r.expected) {
      EXPECT_EQ(got, nullptr) << r.on.iso();
      continue;
    }
    ASSERT_NE(got, nullptr) << r.on.iso();
    EXPECT_TRUE(same(*got, *r.expected)) << r.on.iso() << " got the row from " << got->from.iso();
  }
}

TEST(AssistanceThresholds, MakeSortsRowsAndAddTakesANewYear) {
  auto t = Thresholds::make({k2026, k2021, k2024, k2023, k2025});
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows().size(), 5u);
  EXPECT_EQ(t->rows().front().from, (Date{2021, 1, 1}));
  EXPECT_EQ(t->rows().back().from, (Date{2026, 1, 1}));
  // Equal values are allowed: gmi = needy = maximum, first = other.
  ASSERT_TRUE(t->add({{2027, 1, 1}, 50000, 50000, 50000, 50000, 50000, 50000}));
  ASSERT_NE(t->at({2027, 2, 1}), nullptr);
  EXPECT_EQ(t->at({2027, 2, 1})->gmi_first, 50000);
  EXPECT_EQ(t->at({2026, 12, 31})->gmi_first, 18700);
  auto bad = Thresholds::make({k2021, k2023, k2021});
  EXPECT_EQ(field_of(bad, Errc::conflict), "rows.2.from");
}

TEST(AssistanceThresholds, RefusesBadRowsAndChangesNothing) {
  struct Row {
    ThresholdRow row;
    const char* field;
    Errc code;
  };
  const std::vector<Row> rows{
      {k2026, "from", Errc::conflict},  // overlaps the 2026 row
      {{{2026, 7, 15}, 18700, 13100, 42500, 29800, 68000, 47600}, "from", Errc::invalid},
      {{{2026, 2, 30}, 18700, 13100, 42500, 29800, 68000, 47600}, "from", Errc::invalid},
      {{{2027, 1, 1}, 0, 13100, 42500, 29800, 68000, 47600}, "gmi_first", Errc::invalid},
      {{{2027, 1, 1}, 18700, 13100, 42500, -1, 68000, 47600}, "needy_other", Errc::invalid},
      {{{2027, 1, 1}, 18700, 13100, 42500, 29800, 68000, 0}, "low_income_max_other", Errc::invalid},
      // GMI above needy (500.00 > 425.00).
      {{{2027, 1, 1}, 50000, 13100, 42500, 29800, 68000, 47600}, "needy_first", Errc::invalid},
      // Needy above the maximum (700.00 > 680.00).
      {{{2027, 1, 1}, 18700, 13100, 70000, 29800, 68000, 47600},
       "low_income_max_first",
       Errc::invalid},
      // GMI for others above GMI for the first (150.00 > 100.00).
      {{{2027, 1, 1}, 10000, 15000, 20000, 20000, 30000, 30000}, "gmi_other", Errc::invalid},
      // Needy for others above needy for the first (250.00 > 200.00).
      {{{2027, 1, 1}, 10000, 5000, 20000, 25000, 30000, 30000}, "needy_other", Errc::invalid},
      // Maximum for others above the maximum for the first (350.00 > 300.00).
      {{{2027, 1, 1}, 10000, 5000, 20000, 15000, 30000, 35000},
       "low_income_max_other",
       Errc::invalid},
  };
  for (const Row& r : rows) {
    Thresholds t = seed();
    auto added = t.add(r.row);
    EXPECT_EQ(field_of(added, r.code), r.field) << r.row.from.iso();
    EXPECT_EQ(t.rows().size(), 5u);
  }
  Thresholds t = seed();
  auto overlap = t.add(k2023);
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().fields[0].message.en,
            "Another threshold row already starts on 2023-07-01; rows must not overlap.");
}

TEST(AssistanceLowIncomeThresholds, MustLieBetweenNeedyAndTheMaximum) {
  const Thresholds national = seed();
  struct Row {
    LowIncomeRow row;
    const char* field;  // "" when accepted
  };
  const std::vector<Row> rows{
      {{{2025, 1, 1}, 50000, 35000}, ""},       // 377 ≤ 500 ≤ 604; 264 ≤ 350 ≤ 423
      {{{2025, 3, 1}, 37700, 26400}, ""},       // exactly the needy thresholds of 2025
      {{{2025, 3, 1}, 60400, 42300}, ""},       // exactly the maximum of 2025
      {{{2023, 9, 1}, 31300, 21900}, ""},       // needy of 2023-07-01
      {{{2025, 3, 1}, 37699, 26400}, "first"},  // 1 cent below needy 377.00
      {{{2025, 3, 1}, 60401, 42300}, "first"},  // 1 cent above the maximum 604.00
      {{{2025, 3, 1}, 50000, 26399}, "other"},  // 1 cent below needy 264.00
      {{{2025, 3, 1}, 50000, 42301}, "other"},  // 1 cent above the maximum 423.00
      {{{2023, 9, 1}, 40000, 35101}, "other"},  // above the 2023 maximum 351.00
      {{{2025, 3, 1}, 38000, 41000}, "other"},  // others above the first person
      {{{2020, 6, 1}, 40000, 30000}, "from"},   // no national thresholds yet
      {{{2025, 1, 15}, 50000, 35000}, "from"},  // not the 1st of a month
  };
  for (const Row& r : rows) {
    LowIncomeThresholds low;
    auto added = low.add(r.row, national);
    EXPECT_EQ(field_of(added), r.field) << r.row.from.iso() << " " << r.row.first;
    EXPECT_EQ(low.rows().size(), added ? 1u : 0u);
  }
  LowIncomeThresholds low;
  auto below = low.add({{2025, 3, 1}, 37699, 26400}, national);
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().fields[0].message.lv,
            "Maznodrošinātas mājsaimniecības ienākumu slieksnim pirmajai personai jābūt no "
            "377,00 € līdz 604,00 € (valsts sliekšņi no 2025-01-01).");
  EXPECT_EQ(below.error().fields[0].message.en,
            "The low-income threshold for the first person must be between €377.00 and "
            "€604.00 (national thresholds from 2025-01-01).");
}

TEST(AssistanceLowIncomeThresholds, RowsInForceAndOverlaps) {
  const Thresholds national = seed();
  auto low = LowIncomeThresholds::make({{{2026, 1, 1}, 50000, 35000}, {{2025, 1, 1}, 45000, 31500}},
                                       national);
  ASSERT_TRUE(low);
  EXPECT_EQ(low->at({2024, 12, 31}), nullptr);
  ASSERT_NE(low->at({2025, 12, 31}), nullptr);
  EXPECT_EQ(low->at({2025, 12, 31})->first, 45000);
  EXPECT_EQ(low->at({2026, 1, 1})->first, 50000);
  EXPECT_EQ(field_of(low->add({{2026, 1, 1}, 50000, 35000}, national), Errc::conflict), "from");
  EXPECT_EQ(low->rows().size(), 2u);
  auto bad =
      LowIncomeThresholds::make({{{2025, 1, 1}, 45000, 31500}, {{2026, 1, 1}, 1, 1}}, national);
  EXPECT_EQ(field_of(bad), "rows.1.first");
}

}  // namespace
}  // namespace atb::assistance
