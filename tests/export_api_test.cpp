// The persons list export over HTTP (streamed), on both engines: a known data set read back
// from CSV, XLSX (unzip) and PDF (pdftotext) row for row; nobody gets a person outside her scope
// (a worker, a department head, a director asking for another municipality or the national
// list); one audit entry per export with its parameters and row count; bad input refused with
// problem+json naming the field; and format=pdf and delimiter on the statistics and search exports.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/csv.h"
#include "core/date.h"
#include "registry/rules.h"
#include "support/app_fixture.h"
#include "support/pdf_text.h"

namespace atb {
namespace {

using access::Role;
using http::Method;
using Rows = std::vector<std::vector<std::string>>;

class ExportApi : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    // A department of the demo municipality with one team, and a second municipality with a
    // person of its own: the known world of these tests.
    auto made = f_.db().write([](storage::Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
      ATB_TRY_ASSIGN(m, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
      ATB_TRY_ASSIGN(d, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en)"
                                " VALUES (?, 'exp_dept', 'Eksporta daļa', 'Export department') RETURNING id",
                                storage::params(m[0].integer(0))));
      ATB_TRY(c.execute("INSERT INTO team (department_id, code, name_lv, name_en)"
                        " VALUES (?, 'exp_team', 'Eksporta komanda', 'Export team')",
                        storage::params(d[0].integer(0))));
      ATB_TRY_ASSIGN(o, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('valka',"
                                " 'Valkas novads', '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY(c.execute("INSERT INTO person (municipality_id, version, given_names, surname, birth_date,"
                        " sort_key, created_at, updated_at) VALUES (?, 1, 'Svešā', 'Nepiederīgā',"
                        " '1970-01-01', 'nepiederiga sveša', '2026-01-01T00:00:00.000Z',"
                        " '2026-01-01T00:00:00.000Z')",
                        storage::params(o[0].integer(0))));
      return std::pair{d[0].integer(0), o[0].integer(0)};
    });
    ASSERT_TRUE(made) << made.error().detail;
    department_ = made->first;
    other_municipality_ = made->second;
    clerk_ = as(f_.user("e.clerk", {Role::social_worker}, {"exp_team"}));
    head_ = as(f_.user("e.head", {Role::department_head}, {"exp_team"}));
    director_ = as(f_.user("e.director", {Role::director}));
    worker_ = as(f_.user("e.worker", {Role::social_worker}, {"families"}));
    families_head_ = as(f_.user("e.fhead", {Role::department_head}, {"families"}));
    // The known persons, registered in the export team.
    const std::vector<std::array<std::string, 3>> people{
        {"Anna", "Bērziņa", "1990-01-01"}, {"Jānis", "Ozols", "1987-05-14"},
        {"Žanis", "Ķēniņš", "2001-12-31"}, {"Līga", "Šmite-Ūdre", "1975-07-21"}};
    const registry::Address address{"", "Liepāja", "Graudu iela", "12", "3", "LV-3401"};
    for (const auto& [given, surname, born] : people) {
      const nlohmann::json body{{"given_names", given}, {"surname", surname}, {"birth_date", born},
                                {"confirm_duplicates", true},
                                {"declared_address", {{"locality", address.locality}, {"street", address.street},
                                                      {"house", address.house}, {"flat", address.flat},
                                                      {"postal_code", address.postal_code}}}};
      const test::Answer a = f_.call(Method::post, "/api/v1/persons", clerk_, body.dump());
      ASSERT_EQ(a.status, 201) << a.body.dump();
      expected_.push_back({std::to_string(a.body["id"].get<std::int64_t>()), given, surname, "", born,
                           registry::address_line(address), today_riga().iso(), "liepaja"});
    }
  }

  static test::As as(const test::TestUser& u) { return test::As{u.session_token, u.csrf, "", "lv"}; }

  test::Answer get(const std::string& target, const test::As& who) {
    return f_.call(Method::get, target, who);
  }

  std::int64_t count(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows) << sql;
    return rows ? (*rows)[0].integer(0) : -1;
  }

  /// The rows of a CSV export (header checked and dropped).
  static Rows csv_rows(const std::string& bytes) {
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    auto reader = csv::Reader::open(bytes);
    EXPECT_TRUE(reader);
    Rows rows;
    if (!reader) return rows;
    std::vector<std::string> fields;
    while (true) {
      auto more = reader->next(fields);
      if (!more || !*more) break;
      rows.push_back(fields);
    }
    return rows;
  }

  /// Asserts a problem answer with `status` naming `field`.
  void expect_problem(const std::string& target, const test::As& who, int status, const std::string& field) {
    const test::Answer a = get(target, who);
    ASSERT_EQ(a.status, status) << target << ": " << a.raw;
    EXPECT_EQ(a.content_type, "application/problem+json") << target;
    EXPECT_FALSE(a.streamed) << target;
    if (!field.empty()) {
      ASSERT_GE(a.body["errors"].size(), 1u) << target << ": " << a.body.dump();
      EXPECT_EQ(a.body["errors"][0]["field"], field) << target << ": " << a.body.dump();
      EXPECT_FALSE(a.body["errors"][0]["message"].get<std::string>().empty());
    }
  }

  test::AppFixture f_{GetParam()};
  std::int64_t department_ = 0, other_municipality_ = 0;
  test::As clerk_, head_, director_, worker_, families_head_;
  Rows expected_;
};

TEST_P(ExportApi, TheHeadGetsExactlyHerDepartmentsPersonsStreamed) {
  const test::Answer a = get("/api/v1/reports/persons.csv", head_);
  ASSERT_EQ(a.status, 200) << a.raw;
  EXPECT_TRUE(a.streamed);
  EXPECT_EQ(a.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(a.header("Content-Disposition").find("personas-"), std::string::npos);
  EXPECT_EQ(a.header("X-Export-Rows"), "4");
  EXPECT_EQ(a.raw.substr(3, a.raw.find("\r\n") - 3),
            "ID;Vārdi;Uzvārds;Personas kods;Dzimšanas datums;Adrese;Pirmoreiz reģistrēta;Pašvaldība");
  EXPECT_EQ(csv_rows(a.raw), expected_);
  // One audit entry: the export, its parameters and row count.
  auto entries = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT username, entity_id, reason, outcome FROM audit_log WHERE action = 'export'"
                   " AND entity_type = 'person'");
  });
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].text(0), "e.head");
  EXPECT_EQ((*entries)[0].text(2), "format=csv; rows=4");
  EXPECT_EQ((*entries)[0].text(3), "ok");
}

TEST_P(ExportApi, TheDirectorGetsHerMunicipalityNeverAnother) {
  const test::Answer all = get("/api/v1/reports/persons.csv?delimiter=comma", director_);
  ASSERT_EQ(all.status, 200) << all.raw;
  EXPECT_EQ(all.raw.compare(3, 13, "ID,Vārdi,Uzv"), 0) << all.raw.substr(0, 40);
  const Rows rows = csv_rows(all.raw);
  // Every person of her municipality (counted independently), in id order, none of Valka.
  EXPECT_EQ(static_cast<std::int64_t>(rows.size()),
            count("SELECT COUNT(*) FROM person p JOIN municipality m ON m.id = p.municipality_id"
                  " WHERE m.code = 'liepaja' AND p.merged_into_id IS NULL"));
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::stoll(a[0]) < std::stoll(b[0]);
  }));
  for (const auto& row : rows) {
    EXPECT_EQ(row[7], "liepaja");
    EXPECT_NE(row[2], "Nepiederīgā");
  }
  for (const auto& person : expected_) EXPECT_NE(std::find(rows.begin(), rows.end(), person), rows.end());
  // Her department only, and the period of first registration.
  const std::string dept = std::to_string(department_);
  EXPECT_EQ(csv_rows(get("/api/v1/reports/persons.csv?department=" + dept, director_).raw), expected_);
  const std::string today = today_riga().iso();
  EXPECT_EQ(csv_rows(get("/api/v1/reports/persons.csv?department=" + dept + "&from=" + today + "&to=" + today,
                         director_).raw),
            expected_);
  EXPECT_TRUE(csv_rows(get("/api/v1/reports/persons.csv?department=" + dept + "&from=2020-01-01&to=2020-12-31",
                           director_).raw).empty());
}

TEST_P(ExportApi, NobodyGetsRowsOutsideHerScope) {
  // A social worker may not export the list at all (search export only).
  expect_problem("/api/v1/reports/persons.csv", clerk_, 403, "");
  expect_problem("/api/v1/reports/persons.xlsx", worker_, 403, "");
  // Another municipality, the national list, a department that is not hers.
  const std::string other = std::to_string(other_municipality_);
  expect_problem("/api/v1/reports/persons.csv?municipality=" + other, director_, 403, "");
  expect_problem("/api/v1/reports/persons.csv?municipality=national", director_, 403, "municipality");
  expect_problem("/api/v1/reports/persons.csv?department=" + std::to_string(department_), families_head_, 403, "");
  // The families head sees none of the export department's persons.
  const test::Answer families = get("/api/v1/reports/persons.csv", families_head_);
  ASSERT_EQ(families.status, 200) << families.raw;
  for (const auto& row : csv_rows(families.raw)) {
    for (const auto& person : expected_) EXPECT_NE(row[0], person[0]);
    EXPECT_NE(row[2], "Nepiederīgā");
  }
  // Refusals of a scope are audited as denied; no export entry was written for them.
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND outcome = 'denied'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND outcome = 'ok'"
                  " AND username <> 'e.fhead'"), 0);
}

TEST_P(ExportApi, BadInputIsRefusedNamingTheField) {
  expect_problem("/api/v1/reports/persons.csv?delimiter=tab", head_, 422, "delimiter");
  expect_problem("/api/v1/reports/persons.csv?from=2026-05-01&to=2026-01-01", head_, 422, "to");
  expect_problem("/api/v1/reports/persons.csv?from=2026-02-30", head_, 422, "from");
  expect_problem("/api/v1/reports/persons.csv?from=1901-01-01&to=2026-01-01", head_, 422, "to");  // > 20 years
  expect_problem("/api/v1/reports/persons.csv?from=1800-01-01&to=2026-01-01", head_, 422, "from");
  expect_problem("/api/v1/reports/persons.csv?department=x", director_, 422, "department");
  expect_problem("/api/v1/reports/persons.csv?municipality=abc", director_, 422, "municipality");
  expect_problem("/api/v1/reports/statistics?format=docx", director_, 422, "format");
  expect_problem("/api/v1/reports/statistics.csv?delimiter=pipe", director_, 422, "delimiter");
  expect_problem("/api/v1/persons/export?q=Anna&format=docx", head_, 422, "format");
  expect_problem("/api/v1/persons/export?q=Anna&delimiter=x", head_, 422, "delimiter");
  EXPECT_EQ(get("/api/v1/reports/persons.json", head_).status, 404);
}

TEST_P(ExportApi, XlsxOfTheStreamedExportReadsBack) {
  const test::Answer a = get("/api/v1/reports/persons.xlsx", head_);
  ASSERT_EQ(a.status, 200) << a.raw;
  EXPECT_TRUE(a.streamed);
  ASSERT_EQ(a.raw.substr(0, 2), "PK");
  const std::string sheet = test::tool_output(a.raw, "unzip -p", "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty()) << "unzip could not read the workbook";
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  for (const auto& person : expected_) {
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NE(sheet.find(">" + person[i] + "<"), std::string::npos) << person[i];
  }
  EXPECT_NE(sheet.find("Pirmoreiz reģistrēta"), std::string::npos);
  EXPECT_NE(sheet.find("r=\"5\""), std::string::npos);   // header + 4 rows
  EXPECT_EQ(sheet.find("r=\"6\""), std::string::npos);
  EXPECT_EQ(sheet.find("Nepiederīgā"), std::string::npos);
}

TEST_P(ExportApi, PdfOfThePersonsStatisticsAndSearch) {
  const test::Answer persons = get("/api/v1/reports/persons.pdf", head_);
  ASSERT_EQ(persons.status, 200) << persons.raw;
  EXPECT_EQ(persons.content_type, "application/pdf");
  const std::string text = test::flat(test::pdf_text(persons.raw));
  for (const char* t : {"Personas", "Uzvārds", "Bērziņa", "Ķēniņš", "Šmite-Ūdre", "Žanis", "Lapa 1 no 1"})
    EXPECT_NE(text.find(t), std::string::npos) << t << " in " << text;
  const test::Answer stats = get("/api/v1/reports/statistics.pdf?from=2025-01-01&to=2025-12-31", director_);
  ASSERT_EQ(stats.status, 200) << stats.raw;
  EXPECT_EQ(stats.content_type, "application/pdf");
  const std::string stext = test::flat(test::pdf_text(stats.raw));
  EXPECT_NE(stext.find("Statistika 2025-01-01 – 2025-12-31"), std::string::npos) << stext.substr(0, 400);
  EXPECT_NE(stext.find("Rādītājs"), std::string::npos);
  EXPECT_EQ(get("/api/v1/reports/statistics?format=pdf&from=2025-01-01&to=2025-12-31", director_).content_type,
            "application/pdf");
  const test::Answer search = get("/api/v1/persons/export?q=Bērziņa&format=pdf", clerk_);
  ASSERT_EQ(search.status, 200) << search.raw;
  EXPECT_NE(test::flat(test::pdf_text(search.raw)).find("Bērziņa"), std::string::npos);
  // The search export's CSV with commas.
  const test::Answer comma = get("/api/v1/persons/export?q=Bērziņa&delimiter=comma", clerk_);
  ASSERT_EQ(comma.status, 200);
  EXPECT_EQ(comma.raw.compare(3, 14, "Vārdi,Uzvārd"), 0) << comma.raw.substr(0, 40);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity_type = 'statistics'"
                  " AND reason LIKE '%format=pdf%'"), 2);  // statistics.pdf and statistics?format=pdf
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportApi, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
