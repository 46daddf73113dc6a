// `atbalsts import persons FILE` as a user runs it, on both engines: the real binary, its exit
// codes, its report on standard output and its progress on standard error.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/databases.h"
#include "support/server_process.h"

namespace atb::test {
namespace {

/// What a run of the binary printed and how it ended.
struct CliRun {
  int code = -1;
  std::string out;  ///< standard output
  std::string err;  ///< standard error
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class ImportCli : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_binary({"demo", "--database", db_.url()}), 0);
    db_handle_ = db_.open(1);
  }

  /// Runs `atbalsts import persons FILE --database URL ARGS…` with LANG=C.
  CliRun import(const std::string& file, const std::string& args) {
    const std::string out = dir_ + "/out.txt", err = dir_ + "/err.txt";
    const std::string cmd = "LANG=C " + std::string(ATBALSTS_BINARY) + " import persons '" + file + "' --database '" +
                            db_.url() + "' " + args + " >'" + out + "' 2>'" + err + "'";
    CliRun r;
    const int status = std::system(cmd.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }
  std::string file(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::int64_t count(const std::string& sql) {
    auto rows = db_handle_->read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows) << sql;
    return rows ? (*rows)[0].integer(0) : -1;
  }

  ScratchDatabase db_{GetParam()};
  std::shared_ptr<storage::Database> db_handle_;
  std::string dir_ = temp_dir();
};

const std::string kGood =
    "\xEF\xBB\xBFgiven_names;surname;personal_code;birth_date;phone;street;house;locality;postal_code\r\n"
    "Zane;Sproģe;120577-11232;;+371 29000001;Kuršu iela;7;Liepāja;LV-3401\r\n"
    "Uldis;Liepiņš;;10.10.1969;;;;;\r\n";

TEST_P(ImportCli, GoodFileIsImportedAndAudited) {
  const std::string path = file("good.csv", kGood);
  const std::int64_t before = count("SELECT COUNT(*) FROM person");
  CliRun dry = import(path, "--team families --user anna --dry-run --lang en");
  EXPECT_EQ(dry.code, 0) << dry.out << dry.err;
  EXPECT_NE(dry.out.find("nothing was written (--dry-run)"), std::string::npos) << dry.out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import_check' AND username = 'anna'"), 1);

  CliRun real = import(path, "--team families --user anna --lang en");
  ASSERT_EQ(real.code, 0) << real.out << real.err;
  EXPECT_NE(real.out.find("Imported 2 persons into team families."), std::string::npos) << real.out;
  EXPECT_NE(real.err.find("100%"), std::string::npos) << real.err;  // progress on standard error
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), before + 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person p JOIN person_registration r ON r.person_id = p.id"
                  " JOIN team t ON t.id = r.team_id WHERE p.surname = 'Sproģe' AND t.code = 'families'"
                  " AND p.birth_date = '1977-05-12'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND username = 'anna'"
                  " AND reason LIKE '2 persons imported from good.csv%'"), 1);
  EXPECT_EQ(run_binary({"audit", "verify", "--database", db_.url()}), 0);

  // The same file again: every code and the other person are now duplicates of nothing but
  // the code check blocks the first row; nothing is written.
  CliRun twice = import(path, "--team families --lang en");
  EXPECT_EQ(twice.code, 1) << twice.out;
  EXPECT_NE(twice.out.find("row 1, column personal_code: A person with this personal code is already registered."),
            std::string::npos) << twice.out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), before + 2);
}

TEST_P(ImportCli, BadRowsAreReportedWithRowAndColumnAndNothingIsWritten) {
  const std::string path = file("bad.csv",
                                "given_names,surname,personal_code,birth_date\n"
                                "Jānis,Kalns,,1980-01-01\n"
                                "Pēteris,Egle,010190-10007,\n"
                                "Ilze,,,1990-01-01\n");
  const std::int64_t before = count("SELECT COUNT(*) FROM person");
  CliRun en = import(path, "--team adults --lang en");
  EXPECT_EQ(en.code, 1) << en.out << en.err;
  EXPECT_NE(en.out.find("Rows: 3; valid: 1; bad rows: 2."), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("row 2, column personal_code: "), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("row 3, column surname: "), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("Nothing was written."), std::string::npos) << en.out;
  CliRun lv = import(path, "--team adults --lang lv");
  EXPECT_EQ(lv.code, 1);
  EXPECT_NE(lv.out.find("rinda 2, kolonna personal_code: Personas koda kontrolcipars nav pareizs."), std::string::npos) << lv.out;
  CliRun both = import(path, "--team adults");  // LANG=C: both languages
  EXPECT_NE(both.out.find("Personas koda kontrolcipars nav pareizs."), std::string::npos) << both.out;
  EXPECT_NE(both.out.find(" / row 2, column personal_code: "), std::string::npos) << both.out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND outcome = 'failed'"), 3);
}

TEST_P(ImportCli, Windows1257IsRefusedUnlessAskedAndThenConverted) {
  // "Bērziņa;Līga" in Windows-1257: ē = 0xE7, ņ = 0xF2, ī = 0xEE.
  const std::string path = file("win.csv", "surname;given_names;birth_date\r\nB\xE7rzi\xF2" "a;L\xEEga;1991-03-04\r\n");
  CliRun refused = import(path, "--team families --lang en");
  EXPECT_EQ(refused.code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("error: "), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("UTF-8"), std::string::npos) << refused.err;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE birth_date = '1991-03-04'"), 0);
  CliRun converted = import(path, "--team families --encoding windows-1257 --lang en");
  ASSERT_EQ(converted.code, 0) << converted.out << converted.err;
  EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE surname = 'Bērziņa' AND given_names = 'Līga'"), 1);
  CliRun unknown = import(path, "--team families --encoding latin-1 --lang en");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--encoding is utf-8 or windows-1257"), std::string::npos) << unknown.err;
}

TEST_P(ImportCli, MissingColumnUnknownTeamAndUserAreFileLevelErrors) {
  const std::string path = file("cols.csv", "given_names;birth_date\nAnna;1990-01-01\n");
  CliRun missing = import(path, "--team families --lang en");
  EXPECT_EQ(missing.code, 2) << missing.out << missing.err;
  EXPECT_NE(missing.err.find("surname: The required column \"surname\" is missing."), std::string::npos) << missing.err;
  const std::string good = file("good.csv", kGood);
  EXPECT_EQ(import(good, "--team nosuchteam --lang en").code, 2);
  CliRun nobody = import(good, "--team families --user nobody --lang en");
  EXPECT_EQ(nobody.code, 2);
  EXPECT_NE(nobody.err.find("there is no user nobody"), std::string::npos) << nobody.err;
  EXPECT_EQ(import(dir_ + "/no-such-file.csv", "--team families").code, 2);
}

TEST_P(ImportCli, OversizeFileIsRefusedBeforeItIsRead) {
  // A sparse 10 GB file: refused from its size alone, at once.
  const std::string huge = dir_ + "/huge.csv";
  std::ofstream(huge) << "given_names;surname\n";
  std::filesystem::resize_file(huge, 10'000'000'000ull);
  const auto start = std::chrono::steady_clock::now();
  CliRun r = import(huge, "--team families --lang en");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("10000000000 bytes (9.3 GiB), more than the limit of 1073741824 bytes (1.0 GiB, --max-size)"),
            std::string::npos) << r.err;
  std::filesystem::remove(huge);
  // And the limit is the option's.
  const std::string small = file("small.csv", kGood);
  EXPECT_EQ(import(small, "--team families --max-size 100 --lang en").code, 2);
  EXPECT_EQ(import(small, "--team families --max-size 100000 --dry-run --lang en").code, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportCli, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
