// The group-commit writer skips listed-record index rows it knows to be committed: repeated
// lists of a day write no index rows, and "who looked at this" still finds every list entry.
#include <gtest/gtest.h>

#include "audit/listed_days.h"
#include "audit/log.h"
#include "audit/seal.h"
#include "audit/store.h"
#include "storage/migrations.h"
#include "support/databases.h"

namespace atb::audit {
namespace {

TEST(ListedDays, KnowsOnlyCommittedKeysOfTheLatestDay) {
  ListedDays days;
  days.written("person", "7", 3, "2026-11-26");
  EXPECT_FALSE(days.known("person", "7", 3, "2026-11-26"));  // not committed yet
  days.committed();
  EXPECT_TRUE(days.known("person", "7", 3, "2026-11-26"));
  EXPECT_FALSE(days.known("person", "7", 4, "2026-11-26"));   // another user
  EXPECT_FALSE(days.known("referral", "7", 3, "2026-11-26")); // another record type
  EXPECT_FALSE(days.known("person", "70", 3, "2026-11-26"));

  days.written("person", "8", 3, "2026-11-26");
  days.rolled_back();
  days.committed();
  EXPECT_FALSE(days.known("person", "8", 3, "2026-11-26"));

  days.written("person", "7", 3, "2026-11-27");
  days.committed();
  EXPECT_TRUE(days.known("person", "7", 3, "2026-11-27"));
  EXPECT_FALSE(days.known("person", "7", 3, "2026-11-26"));  // a new day forgets the old one
  EXPECT_EQ(days.size(), 1u);
}

class ListedDaysTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    key_file_ = test::temp_dir() + "/listed.key";
    auto box = SecretBox::open_or_create(key_file_);
    ASSERT_TRUE(box);
    set_seal_key_from(*box);
    db_ = scratch_.open();
    ASSERT_TRUE(storage::migrate(*db_));
  }

  static Entry list_of(const std::string& ids, const std::string& at) {
    Entry e;
    e.user_id = 3;
    e.username = "anna";
    e.role = "social_worker";
    e.action = "list";
    e.entity_type = "person";
    e.entity_id = ids;
    e.at = at;
    return e;
  }

  /// "id first_seq" of the index rows of user 3 on `day`, by id.
  std::vector<std::string> index_rows(const std::string& day) {
    auto rows = db_->read([&](storage::Connection& c) {
      return c.query("SELECT entity_id, first_seq FROM audit_listed_day WHERE user_id = 3 AND day = ?"
                     " ORDER BY entity_id",
                     storage::params(day));
    });
    EXPECT_TRUE(rows);
    std::vector<std::string> out;
    for (const storage::Row& r : *rows) out.push_back(r.text(0) + " " + std::to_string(r.integer(1)));
    return out;
  }

  test::ScratchDatabase scratch_{GetParam()};
  std::shared_ptr<storage::Database> db_;
  std::string key_file_;
};

TEST_P(ListedDaysTest, RepeatedListsWriteNoIndexRowsAndStayFindable) {
  AuditLog log(db_);
  ASSERT_TRUE(log.record(list_of("7,8", "2026-11-26T09:00:00.000Z")));   // seq 1
  ASSERT_TRUE(log.record(list_of("7,8", "2026-11-26T09:05:00.000Z")));   // seq 2: both known
  ASSERT_TRUE(log.record(list_of("8,9", "2026-11-26T09:10:00.000Z")));   // seq 3: 9 is new
  ASSERT_TRUE(log.record(list_of("7,8", "2026-11-27T08:00:00.000Z")));   // seq 4: a new day
  EXPECT_EQ(index_rows("2026-11-26"), (std::vector<std::string>{"7 1", "8 1", "9 3"}));
  EXPECT_EQ(index_rows("2026-11-27"), (std::vector<std::string>{"7 4", "8 4"}));

  Filter who_looked;
  who_looked.entity_type = "person";
  who_looked.entity_id = "8";
  auto found = db_->read([&](storage::Connection& c) { return find_entries(c, who_looked, 1, 50); });
  ASSERT_TRUE(found) << found.error().detail;
  std::vector<std::int64_t> seqs;
  for (const StoredEntry& s : found->items) seqs.push_back(s.seq);
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{4, 3, 2, 1}));
  auto verdict = db_->read([](storage::Connection& c) { return verify_chain(c); });
  ASSERT_TRUE(verdict);
  EXPECT_TRUE(verdict->ok);
}

INSTANTIATE_TEST_SUITE_P(Engines, ListedDaysTest, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb::audit
