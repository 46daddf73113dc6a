// The Database interface behaves the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/database.h"
#include "storage/id_list.h"
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

// While one write holds the lock, the writes that queue behind it are committed together; a
// write that fails inside such a group is undone alone and the others land.
TEST_P(StorageTest, WritesQueuedBehindOneCommitTogetherAndFailAlone) {
  std::atomic<bool> holding{false};
  std::thread first([&] {
    auto r = db_->write([&](Connection& c) {
      holding = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return c.execute("INSERT INTO item (name, amount) VALUES ('first', 0)");
    });
    EXPECT_TRUE(r) << r.error().detail;
  });
  while (!holding) std::this_thread::yield();
  std::vector<std::thread> threads;
  std::atomic<int> refused{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto r = db_->write([&](Connection& c) -> Result<std::int64_t> {
        ATB_TRY_ASSIGN(n, c.execute("INSERT INTO item (name, amount) VALUES (?, ?)", params("w" + std::to_string(t), t)));
        if (t % 2 == 1) return Error::invalid_field("amount", {"nepāra", "odd"});  // undone, alone
        return n;
      });
      if (!r) {
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "amount");
        ++refused;
      }
    });
  }
  for (auto& th : threads) th.join();
  first.join();
  EXPECT_EQ(refused.load(), 4);
  auto rows = db_->read([](Connection& c) { return c.query("SELECT name FROM item ORDER BY name"); });
  ASSERT_TRUE(rows);
  std::vector<std::string> names;
  for (const auto& r : *rows) names.push_back(r.text(0));
  EXPECT_EQ(names, (std::vector<std::string>{"first", "w0", "w2", "w4", "w6"}));
  if (GetParam() == Engine::sqlite) {
    EXPECT_EQ(db_->grouped_writes(), 10u);  // the table, the first write, the eight behind it
    EXPECT_LT(db_->write_groups(), 10u) << "the queued writes should have shared transactions";
  }
}

TEST_P(StorageTest, IdListsAreBoundAndPaddedToAFewSizes) {
  auto made = db_->write([](Connection& c) -> Result<void> {
    for (int i = 0; i < 100; ++i) ATB_TRY(c.execute("INSERT INTO item (name, amount) VALUES (?, ?)", params("i" + std::to_string(i), i)));
    return ok();
  });
  ASSERT_TRUE(made) << made.error().detail;
  for (std::size_t n : {1u, 16u, 17u, 100u}) {
    std::vector<std::int64_t> amounts;
    for (std::size_t i = 0; i < n; ++i) amounts.push_back(static_cast<std::int64_t>(99 - i));
    storage::Params ps;
    const std::string in = storage::id_placeholders(amounts, ps);
    EXPECT_EQ(ps.size(), n <= 16 ? 16u : n <= 64 ? 64u : 256u);
    auto rows = db_->read([&](Connection& c) { return c.query("SELECT COUNT(*) FROM item WHERE amount IN (" + in + ")", ps); });
    ASSERT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ((*rows)[0].integer(0), static_cast<std::int64_t>(n));
  }
}

// Statements built with literals are many; the per-connection cache of prepared statements
// is bounded and queries go on working past the bound.
TEST_P(StorageTest, ManyDistinctStatementsKeepWorking) {
  auto sum = db_->read([](Connection& c) -> Result<std::int64_t> {
    std::int64_t total = 0;
    for (int i = 0; i < 1200; ++i) {
      ATB_TRY_ASSIGN(r, c.query("SELECT " + std::to_string(i) + " + ?", params(1)));
      total += r[0].integer(0);
    }
    return total;
  });
  ASSERT_TRUE(sum) << sum.error().detail;
  EXPECT_EQ(*sum, 1200 * 1199 / 2 + 1200);
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

TEST_P(StorageTest, UnsetPoolSizeIsChosenForTheEngine) {
  auto db = storage::Database::open(scratch_->url(), 0);
  ASSERT_TRUE(db) << db.error().detail;
  const int expected = GetParam() == Engine::sqlite
                           ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 2
                           : 16;
  EXPECT_EQ(storage::default_pool_size(GetParam()), expected);
  EXPECT_EQ((*db)->stats().size, expected);
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

TEST(StorageDialect, EngineSectionsKeepOnlyTheirEngine) {
  const std::string sql = "A {{id}};\n{{sqlite}}S1;{{end}}{{postgresql}}P1;{{end}} B {{x}} C";
  EXPECT_EQ(storage::dialect_ddl(sql, Engine::sqlite), "A INTEGER PRIMARY KEY AUTOINCREMENT;\nS1; B {{x}} C");
  EXPECT_EQ(storage::dialect_ddl(sql, Engine::postgresql),
            "A BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY;\nP1; B {{x}} C");
  EXPECT_EQ(storage::dialect_ddl("X {{postgresql}}only", Engine::sqlite), "X ");
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

namespace atb {
namespace {

// Commits checkpoint only past 8,192 pages; a background thread copies the WAL into the
// database file soon after every commit.
TEST(StorageSqlite, CheckpointsRunInTheBackground) {
  test::ScratchDatabase scratch(Engine::sqlite);
  auto db = scratch.open(2);
  auto automatic = db->read([](Connection& c) { return c.query("PRAGMA wal_autocheckpoint"); });
  ASSERT_TRUE(automatic);
  EXPECT_EQ((*automatic)[0].integer(0), 8192);
  const std::string file = scratch.url().substr(std::string("sqlite:").size());
  const auto before = std::filesystem::file_size(file);
  auto wrote = db->write([](Connection& c) -> Result<void> {
    ATB_TRY(c.execute_script("CREATE TABLE blob_row (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
    for (int i = 0; i < 400; ++i) ATB_TRY(c.execute("INSERT INTO blob_row (body) VALUES (?)", params(std::string(4000, 'x'))));
    return ok();
  });
  ASSERT_TRUE(wrote) << wrote.error().detail;
  // The pages are in the WAL now; the database file grows when the checkpointer copies them.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::filesystem::file_size(file) < before + 400 * 4000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(std::filesystem::file_size(file), before + 400 * 4000);
  // Past 32 MiB the WAL starts over and is cut back to 16 MiB, although writes go on.
  const std::string wal = file + "-wal";
  std::uintmax_t largest = 0;
  for (int round = 0; round < 10; ++round) {
    auto more = db->write([](Connection& c) -> Result<void> {
      for (int i = 0; i < 1000; ++i) ATB_TRY(c.execute("INSERT INTO blob_row (body) VALUES (?)", params(std::string(4000, 'y'))));
      return ok();
    });
    ASSERT_TRUE(more) << more.error().detail;
    largest = std::max(largest, std::filesystem::file_size(wal));
  }
  EXPECT_GT(largest, 32u << 20);
  const auto later = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(wal) > (16u << 20) && std::chrono::steady_clock::now() < later) {
    auto small = db->write([](Connection& c) { return c.execute("INSERT INTO blob_row (body) VALUES ('z')"); });
    ASSERT_TRUE(small);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_LE(std::filesystem::file_size(wal), 16u << 20);
}

}  // namespace
}  // namespace atb
