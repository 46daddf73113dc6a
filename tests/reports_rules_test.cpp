// The statistics rules without I/O: periods, scopes, small-cell suppression, medians.
#include <gtest/gtest.h>

#include <fstream>

#include "core/config.h"
#include "reports/figure.h"
#include "reports/period.h"
#include "reports/scope.h"
#include "reports/suppression.h"
#include "support/databases.h"

namespace atb::reports {
namespace {

using access::Role;

const Date kToday{2026, 11, 26};

Error refused(const std::optional<std::string>& from, const std::optional<std::string>& to,
              PeriodRules rules = {}) {
  auto p = parse_period(from, to, kToday, rules);
  EXPECT_FALSE(p) << from.value_or("-") << " " << to.value_or("-");
  return p ? Error{} : p.error();
}

TEST(ReportsPeriod, DefaultsToThisYearUntilToday) {
  auto p = parse_period(std::nullopt, std::nullopt, kToday);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->from.iso(), "2026-01-01");
  EXPECT_EQ(p->to.iso(), "2026-11-26");
  auto q = parse_period(std::nullopt, std::string("2020-05-05"), kToday);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from.iso(), "2020-01-01");
}

TEST(ReportsPeriod, RefusesBackwardsMalformedAndTooLongPeriods) {
  Error e = refused("2025-06-01", "2025-05-31");
  EXPECT_EQ(e.code, Errc::invalid);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].field, "to");
  EXPECT_EQ(e.fields[0].message.lv, "Perioda beigas nevar būt pirms tā sākuma.");
  EXPECT_EQ(e.fields[0].message.en, "The period cannot end before it starts.");
  for (const char* bad :
       {"2025-02-29", "2025-13-01", "2025-1-01", "25-01-01", "", "2025-01-01T00:00", "x"}) {
    e = refused(std::string(bad), "2026-01-01");
    ASSERT_EQ(e.fields.size(), 1u) << bad;
    EXPECT_EQ(e.fields[0].field, "from") << bad;
  }
  e = refused("1900-01-01", "2100-01-01");  // 200 years
  EXPECT_EQ(e.fields[0].field, "to");
  EXPECT_EQ(e.fields[0].message.en, "The period cannot be longer than 20 years.");
  // Exactly 20 years is one day too many; a day less is allowed. The limit is configurable.
  refused("2000-01-01", "2020-01-01");
  EXPECT_TRUE(parse_period(std::string("2000-01-01"), std::string("2019-12-31"), kToday));
  EXPECT_TRUE(parse_period(std::string("2000-01-01"), std::string("2000-01-01"), kToday));
  refused("2020-01-01", "2021-01-01", PeriodRules{1});
  EXPECT_TRUE(
      parse_period(std::string("2020-01-01"), std::string("2020-12-31"), kToday, PeriodRules{1}));
  // From 29 February: the limit falls on 1 March.
  EXPECT_TRUE(parse_period(std::string("2004-02-29"), std::string("2024-02-28"), kToday));
  refused("2004-02-29", "2024-02-29");
  // Years outside 1900–2100 are refused on their field (a day's bounds as instants would not fit
  // the clock far from today).
  e = refused("0001-01-01", "2020-12-31");
  EXPECT_EQ(e.fields[0].field, "from");
  EXPECT_EQ(e.fields[0].message.en, "The year must be from 1900 to 2100.");
  EXPECT_EQ(refused("1899-12-31", "1900-01-01").fields[0].field, "from");
  EXPECT_EQ(refused("2026-01-01", "9999-12-31").fields[0].field, "to");
  EXPECT_TRUE(parse_period(std::string("2090-01-01"), std::string("2100-12-31"), kToday));
}

TEST(ReportsPeriod, InstantsAreTheRigaDaysBounds) {
  auto winter = parse_period(std::string("2026-01-01"), std::string("2026-01-31"), kToday);
  EXPECT_EQ(winter->from_instant(), "2025-12-31T22:00:00.000Z");
  EXPECT_EQ(winter->end_instant(), "2026-01-31T22:00:00.000Z");
  auto summer = parse_period(std::string("2026-07-01"), std::string("2026-07-31"), kToday);
  EXPECT_EQ(summer->from_instant(), "2026-06-30T21:00:00.000Z");
  EXPECT_EQ(summer->end_instant(), "2026-07-31T21:00:00.000Z");
  // The day daylight saving starts (29 March 2026) begins in winter time; the next day in summer
  // time.
  EXPECT_EQ(riga_day_start_instant({2026, 3, 29}), "2026-03-28T22:00:00.000Z");
  EXPECT_EQ(riga_day_start_instant({2026, 3, 30}), "2026-03-29T21:00:00.000Z");
  EXPECT_EQ(riga_day_start_instant({2026, 10, 25}), "2026-10-24T21:00:00.000Z");
  EXPECT_EQ(riga_day_start_instant({2026, 10, 26}), "2026-10-25T22:00:00.000Z");
  EXPECT_EQ(summer->from_month(), "2026-07");
  EXPECT_EQ(winter->to_month(), "2026-01");
}

access::Principal principal(std::vector<Role> roles, std::vector<std::int64_t> departments = {}) {
  access::Principal p;
  p.user_id = 1;
  p.municipality_id = 10;
  p.roles = std::move(roles);
  p.department_ids = std::move(departments);
  return p;
}

const OrgFacts kOrg{{10, 20}, {{101, 10}, {102, 10}, {103, 10}, {201, 20}}};

Result<StatisticsScope> resolve(const access::Principal& p, std::optional<std::string> m,
                                std::optional<std::string> d = {}) {
  return resolve_scope(p, {std::move(m), std::move(d)}, kOrg);
}

Errc code(const Result<StatisticsScope>& r) {
  return r ? Errc::internal : r.error().code;
}

TEST(ReportsScope, TheDirectorSeesHerMunicipalityAndTheNationalView) {
  const auto director = principal({Role::director});
  auto own = resolve(director, std::nullopt);
  ASSERT_TRUE(own);
  EXPECT_FALSE(own->national);
  EXPECT_EQ(own->municipality_id, 10);
  EXPECT_TRUE(own->department_ids.empty());
  EXPECT_EQ(resolve(director, "10")->municipality_id, 10);
  EXPECT_EQ(resolve(director, "10", "102")->department_ids, std::vector<std::int64_t>{102});
  auto national = resolve(director, "national");
  ASSERT_TRUE(national);
  EXPECT_TRUE(national->national);
  EXPECT_FALSE(national->municipality_id);
  EXPECT_EQ(code(resolve(director, "20")), Errc::forbidden);
  EXPECT_EQ(code(resolve(director, "30")), Errc::not_found);
  EXPECT_EQ(code(resolve(director, "x")), Errc::invalid);
  EXPECT_EQ(code(resolve(director, "-1")), Errc::invalid);
  EXPECT_EQ(code(resolve(director, std::nullopt, "201")),
            Errc::not_found);  // another municipality's
  EXPECT_EQ(code(resolve(director, std::nullopt, "999")), Errc::not_found);
  EXPECT_EQ(code(resolve(director, "national", "101")), Errc::invalid);
}

TEST(ReportsScope, OtherRolesSeeTheirDepartments) {
  for (Role r :
       {Role::social_worker, Role::supervisor, Role::department_head, Role::benefits_officer}) {
    const auto p = principal({r}, {101, 103});
    auto own = resolve(p, std::nullopt);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->department_ids, (std::vector<std::int64_t>{101, 103}));
    EXPECT_EQ(resolve(p, std::nullopt, "103")->department_ids, std::vector<std::int64_t>{103});
    EXPECT_EQ(code(resolve(p, std::nullopt, "102")), Errc::forbidden);
    EXPECT_EQ(code(resolve(p, "national")), Errc::forbidden);
    EXPECT_EQ(code(resolve(p, "20")), Errc::forbidden);
    EXPECT_EQ(code(resolve(principal({r}), std::nullopt)), Errc::forbidden);  // no department
  }
  for (Role r : {Role::partner, Role::admin, Role::auditor}) {
    EXPECT_EQ(code(resolve(principal({r}, {101}), std::nullopt)), Errc::forbidden);
    EXPECT_FALSE(may_see_national(principal({r})));
  }
}

TEST(ReportsSuppression, SmallCellsLoseTheirNumbers) {
  const SuppressionRules rules;
  EXPECT_FALSE(is_small_cell(0, rules));
  for (int n = 1; n < 5; ++n) EXPECT_TRUE(is_small_cell(n, rules)) << n;
  EXPECT_FALSE(is_small_cell(5, rules));
  EXPECT_TRUE(is_small_cell(9, SuppressionRules{10}));
  Figure f;
  f.measures = {"average_days", "median_days"};
  f.rows = {{{"a"}, 4, {3.5, 2.0}, false},
            {{"b"}, 5, {1.0, 1.0}, false},
            {{"c"}, 0, {std::nullopt, std::nullopt}, false}};
  suppress_small_cells(f, rules);
  EXPECT_TRUE(f.rows[0].suppressed);
  EXPECT_EQ(f.rows[0].count, 0);
  EXPECT_FALSE(f.rows[0].measures[0]);
  EXPECT_FALSE(f.rows[0].measures[1]);
  EXPECT_FALSE(f.rows[1].suppressed);
  EXPECT_EQ(f.rows[1].count, 5);
  EXPECT_FALSE(f.rows[2].suppressed);
  // A total row goes with a suppressed row (or total − shown rows would give it away).
  Figure t;
  t.rows = {{{"all"}, 12, {}, false}, {{"a"}, 3, {}, false}, {{"b"}, 9, {}, false}};
  suppress_small_cells(t, rules);
  EXPECT_TRUE(t.rows[0].suppressed);
  EXPECT_EQ(t.rows[0].count, 0);
  EXPECT_TRUE(t.rows[1].suppressed);
  EXPECT_FALSE(t.rows[2].suppressed);
  t.rows = {{{"all"}, 12, {}, false}, {{"a"}, 5, {}, false}, {{"b"}, 7, {}, false}};
  suppress_small_cells(t, rules);
  EXPECT_FALSE(t.rows[0].suppressed);
}

TEST(ReportsFigure, MedianAndAverageOfAHistogram) {
  EXPECT_EQ(summarise({}).count, 0);
  EXPECT_FALSE(summarise({}).median);
  Distribution d = summarise({{3, 1}});
  EXPECT_EQ(d.count, 1);
  EXPECT_EQ(*d.median, 3);
  d = summarise({{1, 1}, {10, 1}});  // 1, 10
  EXPECT_EQ(*d.median, 5.5);
  EXPECT_EQ(*d.average, 5.5);
  d = summarise({{1, 2}, {4, 1}, {100, 1}});  // 1, 1, 4, 100
  EXPECT_EQ(*d.median, 2.5);
  EXPECT_EQ(*d.average, 26.5);
  d = summarise({{0, 3}, {7, 2}});  // 0, 0, 0, 7, 7
  EXPECT_EQ(*d.median, 0);
  EXPECT_EQ(*d.average, 2.8);
}

TEST(ReportsConfig, ReadsTheReportsSection) {
  const std::string path = test::temp_dir() + "/atbalsts-reports.toml";
  std::ofstream(path) << "[reports]\nmax_period_years = 30\nmin_cell_count = 10\n";
  Config c;
  ASSERT_TRUE(apply_toml_file(c, path));
  EXPECT_EQ(c.report_max_period_years, 30);
  EXPECT_EQ(c.report_min_cell_count, 10);
  EXPECT_TRUE(validate(c));
  c.report_min_cell_count = 0;
  EXPECT_FALSE(validate(c));
  c.report_min_cell_count = 5;
  c.report_max_period_years = 101;
  EXPECT_FALSE(validate(c));
  std::ofstream(path) << "[reports]\nmax_years = 30\n";
  Config d;
  EXPECT_FALSE(apply_toml_file(d, path));  // unknown keys are errors
}

}  // namespace
}  // namespace atb::reports
