// Statutory reports (docs/api-reports.md, "Statutory reports"), the rules without I/O: the
// due-date rule and periods, the shipped definitions (every measure with SQL), and bad
// definitions refused naming the file and the row.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "reports/statutory.h"
#include "reports/statutory_catalogue.h"
#include "reports/statutory_measures.h"

namespace atb {
namespace {

using namespace reports::statutory;

const std::string kShipped = std::string(ATBALSTS_SOURCE_DIR) + "/config/reports";

TEST(StatutoryRules, DueDatesAreTheFifteenthAndAreNotMovedOffWeekends) {
  const DueRule monthly{0, 15}, annual{2, 15};
  EXPECT_EQ(due_date(ReportPeriod{Frequency::monthly, 2026, 10}, monthly).iso(),
            "2026-11-15");  // a Sunday
  EXPECT_EQ(due_date(ReportPeriod{Frequency::monthly, 2026, 12}, monthly).iso(), "2027-01-15");
  EXPECT_EQ(due_date(ReportPeriod{Frequency::annual, 2025, 0}, annual).iso(),
            "2026-02-15");  // a Sunday
  EXPECT_EQ(latest_ended_period(Frequency::monthly, Date{2026, 11, 26}).text(), "2026-10");
  EXPECT_EQ(latest_ended_period(Frequency::monthly, Date{2026, 1, 10}).text(), "2025-12");
  EXPECT_EQ(latest_ended_period(Frequency::annual, Date{2026, 1, 10}).text(), "2025");
  ReportDefinition def;
  def.frequency = Frequency::monthly;
  def.due = monthly;
  const DueState before = due_state(def, Date{2026, 11, 10}, false);
  EXPECT_EQ(before.period.text(), "2026-10");
  EXPECT_EQ(before.days_left, 5);
  EXPECT_FALSE(before.overdue);
  EXPECT_EQ(due_state(def, Date{2026, 11, 15}, false).days_left, 0);
  EXPECT_FALSE(due_state(def, Date{2026, 11, 15}, false).overdue);  // the due day itself is in time
  const DueState late = due_state(def, Date{2026, 11, 26}, false);
  EXPECT_EQ(late.days_left, -11);
  EXPECT_TRUE(late.overdue);
  EXPECT_FALSE(due_state(def, Date{2026, 11, 26}, true).overdue);  // submitted
  EXPECT_EQ(days_from(Date{2024, 2, 28}, Date{2024, 3, 1}), 2);    // leap year
}

void expect_bad_period(std::string_view text, Frequency f, const std::string& en) {
  auto p = parse_report_period(text, f, Date{2026, 11, 26});
  ASSERT_FALSE(p) << text;
  EXPECT_EQ(p.error().code, Errc::invalid);
  ASSERT_EQ(p.error().fields.size(), 1u);
  EXPECT_EQ(p.error().fields[0].field, "period");
  EXPECT_NE(p.error().fields[0].message.en.find(en), std::string::npos)
      << text << ": " << p.error().fields[0].message.en;
  EXPECT_FALSE(p.error().fields[0].message.lv.empty());
}

TEST(StatutoryRules, PeriodsAreAMonthOrAYearThatHasBegun) {
  auto m = parse_report_period("2026-10", Frequency::monthly, Date{2026, 11, 26});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->first().iso(), "2026-10-01");
  EXPECT_EQ(m->last().iso(), "2026-10-31");
  auto feb = parse_report_period("2024-02", Frequency::monthly, Date{2026, 11, 26});
  ASSERT_TRUE(feb);
  EXPECT_EQ(feb->last().iso(), "2024-02-29");
  auto y = parse_report_period("2025", Frequency::annual, Date{2026, 11, 26});
  ASSERT_TRUE(y);
  EXPECT_EQ(y->first().iso(), "2025-01-01");
  EXPECT_EQ(y->last().iso(), "2025-12-31");
  EXPECT_TRUE(
      parse_report_period("2026-11", Frequency::monthly, Date{2026, 11, 26}));  // current: a draft
  for (const char* bad :
       {"2026-13", "2026-00", "2026-1", "26-10", "2026-10-01", "", "2026", "2026-1a", "oct"})
    expect_bad_period(bad, Frequency::monthly, "YYYY-MM");
  for (const char* bad : {"2026-10", "25", "20250", "year"})
    expect_bad_period(bad, Frequency::annual, "YYYY");
  expect_bad_period("1826-10", Frequency::monthly, "from 1900 to 2100");  // two hundred years ago
  expect_bad_period("2226", Frequency::annual, "from 1900 to 2100");
  expect_bad_period("2026-12", Frequency::monthly, "not begun");
  expect_bad_period("2027", Frequency::annual, "not begun");
}

TEST(StatutoryRules, TheShippedDefinitionsLoadAndEveryMeasureHasSql) {
  auto defs = Definitions::load(kShipped);
  ASSERT_TRUE(defs) << defs.error().message.en;
  ASSERT_EQ(defs->all().size(), 2u);
  const ReportDefinition* annual = defs->find("annual-social-services");
  const ReportDefinition* monthly = defs->find("monthly-social-assistance");
  ASSERT_TRUE(annual && monthly);
  EXPECT_EQ(annual->frequency, Frequency::annual);
  EXPECT_EQ(annual->due.month, 2);
  EXPECT_EQ(annual->due.day, 15);
  EXPECT_EQ(monthly->frequency, Frequency::monthly);
  EXPECT_EQ(monthly->due.day, 15);
  EXPECT_EQ(defs->find("nothing"), nullptr);
  std::set<std::string> used;
  for (const ReportDefinition* d : {annual, monthly}) {
    for (const auto& s : d->sections)
      for (const auto& r : s.rows)
        for (const auto& c : r.cells)
          if (c) used.insert(c->measure);
  }
  for (const MeasureSpec& m : measure_catalogue()) {
    EXPECT_TRUE(has_sql(m.name)) << m.name;
    EXPECT_TRUE(used.count(m.name)) << m.name << " is used by no shipped report";
  }
}

/// A definition with one row whose cell is `cell` (JSON) and whose label is `label`.
std::string definition(const std::string& cell,
                       const std::string& label = R"({"lv": "Rinda", "en": "Row"})",
                       const std::string& second_code = "1.2") {
  return R"({"name": "test", "title": {"lv": "Tests", "en": "Test"}, "form": {"lv": "F", "en": "F"},
    "frequency": "monthly", "due": {"day": 15},
    "sections": [{"code": "1", "title": {"lv": "S", "en": "S"},
      "columns": [{"code": "1", "label": {"lv": "A", "en": "A"}}],
      "rows": [{"code": "1.1", "label": )" +
         label + R"(, "cells": [)" + cell + R"(]},
               {"code": ")" +
         second_code + R"(", "label": {"lv": "B", "en": "B"}, "cells": [null]}]}]})";
}

void expect_refused(const std::string& text, const std::string& row, const std::string& en) {
  auto d = parse_definition(text, "config/reports/test.json");
  ASSERT_FALSE(d) << text;
  const std::string& message = d.error().message.en;
  EXPECT_NE(message.find("config/reports/test.json"), std::string::npos) << message;
  if (!row.empty()) {
    EXPECT_NE(message.find("row " + row), std::string::npos) << message;
  }
  EXPECT_NE(message.find(en), std::string::npos) << message;
  if (!row.empty()) {
    EXPECT_NE(d.error().message.lv.find("rinda " + row), std::string::npos) << d.error().message.lv;
  }
  ASSERT_EQ(d.error().fields.size(), 1u);
  EXPECT_EQ(d.error().fields[0].field, "statutory_dir");
}

TEST(StatutoryRules, BadDefinitionsAreRefusedNamingTheFileAndTheRow) {
  ASSERT_TRUE(parse_definition(
      definition(R"({"measure": "households_with_status", "status": "needy"})"), "t.json"));
  expect_refused(definition(R"({"measure": "households_sorted"})"), "1.1",
                 "unknown measure \"households_sorted\"");
  expect_refused(definition(R"({"measure": "households_with_status"})"), "1.1",
                 "needs the parameter \"status\"");
  expect_refused(definition(R"({"measure": "households_with_status", "status": "rich"})"), "1.1",
                 "parameter \"status\" has no value \"rich\"");
  expect_refused(definition(R"({"measure": "cases_opened", "status": "needy"})"), "1.1",
                 "measure \"cases_opened\" has no parameter \"status\"");
  expect_refused(definition("null", R"({"lv": "Rinda"})"), "1.1", "label \"label\" has no en text");
  expect_refused(definition("null", R"({"lv": "Rinda", "en": ""})"), "1.1",
                 "label \"label\" has no en text");
  expect_refused(definition("null, null"), "1.1", "must have 1 cells");
  expect_refused(definition("null", R"({"lv": "Rinda", "en": "Row"})", "1.1"), "1.1",
                 "the row code is used twice");
  expect_refused(definition("42"), "1.1", "a cell is null or");
  expect_refused("{not json", "", "not a valid JSON object");
  std::string text = definition("null");
  expect_refused(std::regex_replace(text, std::regex("\"monthly\""), "\"weekly\""), "",
                 "monthly or annual");
  expect_refused(std::regex_replace(text, std::regex("\\{\"day\": 15\\}"), "{\"day\": 31}"), "",
                 "\"due\" is");
  expect_refused(std::regex_replace(text, std::regex("\"frequency\""), "\"frequenzy\""), "",
                 "unknown field \"frequenzy\"");
  expect_refused(
      std::regex_replace(text, std::regex("\"title\": \\{\"lv\": \"Tests\", \"en\": \"Test\"\\}, "),
                         ""),
      "", "missing label \"title\"");
}

TEST(StatutoryRules, AFolderOfDefinitionsIsCheckedWhole) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("atb-statutory-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  EXPECT_FALSE(Definitions::load(dir / "missing"));
  auto empty = Definitions::load(dir);
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.en.find("holds no report"), std::string::npos);
  std::ofstream(dir / "other.json") << definition("null");  // "name": "test" in other.json
  auto misnamed = Definitions::load(dir);
  ASSERT_FALSE(misnamed);
  EXPECT_NE(misnamed.error().message.en.find("other.json"), std::string::npos)
      << misnamed.error().message.en;
  EXPECT_NE(misnamed.error().message.en.find("not the file's name"), std::string::npos);
  std::filesystem::rename(dir / "other.json", dir / "test.json");
  auto good = Definitions::load(dir);
  ASSERT_TRUE(good) << good.error().message.en;
  EXPECT_EQ(good->all().at(0).name, "test");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace atb
