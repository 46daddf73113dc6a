// Statistics over HTTP: bad input refused clearly (lv/en, naming the field), scopes a user may
// not see, the CSV and XLSX downloads read back (unzip + XML, cell by cell), and the audit log.
#include <gtest/gtest.h>

#include <regex>

#include "support/app_fixture.h"
#include "support/pdf_text.h"

namespace atb {
namespace {

using access::Role;
using http::Method;

class ReportsApi : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    director_ = as(f_.user("r.director", {Role::director}));
    worker_ = as(f_.user("r.worker", {Role::social_worker}, {"families"}));
    // A second municipality, and a known acute intake of the demo's families team: received on
    // 2025-03-10 and answered within 24 hours.
    auto ids = f_.db().write([](storage::Connection& c)
                                 -> Result<std::pair<std::int64_t, std::int64_t>> {
      ATB_TRY_ASSIGN(
          m,
          c.query(
              "INSERT INTO municipality (code, name, created_at) VALUES ('valka', 'Valkas novads',"
              " '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY_ASSIGN(d, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en) "
                                "VALUES (?, 'social_work',"
                                " 'Sociālā darba daļa', 'Social work') RETURNING id",
                                storage::params(m[0].integer(0))));
      ATB_TRY_ASSIGN(
          t, c.query("SELECT t.id, t.department_id, d.municipality_id FROM team t JOIN department d"
                     " ON d.id = t.department_id WHERE t.code = 'families'"));
      ATB_TRY(c.execute(
          "INSERT INTO intake (reference, municipality_id, department_id, team_id, version, "
          "channel, urgency,"
          " status, reporter_kind, reporter_name, reporter_contact, concern, received_at, "
          "first_contact_due_on,"
          " first_contact_due_at, decided_at, created_at, updated_at) VALUES ('P-STAT-0001', ?, ?, "
          "?, 1,"
          " 'police', 'acute', 'closed', 'anonymous', '', '', 'Testa', '2025-03-10T08:00:00.000Z', "
          "'2025-03-11',"
          " '2025-03-11T08:00:00.000Z', '2025-03-10T12:00:00.000Z', '2025-03-10T08:00:00.000Z',"
          " '2025-03-10T08:00:00.000Z')",
          storage::params(t[0].integer(2), t[0].integer(1), t[0].integer(0))));
      return std::pair{m[0].integer(0), d[0].integer(0)};
    });
    ASSERT_TRUE(ids) << ids.error().detail;
    other_municipality_ = ids->first;
    other_department_ = ids->second;
  }

  static test::As as(const test::TestUser& u) { return test::As{u.session_token, u.csrf, ""}; }

  test::Answer get(const std::string& target, const test::As& who,
                   const std::string& language = "lv") {
    test::As w = who;
    w.language = language;
    return f_.call(Method::get, target, w);
  }

  std::int64_t department(const std::string& code) {
    auto rows = f_.db().read([&](storage::Connection& c) {
      return c.query("SELECT id FROM department WHERE code = ? ORDER BY id", storage::params(code));
    });
    return (*rows)[0].integer(0);
  }

  /// Asserts a 422 naming `field`, in Latvian and in English.
  void expect_refused(const std::string& query, const std::string& field, const std::string& lv,
                      const std::string& en) {
    const test::Answer a = get("/api/v1/reports/statistics?" + query, director_, "lv");
    ASSERT_EQ(a.status, 422) << query << ": " << a.body.dump();
    ASSERT_EQ(a.body["errors"].size(), 1u) << a.body.dump();
    EXPECT_EQ(a.body["errors"][0]["field"], field) << query;
    EXPECT_NE(a.body["errors"][0]["message"].get<std::string>().find(lv), std::string::npos)
        << a.body.dump();
    const test::Answer b = get("/api/v1/reports/statistics?" + query, director_, "en");
    ASSERT_EQ(b.status, 422);
    EXPECT_NE(b.body["errors"][0]["message"].get<std::string>().find(en), std::string::npos)
        << b.body.dump();
  }

  test::AppFixture f_{GetParam()};
  test::As director_, worker_;
  std::int64_t other_municipality_ = 0, other_department_ = 0;
};

TEST_P(ReportsApi, BadPeriodsAreRefusedNamingTheField) {
  expect_refused("from=2025-06-01&to=2025-05-31", "to", "nevar būt pirms tā sākuma",
                 "cannot end before it starts");
  expect_refused("from=1900-01-01&to=2100-01-01", "to", "garāks par 20 gadiem",
                 "longer than 20 years");  // 200 years
  // A year far from the records' (the server must not fall over on it).
  expect_refused("from=0001-01-01&to=2020-12-31", "from", "no 1900 līdz 2100", "from 1900 to 2100");
  expect_refused("from=2020-01-01&to=9999-12-31", "to", "no 1900 līdz 2100", "from 1900 to 2100");
  expect_refused("from=2005-01-01&to=2025-01-01", "to", "garāks par 20 gadiem",
                 "longer than 20 years");
  expect_refused("from=2025-02-29&to=2025-03-31", "from", "GGGG-MM-DD", "YYYY-MM-DD");
  expect_refused("from=2025-1-1", "from", "GGGG-MM-DD", "YYYY-MM-DD");
  expect_refused("from=2025-01-01&to=tomorrow", "to", "GGGG-MM-DD", "YYYY-MM-DD");
  expect_refused("municipality=Liepāja", "municipality", "pašvaldības numuru", "municipality id");
  expect_refused("department=x", "department", "daļas numuru", "department id");
  expect_refused("municipality=national&department=1", "department", "Valsts kopskatu",
                 "national view");
  expect_refused("format=docx", "format", "json, csv, xlsx vai pdf", "json, csv, xlsx or pdf");
  // Twenty years less a day is allowed; a single day is allowed.
  EXPECT_EQ(get("/api/v1/reports/statistics?from=2005-01-02&to=2025-01-01", director_).status, 200);
  EXPECT_EQ(get("/api/v1/reports/statistics?from=2024-02-29&to=2024-02-29", director_).status, 200);
}

TEST_P(ReportsApi, ScopesTheUserMayNotSeeAreRefused) {
  const std::string other = std::to_string(other_municipality_);
  // Another municipality: 403 for everyone, the director too; one that does not exist: 404.
  for (const test::As* who : {&director_, &worker_}) {
    const test::Answer a = get("/api/v1/reports/statistics?municipality=" + other, *who, "en");
    EXPECT_EQ(a.status, 403) << a.body.dump();
    EXPECT_NE(a.body["detail"].get<std::string>().find("another municipality"), std::string::npos)
        << a.body.dump();
  }
  EXPECT_EQ(get("/api/v1/reports/statistics?municipality=999999", director_).status, 404);
  // A department of another municipality does not exist here; one of hers she may not see: 403.
  EXPECT_EQ(
      get("/api/v1/reports/statistics?department=" + std::to_string(other_department_), director_)
          .status,
      404);
  EXPECT_EQ(get("/api/v1/reports/statistics?department=" + std::to_string(department("services")),
                worker_)
                .status,
            403);
  EXPECT_EQ(
      get("/api/v1/reports/statistics?department=" + std::to_string(department("social_work")),
          worker_)
          .status,
      200);
  // The national view: the director only.
  EXPECT_EQ(get("/api/v1/reports/statistics?municipality=national", worker_).status, 403);
  EXPECT_EQ(get("/api/v1/reports/statistics?municipality=national", director_).status, 200);
  // Her own municipality by id is the default scope.
  const test::Answer own = get("/api/v1/reports/statistics?municipality=1", director_);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["scope"]["municipality_id"], 1);
  // Roles without statistics.
  for (Role r : {Role::admin, Role::auditor, Role::partner}) {
    const test::As who = as(f_.user(std::string("r.") + std::string(access::role_name(r)), {r}));
    EXPECT_EQ(get("/api/v1/reports/statistics", who).status, 403);
    EXPECT_EQ(get("/api/v1/reports/statistics.xlsx", who).status, 403);
  }
  EXPECT_EQ(f_.call(Method::get, "/api/v1/reports/statistics").status, 401);
}

TEST_P(ReportsApi, ReadsExportsAndRefusalsAreAuditedWithTheirParameters) {
  auto count = [&](const std::string& where) {
    auto rows = f_.db().read([&](storage::Connection& c) {
      return c.query("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'statistics' AND " +
                     where);
    });
    return (*rows)[0].integer(0);
  };
  ASSERT_EQ(get("/api/v1/reports/statistics?from=2025-01-01&to=2025-12-31", director_).status, 200);
  EXPECT_EQ(count("action = 'read' AND entity_id = '1' AND outcome <> 'denied' AND reason = "
                  "'from=2025-01-01&to=2025-12-31&municipality=&department='"),
            1);
  ASSERT_EQ(
      get("/api/v1/reports/statistics.csv?from=2025-01-01&to=2025-12-31&municipality=national",
          director_)
          .status,
      200);
  EXPECT_EQ(count("action = 'export' AND entity_id = 'national' AND reason = "
                  "'from=2025-01-01&to=2025-12-31&municipality=national&department=&format=csv'"),
            1);
  ASSERT_EQ(get("/api/v1/reports/statistics?format=xlsx&from=2025-01-01", director_).status, 200);
  EXPECT_EQ(count("action = 'export' AND reason LIKE '%format=xlsx'"), 1);
  ASSERT_EQ(
      get("/api/v1/reports/statistics?municipality=" + std::to_string(other_municipality_), worker_)
          .status,
      403);
  EXPECT_EQ(
      count("outcome = 'denied' AND entity_id = '" + std::to_string(other_municipality_) + "'"), 1);
}

/// The cells of the first sheet of an XLSX file: reference ("B2") → text.
std::map<std::string, std::string> xlsx_cells(const std::string& bytes) {
  const std::string strings = test::tool_output(bytes, "unzip -p", "xl/sharedStrings.xml");
  const std::string sheet = test::tool_output(bytes, "unzip -p", "xl/worksheets/sheet1.xml");
  std::vector<std::string> shared;
  const std::regex si("<si>(.*?)</si>"), tag("<[^>]*>");
  for (auto it = std::sregex_iterator(strings.begin(), strings.end(), si);
       it != std::sregex_iterator(); ++it) {
    shared.push_back(std::regex_replace((*it)[1].str(), tag, ""));
  }
  std::map<std::string, std::string> cells;
  const std::regex cell("<c r=\"([A-Z]+[0-9]+)\"[^>]*t=\"s\"[^>]*><v>([0-9]+)</v></c>");
  for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), cell);
       it != std::sregex_iterator(); ++it) {
    cells[(*it)[1].str()] = shared.at(std::stoul((*it)[2].str()));
  }
  return cells;
}

TEST_P(ReportsApi, TheDownloadsHoldTheSameFigures) {
  const std::string query =
      "?from=2025-03-01&to=2025-03-31&department=" + std::to_string(department("social_work"));
  const test::Answer x = get("/api/v1/reports/statistics.xlsx" + query, director_);
  ASSERT_EQ(x.status, 200) << x.raw;
  EXPECT_EQ(x.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(x.header("Content-Disposition").find("statistika-2025-03-01-2025-03-31.xlsx"),
            std::string::npos);
  const auto cells = xlsx_cells(x.raw);
  ASSERT_FALSE(cells.empty()) << "unzip could not read the workbook";
  EXPECT_EQ(cells.at("A1"), "Sadaļa");
  EXPECT_EQ(cells.at("B1"), "Rādītājs");
  EXPECT_EQ(cells.at("E1"), "Vērtība");
  // Find the rapid-response rows: one acute intake, answered in time.
  std::map<std::string, std::string> rapid;
  for (int row = 2; cells.count("A" + std::to_string(row)); ++row) {
    const std::string r = std::to_string(row);
    if (cells.at("A" + r) == "intakes" && cells.count("C" + r) &&
        cells.at("C" + r).rfind("result=", 0) == 0) {
      rapid[cells.at("C" + r)] = cells.count("E" + r) ? cells.at("E" + r) : "";
      EXPECT_EQ(cells.at("B" + r), "Ātrā reaģēšana: pirmais kontakts 24 stundās");
      EXPECT_EQ(cells.at("D" + r), "intakes");
    }
  }
  EXPECT_EQ(rapid, (std::map<std::string, std::string>{
                       {"result=met", "1"}, {"result=late", "0"}, {"result=undecided", "0"}}));

  // The same as JSON and as CSV (English: the English titles).
  const test::Answer j = get("/api/v1/reports/statistics" + query, director_);
  const auto& rows = j.body["sections"]["intakes"]["rapid_response"]["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["result"], "met");
  EXPECT_EQ(rows[0]["intakes"], 1);
  EXPECT_EQ(rows[0]["suppressed"], false);
  const test::Answer c = get("/api/v1/reports/statistics.csv" + query, director_, "en");
  ASSERT_EQ(c.status, 200);
  EXPECT_EQ(c.raw.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(c.raw.find("Section;Figure;Breakdown;Quantity;Value;Note\r\n"), std::string::npos);
  EXPECT_NE(
      c.raw.find("intakes;Rapid response: first contact within 24 hours;result=met;intakes;1;\r\n"),
      std::string::npos)
      << c.raw;
  // ?format=csv is the same download.
  EXPECT_EQ(get("/api/v1/reports/statistics" + query + "&format=csv", director_, "en").raw, c.raw);
}

TEST_P(ReportsApi, NationalDownloadsSayWhatIsSuppressed) {
  const test::Answer x =
      get("/api/v1/reports/statistics.xlsx?from=2025-03-01&to=2025-03-31&municipality=national",
          director_);
  ASSERT_EQ(x.status, 200);
  const auto cells = xlsx_cells(x.raw);
  bool found = false;
  for (int row = 2; cells.count("A" + std::to_string(row)); ++row) {
    const std::string r = std::to_string(row);
    if (cells.count("C" + r) && cells.at("C" + r) == "result=met") {
      found = true;
      EXPECT_FALSE(cells.count("E" + r) && !cells.at("E" + r).empty())
          << "the value of a cell of one must not be shown";
      EXPECT_EQ(cells.at("F" + r), "slēpts: mazāk par 5");
    }
  }
  EXPECT_TRUE(found);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsApi, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
