// The read journal (audit/journal.h): entries are durable there first and join the hash chain
// in batches — on flush, within the interval, when the log stops and at the next start — in
// their order, each exactly once, and whatever reads the chain sees them.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "app/admin_commands.h"
#include "audit/drain.h"
#include "audit/log.h"
#include "audit/seal.h"
#include "audit/store.h"
#include "storage/migrations.h"
#include "support/app_fixture.h"
#include "support/databases.h"

namespace atb::audit {
namespace {

using storage::params;

Entry read_of(int n) {
  Entry e;
  e.user_id = 3;
  e.username = "anna";
  e.role = "social_worker";
  e.action = "read";
  e.entity_type = "person";
  e.entity_id = std::to_string(n);
  e.request_id = "r" + std::to_string(n);
  return e;
}

class AuditJournalTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    const std::string dir = test::temp_dir();
    auto box = SecretBox::open_or_create(dir + "/journal.key");
    ASSERT_TRUE(box);
    set_seal_key_from(*box);
    journal_path_ = dir + "/reads-audit-journal";
    db_ = scratch_.open();
    ASSERT_TRUE(storage::migrate(*db_));
  }

  /// The entity ids of the chain, in chain order.
  std::vector<std::string> chain() {
    auto rows = db_->read([](storage::Connection& c) {
      return c.query("SELECT entity_id FROM audit_log ORDER BY seq");
    });
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().detail);
    std::vector<std::string> out;
    for (const storage::Row& r : *rows) out.push_back(r.text(0));
    return out;
  }

  bool chain_verifies() {
    auto v = db_->read([](storage::Connection& c) { return verify_chain(c); });
    return v && v->ok;
  }

  std::unique_ptr<AuditLog> open_log(std::chrono::milliseconds every = std::chrono::hours(1)) {
    auto log = AuditLog::with_journal(db_, journal_path_, every);
    EXPECT_TRUE(log) << (log ? "" : log.error().detail);
    return log ? std::move(*log) : nullptr;
  }

  test::ScratchDatabase scratch_{GetParam()};
  std::shared_ptr<storage::Database> db_;
  std::string journal_path_;
};

TEST_P(AuditJournalTest, EntriesWaitInTheJournalUntilFlushedThenJoinTheChainInOrder) {
  auto log = open_log();
  ASSERT_TRUE(log->flush());  // the drain at start is done
  for (int n = 1; n <= 5; ++n) ASSERT_TRUE(log->record(read_of(n)));
  EXPECT_TRUE(chain().empty());  // durable in the journal, not yet in the chain

  ASSERT_TRUE(log->flush());
  EXPECT_EQ(chain(), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_TRUE(chain_verifies());
  auto journal = Journal::open(journal_path_);
  ASSERT_TRUE(journal);
  auto left = (*journal)->pending(0, 10);
  ASSERT_TRUE(left);
  EXPECT_TRUE(left->empty());  // the journal forgets what the chain holds
}

TEST_P(AuditJournalTest, TheChainTakesTheJournalWithinTheInterval) {
  auto log = open_log(std::chrono::milliseconds(50));
  ASSERT_TRUE(log->record(read_of(1)));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (chain().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(chain(), std::vector<std::string>{"1"});
}

TEST_P(AuditJournalTest, StoppingTheLogMovesWhatTheJournalHolds) {
  {
    auto log = open_log();
    ASSERT_TRUE(log->record_all({read_of(1), read_of(2)}));
  }
  EXPECT_EQ(chain(), (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(chain_verifies());
}

TEST_P(AuditJournalTest, AnEntryTheChainTookBeforeACrashIsNotAppendedAgain) {
  // A run appended three entries to the journal; its last drain committed the first two to the
  // chain (with the mark) and stopped before removing them from the journal.
  auto journal = Journal::open(journal_path_);
  ASSERT_TRUE(journal);
  std::vector<Entry> three{read_of(1), read_of(2), read_of(3)};
  ASSERT_TRUE((*journal)->append(three));
  auto first_two = (*journal)->pending(0, 2);
  ASSERT_TRUE(first_two);
  ASSERT_TRUE(db_->write([&](storage::Connection& c) -> Result<void> {
    std::vector<Entry> taken{(*first_two)[0].entry, (*first_two)[1].entry};
    ATB_TRY(append(c, taken));
    ATB_TRY(c.execute("INSERT INTO audit_journal_mark (journal_uid, mark) VALUES (?, ?)",
                      params((*journal)->uid(), (*first_two)[1].id)));
    return ok();
  }));

  auto log = open_log();  // the next start drains
  ASSERT_TRUE(log->flush());
  EXPECT_EQ(chain(), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_TRUE(chain_verifies());
}

TEST_P(AuditJournalTest, AReplacedJournalFileIsTakenFromItsStart) {
  // The mark of another journal (a file since removed) does not hide this one's entries.
  ASSERT_TRUE(db_->write([](storage::Connection& c) {
    return c.execute("INSERT INTO audit_journal_mark (journal_uid, mark) VALUES ('gone', 1000)");
  }));
  auto log = open_log();
  ASSERT_TRUE(log->record(read_of(1)));
  ASSERT_TRUE(log->flush());
  EXPECT_EQ(chain(), std::vector<std::string>{"1"});
}

TEST_P(AuditJournalTest, TwoProcessesDrainingOneJournalAppendEachEntryOnce) {
  auto writer = Journal::open(journal_path_);
  ASSERT_TRUE(writer);
  std::vector<Entry> entries;
  for (int n = 1; n <= 60; ++n) entries.push_back(read_of(n));
  ASSERT_TRUE((*writer)->append(entries));
  auto a = Journal::open(journal_path_);
  auto b = Journal::open(journal_path_);
  ASSERT_TRUE(a && b);
  Result<std::size_t> moved_a = std::size_t{0}, moved_b = std::size_t{0};
  std::thread ta([&] { moved_a = drain(*db_, **a, nullptr, 7); });
  std::thread tb([&] { moved_b = drain(*db_, **b, nullptr, 5); });
  ta.join();
  tb.join();
  ASSERT_TRUE(moved_a && moved_b);
  EXPECT_EQ(*moved_a + *moved_b, 60u);
  std::vector<std::string> expected;
  for (int n = 1; n <= 60; ++n) expected.push_back(std::to_string(n));
  EXPECT_EQ(chain(), expected);
  EXPECT_TRUE(chain_verifies());
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditJournalTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

// On SQLite the server journals its reads by default; the audit viewer and `audit verify`
// still see a read made a moment before.
TEST(AuditJournalOnSqlite, TheViewerListsAReadMadeAMomentBefore) {
  test::AppFixture f(storage::Engine::sqlite);
  const test::TestUser auditor = f.user("j.auditor", {access::Role::auditor});
  const test::As as{auditor.session_token, auditor.csrf, "", "en"};
  ASSERT_EQ(f.call(http::Method::get, "/api/v1/audit?action=read", as).status, 200);
  // The first call's own entry ("read audit_log") went to the journal, a moment ago.
  const test::Answer second = f.call(http::Method::get, "/api/v1/audit?entity_type=audit_log", as);
  ASSERT_EQ(second.status, 200);
  EXPECT_GE(second.body["total"].get<int>(), 1) << second.raw;
}

TEST(AuditJournalOnSqlite, VerifyMovesTheJournalIntoTheChainFirst) {
  test::ScratchDatabase scratch(storage::Engine::sqlite);
  const std::string dir = test::temp_dir();
  auto box = SecretBox::open_or_create(dir + "/verify.key");
  ASSERT_TRUE(box);
  set_seal_key_from(*box);
  auto db = scratch.open();
  ASSERT_TRUE(storage::migrate(*db));
  const std::string path = scratch.url().substr(std::string("sqlite:").size());
  auto journal = Journal::open(Journal::path_for(path));
  ASSERT_TRUE(journal);
  std::vector<Entry> two{read_of(1), read_of(2)};
  ASSERT_TRUE((*journal)->append(two));

  std::ostringstream out;
  auto verdict = app::audit_verify(*db, scratch.url(), out);
  ASSERT_TRUE(verdict) << verdict.error().detail;
  EXPECT_TRUE(*verdict);
  EXPECT_NE(out.str().find("Read journal: 2 entries moved into the chain."), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("2 entries verified"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace atb::audit
