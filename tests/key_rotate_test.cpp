// `atbalsts key rotate` on both engines: notes and documents written through the API are
// re-sealed under a new key in batches, the old key is retired, and everything still opens with
// the new key file; an interrupted rotation is finished by running it again (without adding yet
// another key); a value that does not open is reported and keeps its key from being retired.
#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "app/key_commands.h"
#include "case_test_support.h"
#include "core/date.h"
#include "core/sealed_text.h"

namespace atb::test {
namespace {

using nlohmann::json;

const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n";

class KeyRotateTest : public CaseTest {
 protected:
  void SetUp() override {
    CaseTest::SetUp();
    // A private copy of the key file (the fixture's is shared by the tests of this process).
    key_file_ = f_.app().config().key_file + ".rotate-" + std::to_string(::getpid()) + "-" +
                std::to_string(++files_);
    std::filesystem::copy_file(f_.app().config().key_file, key_file_, std::filesystem::copy_options::overwrite_existing);
    const json k = open_case();
    const std::string notes = "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + "/notes";
    for (int n = 0; n < 5; ++n) {
      const std::string text = "Piezīme Nr. " + std::to_string(n) + ": ģimene sadarbojas.";
      const Answer a = post(notes, {{"kind", "visit"}, {"occurred_on", today_riga().iso()}, {"text", text}}, worker_);
      ASSERT_EQ(a.status, 201) << a.body.dump();
      texts_[a.body["id"].get<std::int64_t>()] = text;
    }
    for (int n = 0; n < 2; ++n) {
      const Answer d = f_.call(http::Method::post, "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) +
                                                       "/documents?name=d" + std::to_string(n) + ".pdf",
                               worker_, kPdf);
      ASSERT_EQ(d.status, 201) << d.body.dump();
    }
  }
  void TearDown() override { std::filesystem::remove(key_file_); }

  /// Every sealed value of notes and documents.
  std::vector<std::pair<std::int64_t, std::string>> values(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const storage::Row& r : *rows) out.emplace_back(r.integer(0), r.text(1));
    return out;
  }
  /// Runs the command with small batches; its exit code, output in out_.
  int rotate() {
    std::ostringstream out, err;
    const int code = app::key_rotate_command(f_.db(), key_file_, out, err, {.note_batch = 2, .document_batch = 1});
    out_ = out.str();
    err_ = err.str();
    return code;
  }
  /// Every note and document opens with the key file as it is now, under key `id`.
  void expect_all_under(std::uint32_t id) {
    auto ring = Keyring::load(key_file_);
    ASSERT_TRUE(ring) << ring.error().detail;
    EXPECT_EQ(ring->current_id(), id);
    for (const auto& [note, sealed] : values("SELECT id, text_sealed FROM case_note")) {
      EXPECT_EQ(Keyring::key_id(sealed), id);
      const auto text = ring->open(sealed);
      ASSERT_TRUE(text) << text.error().detail;
      EXPECT_EQ(*text, texts_[note]);
    }
    for (const auto& [doc, sealed] : values("SELECT id, content_sealed FROM case_document")) {
      EXPECT_EQ(Keyring::key_id(sealed), id);
      const auto bytes = ring->open(sealed);
      ASSERT_TRUE(bytes) << bytes.error().detail;
      EXPECT_EQ(*bytes, kPdf);
    }
  }

  std::string key_file_, out_, err_;
  std::map<std::int64_t, std::string> texts_;
  static inline int files_ = 0;
};

TEST_P(KeyRotateTest, ReSealsEverythingAndRetiresTheOldKey) {
  auto before = Keyring::load(key_file_);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->ids(), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(rotate(), 0) << out_ << err_;
  EXPECT_NE(out_.find("Key 2 added"), std::string::npos) << out_;
  EXPECT_NE(out_.find("notes: 5 of 5 re-sealed"), std::string::npos) << out_;
  EXPECT_NE(out_.find("documents: 2 of 2 re-sealed"), std::string::npos) << out_;
  EXPECT_NE(out_.find("Key 1 retired"), std::string::npos) << out_;
  expect_all_under(2);
  EXPECT_EQ(Keyring::load(key_file_)->ids(), (std::vector<std::uint32_t>{2}));
  // Old backups (values under key 1) no longer open with the key file.
  EXPECT_FALSE(Keyring::load(key_file_)->open(before->seal("vecs")));

  // The next rotation adds key 3 and retires key 2.
  EXPECT_EQ(rotate(), 0) << out_ << err_;
  EXPECT_NE(out_.find("Key 3 added"), std::string::npos) << out_;
  expect_all_under(3);
}

TEST_P(KeyRotateTest, RunningAgainFinishesAnInterruptedRotation) {
  // As if a run stopped after adding key 2 and re-sealing one note.
  ASSERT_EQ(*Keyring::add_key(key_file_), 2u);
  const auto ring = Keyring::load(key_file_);
  const auto first = values("SELECT id, text_sealed FROM case_note ORDER BY id")[0];
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE case_note SET text_sealed = ? WHERE id = ?",
                      storage::params(*ring->reseal(first.second), first.first)));
    return ok();
  }));
  EXPECT_EQ(rotate(), 0) << out_ << err_;
  EXPECT_NE(out_.find("Continuing the unfinished rotation to key 2"), std::string::npos) << out_;
  EXPECT_NE(out_.find("notes: 4 of 4 re-sealed"), std::string::npos) << out_;
  expect_all_under(2);
}

TEST_P(KeyRotateTest, AValueThatDoesNotOpenKeepsItsKey) {
  const auto first = values("SELECT id, text_sealed FROM case_note ORDER BY id")[0];
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE case_note SET text_sealed = ? WHERE id = ?", storage::params("k1:AAAAbojāts", first.first)));
    return ok();
  }));
  EXPECT_EQ(rotate(), 1) << out_ << err_;
  EXPECT_NE(err_.find("case_note " + std::to_string(first.first) + ": cannot be opened"), std::string::npos) << err_;
  EXPECT_NE(out_.find("Key 1 is still used"), std::string::npos) << out_;
  EXPECT_EQ(Keyring::load(key_file_)->ids(), (std::vector<std::uint32_t>{1, 2}));
  // Once the bad value is dealt with, running again retires key 1.
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("DELETE FROM case_note WHERE id = ?", storage::params(first.first)));
    return ok();
  }));
  texts_.erase(first.first);
  EXPECT_EQ(rotate(), 0) << out_ << err_;
  EXPECT_NE(out_.find("notes: 0 to re-seal"), std::string::npos) << out_;
  expect_all_under(2);
}

INSTANTIATE_TEST_SUITE_P(Engines, KeyRotateTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
