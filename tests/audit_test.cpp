// The audit chain detects changed, removed and inserted entries; group commit batches
// concurrent entries; `atbalsts audit verify` reports the first bad entry.
#include <gtest/gtest.h>

#include <thread>

#include "audit/log.h"
#include "audit/seal.h"
#include "audit/store.h"
#include "storage/migrations.h"
#include "support/databases.h"
#include "support/server_process.h"

namespace atb::audit {
namespace {

using storage::Connection;

class AuditTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    // The chain end is sealed with the key of a key file the command line shares.
    key_file_ = test::temp_dir() + "/audit.key";
    ::setenv("ATBALSTS_KEY_FILE", key_file_.c_str(), 1);
    auto box = SecretBox::open_or_create(key_file_);
    ASSERT_TRUE(box);
    set_seal_key_from(*box);
    db_ = scratch_.open();
    ASSERT_TRUE(storage::migrate(*db_));
    AuditLog log(db_);
    for (int i = 1; i <= 5; ++i) {
      Entry e;
      e.user_id = i;
      e.username = "anna";
      e.role = "social_worker";
      e.action = "read";
      e.entity_type = "person";
      e.entity_id = std::to_string(100 + i);
      e.request_id = "r" + std::to_string(i);
      ASSERT_TRUE(log.record(e));
    }
  }

  Verdict verify() {
    auto v = db_->read([](Connection& c) { return verify_chain(c); });
    EXPECT_TRUE(v) << (v ? "" : v.error().detail);
    return *v;
  }

  void sql(const std::string& statement) {
    auto r = db_->write([&](Connection& c) { return c.execute(statement); });
    ASSERT_TRUE(r) << r.error().detail;
  }

  void TearDown() override { ::unsetenv("ATBALSTS_KEY_FILE"); }

  test::ScratchDatabase scratch_{GetParam()};
  std::shared_ptr<storage::Database> db_;
  std::string key_file_;
};

TEST_P(AuditTest, IntactChainVerifies) {
  const Verdict v = verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.checked, 5);
}

TEST_P(AuditTest, ChangedEntryIsNamed) {
  sql("UPDATE audit_log SET entity_id = '999' WHERE seq = 3");
  const Verdict v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_EQ(v.problem, "changed");
}

TEST_P(AuditTest, RemovedEntryIsNamed) {
  sql("DELETE FROM audit_log WHERE seq = 2");
  const Verdict v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 2);
  EXPECT_EQ(v.problem, "removed");
}

TEST_P(AuditTest, RemovedLastEntryIsNamed) {
  sql("DELETE FROM audit_log WHERE seq = 5");
  const Verdict v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 5);
  EXPECT_EQ(v.problem, "removed");
}

TEST_P(AuditTest, ForgedEndWithoutTheKeyIsDetected) {
  AuditLog log(db_);
  Entry e;
  e.username = "anna";
  e.action = "read";
  ASSERT_TRUE(log.record(e));
  EXPECT_TRUE(verify().ok);
  // Someone with database access but not the key file appends a well-formed entry and moves
  // the head: the chain itself is consistent, the seal is not.
  auto head = db_->read([](Connection& c) { return c.query("SELECT last_seq, last_hash FROM audit_head"); });
  const std::int64_t seq = (*head)[0].integer(0) + 1;
  Entry forged;
  forged.at = "2026-11-25T10:00:00.000Z";
  forged.username = "x";
  forged.action = "read";
  const std::string prev = (*head)[0].text(1);
  const std::string hash = chain_hash(prev, seq, forged);
  sql("INSERT INTO audit_log (seq, at, user_id, username, role, action, entity_type, entity_id, reason, outcome,"
      " request_id, remote, prev_hash, hash) VALUES (" + std::to_string(seq) + ", '" + forged.at +
      "', NULL, 'x', '', 'read', '', '', '', 'ok', '', '', '" + prev + "', '" + hash + "')");
  sql("UPDATE audit_head SET last_seq = " + std::to_string(seq) + ", last_hash = '" + hash + "'");
  const Verdict v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.problem, "seal");
  EXPECT_EQ(v.first_bad_seq, seq);
}

TEST_P(AuditTest, InsertedEntryIsNamed) {
  // A forged entry squeezed in as seq 3, the later ones renumbered to make room.
  sql("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3");
  sql("UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103");
  auto prev = db_->read([](Connection& c) { return c.query("SELECT hash FROM audit_log WHERE seq = 2"); });
  Entry forged;
  forged.at = "2026-11-23T10:00:00.000Z";
  forged.username = "x";
  forged.action = "read";
  const std::string prev_hash = (*prev)[0].text(0);
  sql("INSERT INTO audit_log (seq, at, user_id, username, role, action, entity_type, entity_id, reason,"
      " outcome, request_id, remote, prev_hash, hash) VALUES (3, '" + forged.at +
      "', NULL, 'x', '', 'read', '', '', '', 'ok', '', '', '" + prev_hash + "', '" +
      chain_hash(prev_hash, 3, forged) + "')");
  const Verdict v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_EQ(v.problem, "inserted");
}

TEST_P(AuditTest, ConcurrentEntriesShareTransactions) {
  AuditLog log(db_);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        Entry e;
        e.username = "u" + std::to_string(t);
        e.action = "read";
        if (!log.record(e)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(log.entries(), 160u);
  EXPECT_LT(log.batches(), 160u);  // group commit took several entries at once
  const Verdict v = verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.checked, 165);
}

TEST_P(AuditTest, CommandLineVerifyExitsNonZeroOnTampering) {
  EXPECT_EQ(test::run_binary({"audit", "verify", "--database", scratch_.url()}), 0);
  sql("UPDATE audit_log SET username = 'someone else' WHERE seq = 4");
  EXPECT_EQ(test::run_binary({"audit", "verify", "--database", scratch_.url()}), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb::audit
