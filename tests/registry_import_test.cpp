// Importing persons from CSV on both engines: a dry run reports every bad row, the real run
// writes all rows or nothing; encodings; the upload endpoint with its job.
#include <chrono>
#include <thread>

#include "registry/importer.h"
#include "registry/personal_code.h"
#include "registry_test_support.h"

namespace atb::test {
namespace {

using http::Method;

class RegistryImport : public RegistryTest {
 protected:
  registry::ImportOptions options(bool dry_run) {
    registry::ImportOptions o;
    o.dry_run = dry_run;
    o.municipality_id = 1;
    auto team = f_.db().read([](storage::Connection& c) {
      return c.query("SELECT t.id, t.department_id FROM team t WHERE t.code = 'families'");
    });
    o.registration = registry::NewRegistration{(*team)[0].integer(1), (*team)[0].integer(0), "2026-01-05", "other", 0};
    return o;
  }
  Result<registry::ImportReport> run(const std::string& csv, bool dry_run, bool win1257 = false) {
    auto o = options(dry_run);
    o.windows1257 = win1257;
    return registry::import_persons(f_.db(), csv, o);
  }
};

const std::string kGood =
    "\xEF\xBB\xBFsurname;given_names;birth_date;phone;street;house;locality;postal_code\r\n"
    "Sproģe;Zane;12.05.1977;+371 29000001;Kuršu iela;7;Liepāja;LV-3401\r\n"
    "\"Liepiņš\";\"Uldis\";1969-10-10;;;;;\r\n";

TEST_P(RegistryImport, GoodFileIsImportedAndSearchable) {
  auto dry = run(kGood, true);
  ASSERT_TRUE(dry) << dry.error().message.en;
  EXPECT_EQ(dry->valid_rows, 2u);
  EXPECT_EQ(dry->imported_rows, 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE surname = 'Sproģe'"), 0);
  auto real = run(kGood, false);
  ASSERT_TRUE(real);
  EXPECT_EQ(real->imported_rows, 2u);
  const Answer a = search("sproge zane", worker_);
  ASSERT_EQ(a.body["items"].size(), 1u);
  EXPECT_EQ(a.body["items"][0]["birth_date"], "1977-05-12");
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_registration r JOIN person p ON p.id = r.person_id WHERE p.surname = 'Liepiņš'"), 1);
}

TEST_P(RegistryImport, BadRowsAreAllReportedAndNothingIsWritten) {
  const std::string csv =
      "given_names,surname,personal_code,birth_date\n"
      "Jānis,Kalns,,1980-01-01\n"
      "Pēteris,Egle,010190-10007,\n"        // wrong check digit
      "Ilze,,,1990-01-01\n"                 // no surname
      "Aiga,Roze,,2099-01-01\n"             // future
      "Kaspars,Lazda,,1980-02-30\n"         // impossible date
      "Oskars,Lapa\n";                      // missing column
  const std::int64_t persons = count("SELECT COUNT(*) FROM person");
  auto report = run(csv, false);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total_rows, 6u);
  EXPECT_EQ(report->valid_rows, 1u);
  EXPECT_EQ(report->imported_rows, 0u);
  ASSERT_GE(report->errors.size(), 5u);
  EXPECT_EQ(report->errors[0].row, 2u);
  EXPECT_EQ(report->errors[0].column, "personal_code");
  EXPECT_EQ(report->errors[0].message.lv, "Personas koda kontrolcipars nav pareizs.");
  EXPECT_EQ(report->errors[1].row, 3u);
  EXPECT_EQ(report->errors[1].column, "surname");
  EXPECT_EQ(report->errors[2].column, "birth_date");
  EXPECT_EQ(report->errors[4].row, 6u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), persons);
}

TEST_P(RegistryImport, FileLevelProblemsAreRefused) {
  auto missing = run("given_names;birth_date\nAnna;1990-01-01\n", true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields[0].field, "surname");
  auto unknown = run("given_names;surname;vecums\nAnna;Roze;30\n", true);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields[0].field, "vecums");
  // "Šķēle" in Windows-1257: refused unless asked, converted when asked.
  const std::string win = "given_names;surname;birth_date\nAnna;\xD0\xED\xE7le;1980-01-01\n";
  EXPECT_FALSE(run(win, true));
  auto converted = run(win, false, true);
  ASSERT_TRUE(converted) << converted.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE surname = 'Šķēle'"), 1);
  // Duplicates of a registered code, and within the file.
  const std::string anna = "given_names;surname;personal_code\nAnna;Zvaigzne;" +
                           f_.db().read([](storage::Connection& c) {
                                return c.query("SELECT personal_code FROM person WHERE given_names = 'Anna' AND surname = 'Bērziņa'");
                              })->rows[0].text(0) + "\n";
  auto taken = run(anna, true);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->errors.at(0).column, "personal_code");
}

TEST_P(RegistryImport, UploadRunsAsAJobWithProgress) {
  const Answer started = f_.call(Method::post, "/api/v1/imports/persons?dry_run=false", worker_, kGood);
  ASSERT_EQ(started.status, 202) << started.body.dump();
  const std::string url = "/api/v1/imports/" + started.body["id"].get<std::string>();
  Answer status;
  for (int i = 0; i < 200; ++i) {
    status = f_.call(Method::get, url, worker_);
    if (status.body["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(status.body["state"], "done") << status.body.dump();
  EXPECT_EQ(status.body["imported_rows"], 2);
  EXPECT_EQ(status.body["processed_rows"], 2);
  EXPECT_EQ(f_.call(Method::get, url, supervisor_).status, 404);  // only its owner
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"), 1);
  EXPECT_EQ(f_.call(Method::post, "/api/v1/imports/persons?encoding=latin1", worker_, kGood).status, 422);
}

TEST_P(RegistryImport, AnOversizedUploadIsRefusedWith413) {
  const std::string huge(51 * 1024 * 1024, 'a');
  const Answer a = f_.call(Method::post, "/api/v1/imports/persons?dry_run=true", worker_, huge);
  EXPECT_EQ(a.status, 413);
  EXPECT_EQ(a.body["status"], 413);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryImport, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
