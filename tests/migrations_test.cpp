// Migrations apply once, in order, and a failing one leaves the database as it was.
#include <gtest/gtest.h>

#include <thread>

#include "app/demo.h"
#include "org/store.h"
#include "storage/migrations.h"
#include "support/databases.h"

namespace atb {
namespace {

using storage::Connection;
using storage::Engine;

class MigrationsTest : public ::testing::TestWithParam<Engine> {
 protected:
  test::ScratchDatabase scratch_{GetParam()};
};

bool table_exists(storage::Database& db, const std::string& table) {
  auto r = db.read([&](Connection& c) {
    return c.query("SELECT COUNT(*) FROM " + table);
  });
  return r.ok();
}

TEST_P(MigrationsTest, AppliesEmbeddedOnceAndRecordsThem) {
  auto db = scratch_.open();
  auto first = storage::migrate(*db);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(*first, static_cast<int>(storage::embedded_migrations().size()));
  auto second = storage::migrate(*db);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 0);
  auto applied = storage::applied_migrations(*db);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->size(), storage::embedded_migrations().size());
  EXPECT_TRUE(table_exists(*db, "municipality"));
}

TEST_P(MigrationsTest, FailedMigrationChangesNothing) {
  auto db = scratch_.open();
  const std::vector<storage::Migration> list = {
      {1, "0001_good", "CREATE TABLE good (id {{id}});"},
      {2, "0002_bad", "CREATE TABLE half (id {{id}}); CREATE TABLE broken (id NOT_A_TYPE(;"},
  };
  auto r = storage::migrate(*db, list);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("0002_bad"), std::string::npos);
  EXPECT_TRUE(table_exists(*db, "good"));
  EXPECT_FALSE(table_exists(*db, "half"));  // the failed migration's first statement is gone too
  auto applied = storage::applied_migrations(*db);
  ASSERT_TRUE(applied);
  EXPECT_EQ(*applied, std::vector<int>{1});
}

TEST_P(MigrationsTest, ConcurrentMigratorsApplyEachOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> total{0}, failures{0};
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      auto db = storage::Database::open(scratch_.url(), 1);
      if (!db) {
        ++failures;
        ADD_FAILURE() << "open: " << db.error().detail;
        return;
      }
      auto n = storage::migrate(**db);
      if (n) {
        total += *n;
      } else {
        ++failures;
        ADD_FAILURE() << "migrate: " << n.error().detail;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(total.load(), static_cast<int>(storage::embedded_migrations().size()));
}

TEST_P(MigrationsTest, DemoDataLoadsOnceThenChangesNothing) {
  auto db = scratch_.open();
  ASSERT_TRUE(storage::migrate(*db));
  auto first = app::load_demo(*db);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->existing, 0);
  EXPECT_GT(first->created, 0);
  auto second = app::load_demo(*db);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->existing, first->created);

  auto m = db->read([](Connection& c) { return org::load_municipality(c); });
  ASSERT_TRUE(m);
  ASSERT_TRUE(m->has_value());
  EXPECT_EQ((*m)->name, "Liepājas valstspilsēta");
  ASSERT_EQ((*m)->departments.size(), 3u);
  std::vector<std::string> codes;
  for (const auto& d : (*m)->departments) codes.push_back(d.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"assistance", "services", "social_work"}));
  EXPECT_EQ((*m)->departments[2].teams.size(), 2u);
  EXPECT_EQ((*m)->departments[2].teams[0].name.lv, "Darbs ar ģimenēm ar bērniem");
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrationsTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
