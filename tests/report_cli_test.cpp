// `atbalsts report` through its function, on both engines: the persons list and the statistics
// written to a file or standard output in every format and read back (rows checked against an
// independent count), the progress lines on standard error, the command-line audit entry, a
// schema that is not current refused without being migrated, and bad input refused with a
// clear message and exit code 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/report_commands.h"
#include "core/date.h"
#include "reports/statutory.h"
#include "core/csv.h"
#include "storage/migrations.h"
#include "support/app_fixture.h"
#include "support/pdf_text.h"

namespace atb {
namespace {

class ReportCli : public ::testing::TestWithParam<storage::Engine> {
 protected:
  /// Runs the command; `out` and `err` keep what it wrote.
  int run(app::ReportCommandOptions o) {
    out_.str("");
    err_.str("");
    o.progress_terminal = false;
    o.statutory_dir = std::string(ATBALSTS_SOURCE_DIR) + "/config/reports";
    return app::report_command(f_.db(), o, out_, err_);
  }

  std::int64_t count(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows) << sql;
    return rows ? (*rows)[0].integer(0) : -1;
  }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  /// Runs a refused command and checks the exit code and that the message names `what`.
  void expect_refused(app::ReportCommandOptions o, const std::string& what) {
    EXPECT_EQ(run(o), 2) << what;
    EXPECT_NE(err_.str().find(what), std::string::npos) << err_.str();
    EXPECT_TRUE(out_.str().empty());
  }

  test::AppFixture f_{GetParam()};
  std::ostringstream out_, err_;
  const std::string dir_ = test::temp_dir();
};

TEST_P(ReportCli, PersonsAsCsvFileHoldEveryPersonOfTheMunicipality) {
  app::ReportCommandOptions o;
  o.name = "persons";
  o.output = dir_ + "/persons.csv";
  o.municipality = std::to_string(count("SELECT id FROM municipality WHERE code = 'liepaja'"));
  o.delimiter = "comma";
  ASSERT_EQ(run(o), 0) << err_.str();
  EXPECT_FALSE(std::filesystem::exists(*o.output + ".part"));
  const std::string bytes = read(*o.output);
  ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  auto reader = csv::Reader::open(bytes);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ',');
  std::vector<std::string> fields;
  std::vector<std::int64_t> ids;
  while (*reader->next(fields)) {
    ASSERT_EQ(fields.size(), 8u);
    ids.push_back(std::stoll(fields[0]));
    EXPECT_EQ(fields[7], "liepaja");
  }
  const std::int64_t expected =
      count("SELECT COUNT(*) FROM person WHERE merged_into_id IS NULL AND municipality_id = " + *o.municipality);
  ASSERT_GT(expected, 0);
  EXPECT_EQ(static_cast<std::int64_t>(ids.size()), expected);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  // Progress on standard error (plain lines when not a terminal), and one audit entry.
  EXPECT_NE(err_.str().find("persons 100%"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("rows/s"), std::string::npos) << err_.str();
  auto entry = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT username, entity_type, entity_id, reason, outcome, remote FROM audit_log"
                   " WHERE action = 'export'");
  });
  ASSERT_TRUE(entry);
  ASSERT_EQ(entry->size(), 1u);
  EXPECT_EQ((*entry)[0].text(0), "system");
  EXPECT_EQ((*entry)[0].text(1), "person");
  EXPECT_EQ((*entry)[0].text(2), *o.municipality);
  EXPECT_NE((*entry)[0].text(3).find("command line: report=persons format=csv"), std::string::npos);
  EXPECT_NE((*entry)[0].text(3).find("rows=" + std::to_string(expected)), std::string::npos);
  EXPECT_EQ((*entry)[0].text(4), "ok");
  EXPECT_EQ((*entry)[0].text(5), "local");
}

TEST_P(ReportCli, PersonsAsJsonXlsxAndPdf) {
  app::ReportCommandOptions o;
  o.name = "persons";
  o.format = "json";
  ASSERT_EQ(run(o), 0) << err_.str();  // national (the default), to standard output
  const auto json = nlohmann::json::parse(out_.str());
  EXPECT_EQ(static_cast<std::int64_t>(json.size()),
            count("SELECT COUNT(*) FROM person WHERE merged_into_id IS NULL"));
  EXPECT_TRUE(json[0].contains("Personas kods"));

  o.format = "xlsx";
  o.output = dir_ + "/p.xlsx";
  ASSERT_EQ(run(o), 0) << err_.str();
  const std::string sheet = test::tool_output(read(*o.output), "unzip -p", "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  EXPECT_NE(sheet.find(json[0]["Uzvārds"].get<std::string>()), std::string::npos);
  EXPECT_NE(sheet.find("r=\"" + std::to_string(json.size() + 1) + "\""), std::string::npos);

  o.format = "pdf";
  o.output = dir_ + "/p.pdf";
  o.lang = "en";
  ASSERT_EQ(run(o), 0) << err_.str();
  const std::string text = test::flat(test::pdf_text(read(*o.output)));
  EXPECT_NE(text.find("Surname"), std::string::npos) << text.substr(0, 300);
  EXPECT_NE(text.find(json[0]["Uzvārds"].get<std::string>()), std::string::npos) << text.substr(0, 300);
}

TEST_P(ReportCli, StatisticsOfAPeriod) {
  app::ReportCommandOptions o;
  o.name = "statistics";
  o.from = "2025-01-01";
  o.to = "2025-12-31";
  o.format = "json";
  o.municipality = std::to_string(count("SELECT id FROM municipality WHERE code = 'liepaja'"));
  ASSERT_EQ(run(o), 0) << err_.str();
  const auto json = nlohmann::json::parse(out_.str());
  ASSERT_FALSE(json.empty());
  EXPECT_TRUE(json[0].contains("Rādītājs"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity_type = 'statistics'"), 1);
  o.format = "csv";
  ASSERT_EQ(run(o), 0) << err_.str();
  EXPECT_EQ(out_.str().compare(3, 19, "Sadaļa;Rādītājs"), 0) << out_.str().substr(0, 40);
}

// A statutory report of a municipality, as the API computes it (its cells are checked against
// the records in reports_statutory_test); its period is a whole month or year.
TEST_P(ReportCli, StatutoryReportsOfAMunicipality) {
  app::ReportCommandOptions o;
  o.name = "monthly-social-assistance";
  o.from = "2026-01-01";
  o.to = "2026-01-31";
  o.output = dir_ + "/monthly.csv";
  o.municipality = std::to_string(count("SELECT id FROM municipality WHERE code = 'liepaja'"));
  ASSERT_EQ(run(o), 0) << err_.str();
  auto defs = reports::statutory::Definitions::load(std::string(ATBALSTS_SOURCE_DIR) + "/config/reports");
  ASSERT_TRUE(defs);
  const reports::StatisticsScope scope{false, std::stoll(*o.municipality), {}};
  auto report = f_.db().read([&](storage::Connection& c) {
    return reports::statutory::compute_named(c, *defs, o.name, "2026-01", scope, today_riga());
  });
  ASSERT_TRUE(report) << report.error().detail;
  const reports::Table want = reports::statutory::report_table(*report, Lang::lv);
  auto reader = csv::Reader::open(read(*o.output));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), want.header);
  std::vector<std::string> fields;
  std::size_t n = 0;
  while (*reader->next(fields)) {
    ASSERT_LT(n, want.rows.size());
    EXPECT_EQ(fields, want.rows[n++]);
  }
  EXPECT_EQ(n, want.rows.size());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity_type = 'statutory_report'"), 1);

  o.name = "annual-social-services";
  o.output.reset();
  o.from = "2025-01-01";
  o.to = "2025-12-31";
  o.format = "json";
  ASSERT_EQ(run(o), 0) << err_.str();
  EXPECT_FALSE(nlohmann::json::parse(out_.str()).empty());
  // Not a whole year; the national view; a department.
  o.to = "2025-06-30";
  expect_refused(o, "to: An annual report covers one whole year");
  o.to = "2025-12-31";
  o.municipality = "national";
  expect_refused(o, "municipality: A statutory report is of one municipality");
}

TEST_P(ReportCli, BadInputIsRefusedClearly) {
  app::ReportCommandOptions o;
  o.name = "households";
  expect_refused(o, "No such report; there are: statistics, persons, monthly-social-assistance, annual-social-services.");
  o.name = "persons";
  o.format = "docx";
  expect_refused(o, "format: The format is one of: csv, xlsx, pdf, json.");
  o.format = "csv";
  o.delimiter = "tab";
  expect_refused(o, "delimiter:");
  o.delimiter = "semicolon";
  o.from = "2026-05-01";
  o.to = "2026-01-01";
  expect_refused(o, "to:");
  o.from = "2026-13-01";
  o.to.reset();
  expect_refused(o, "from:");
  o.from.reset();
  o.municipality = "99999";
  expect_refused(o, "municipality: No such municipality");
  o.municipality = "national";
  o.department = "1";
  expect_refused(o, "department:");
  o.municipality.reset();
  o.department.reset();
  o.output = dir_ + "/no-such-dir/x.csv";
  expect_refused(o, "output:");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"), 0);
}

TEST_P(ReportCli, AnOutOfDateSchemaIsRefusedAndNotMigrated) {
  test::ScratchDatabase scratch(GetParam());
  auto db = scratch.open(1);
  std::vector<storage::Migration> first(storage::embedded_migrations().begin(),
                                        storage::embedded_migrations().begin() + 3);
  ASSERT_TRUE(storage::migrate(*db, first));
  app::ReportCommandOptions o;
  o.name = "persons";
  std::ostringstream out, err;
  EXPECT_EQ(app::report_command(*db, o, out, err), 2);
  EXPECT_NE(err.str().find("The database schema is out of date"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("atbalsts migrate"), std::string::npos);
  auto applied = storage::applied_migrations(*db);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->size(), 3u);  // nothing was migrated
  EXPECT_TRUE(app::require_current_schema(f_.db()));
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportCli, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
