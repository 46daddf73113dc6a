// The Database interface behaves the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <thread>

#include "storage/database.h"
#include "storage/migrations.h"
#include "support/databases.h"

namespace atb {
namespace {

using storage::Connection;
using storage::Engine;
using storage::params;

class StorageTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<test::ScratchDatabase>(GetParam());
    db_ = scratch_->open();
    ASSERT_TRUE(db_);
    auto made = db_->write([](Connection& c) {
      return c.execute_script(storage::dialect_ddl(
          "CREATE TABLE item (id {{id}}, name TEXT NOT NULL UNIQUE, amount BIGINT, ratio REAL)",
          c.engine()));
    });
    ASSERT_TRUE(made) << made.error().detail;
  }

  std::unique_ptr<test::ScratchDatabase> scratch_;
  std::shared_ptr<storage::Database> db_;
};

TEST_P(StorageTest, InsertReturningAndTypedRead) {
  auto id = db_->write([](Connection& c) -> Result<std::int64_t> {
    ATB_TRY_ASSIGN(rows, c.query("INSERT INTO item (name, amount, ratio) VALUES (?, ?, ?) RETURNING id",
                                 params("Bērziņš", std::int64_t{12345}, 0.25)));
    return rows[0].integer(0);
  });
  ASSERT_TRUE(id) << id.error().detail;
  EXPECT_GT(*id, 0);
  auto rows = db_->read([&](Connection& c) {
    return c.query("SELECT id, name, amount, ratio FROM item WHERE id = ?", params(*id));
  });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].text(1), "Bērziņš");
  EXPECT_EQ((*rows)[0].integer(2), 12345);
  EXPECT_DOUBLE_EQ((*rows)[0].real(3), 0.25);
  EXPECT_EQ(rows->columns[1], "name");
}

TEST_P(StorageTest, NullsReadAsEmptyOptionals) {
  auto r = db_->write([](Connection& c) {
    return c.execute("INSERT INTO item (name, amount, ratio) VALUES (?, ?, ?)",
                     params("x", std::optional<std::int64_t>{}, nullptr));
  });
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(*r, 1);
  auto rows = db_->read([](Connection& c) { return c.query("SELECT amount, name FROM item"); });
  ASSERT_TRUE(rows);
  EXPECT_FALSE((*rows)[0].opt_integer(0).has_value());
  EXPECT_EQ((*rows)[0].opt_text(1), std::optional<std::string>("x"));
}

TEST_P(StorageTest, FailedWriteRollsBackEverything) {
  auto r = db_->write([](Connection& c) -> Result<void> {
    ATB_TRY(c.execute("INSERT INTO item (name) VALUES (?)", params("first")));
    ATB_TRY(c.execute("INSERT INTO item (name) VALUES (?)", params("first")));  // duplicate
    return ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::conflict);
  auto n = db_->read([](Connection& c) { return c.query("SELECT COUNT(*) FROM item"); });
  ASSERT_TRUE(n);
  EXPECT_EQ((*n)[0].integer(0), 0);
}

TEST_P(StorageTest, RuleErrorInsideWriteRollsBack) {
  auto r = db_->write([](Connection& c) -> Result<void> {
    ATB_TRY(c.execute("INSERT INTO item (name) VALUES (?)", params("kept?")));
    return Error::invalid_field("name", {"nē", "no"});
  });
  ASSERT_FALSE(r);
  auto n = db_->read([](Connection& c) { return c.query("SELECT COUNT(*) FROM item"); });
  EXPECT_EQ((*n)[0].integer(0), 0);
}

TEST_P(StorageTest, ConcurrentWritersAllCommit) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto r = db_->write([&](Connection& c) {
          return c.execute("INSERT INTO item (name, amount) VALUES (?, ?)",
                           params("n" + std::to_string(t * 100 + i), t));
        });
        if (!r) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto n = db_->read([](Connection& c) { return c.query("SELECT COUNT(*) FROM item"); });
  EXPECT_EQ((*n)[0].integer(0), 100);
}

TEST_P(StorageTest, QuotedQuestionMarksAreNotPlaceholders) {
  auto rows = db_->read([](Connection& c) { return c.query("SELECT '?' AS q, ? AS p", params("v")); });
  ASSERT_TRUE(rows) << rows.error().detail;
  EXPECT_EQ((*rows)[0].text(0), "?");
  EXPECT_EQ((*rows)[0].text(1), "v");
}

TEST_P(StorageTest, BadSqlIsAnInternalErrorNotACrash) {
  auto rows = db_->read([](Connection& c) { return c.query("SELECT nope FROM missing_table"); });
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, Errc::internal);
  EXPECT_TRUE(db_->ping());  // the connection is still usable afterwards
}

TEST_P(StorageTest, PoolReportsItsSize) {
  const storage::PoolStats s = db_->stats();
  EXPECT_EQ(s.size, 4);
  EXPECT_EQ(s.in_use, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

TEST(StorageUrl, ParsesBothEnginesAndRefusesOthers) {
  auto s = storage::DatabaseUrl::parse("sqlite:var/atbalsts.db");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->engine, Engine::sqlite);
  EXPECT_EQ(s->target, "var/atbalsts.db");
  auto p = storage::DatabaseUrl::parse("postgresql://u@h:5432/db");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->engine, Engine::postgresql);
  auto bad = storage::DatabaseUrl::parse("mysql://x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "database");
  EXPECT_FALSE(storage::DatabaseUrl::parse("sqlite:"));
}

TEST(StoragePlaceholders, NumbersOutsideQuotesAndComments) {
  EXPECT_EQ(storage::number_placeholders("SELECT ? , '?' , \"?\" , ? -- ?\n, ?"),
            "SELECT $1 , '?' , \"?\" , $2 -- ?\n, $3");
}

TEST(StorageSqlite, OpensInWalWithFullSyncAndForeignKeys) {
  test::ScratchDatabase scratch(Engine::sqlite);
  auto db = scratch.open(1);
  auto rows = db->read([](Connection& c) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    for (const char* pragma : {"PRAGMA journal_mode", "PRAGMA synchronous", "PRAGMA foreign_keys"}) {
      ATB_TRY_ASSIGN(r, c.query(pragma));
      out.push_back(r[0].text(0));
    }
    return out;
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[0], "wal");
  EXPECT_EQ((*rows)[1], "2");  // FULL
  EXPECT_EQ((*rows)[2], "1");
}

}  // namespace
}  // namespace atb
