#include "support/databases.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

namespace atb::test {
namespace {

std::string postgres_admin_url() {
  const char* url = std::getenv("ATBALSTS_TEST_POSTGRES");
  if (!url || !*url) {
    ADD_FAILURE() << "ATBALSTS_TEST_POSTGRES is not set: run the tests with `make test`, which "
                     "starts a PostgreSQL server";
    return {};
  }
  return url;
}

std::string random_suffix() {
  return fmt::format("{:08x}{:08x}", randombytes_random(), randombytes_random());
}

// Replaces the database name (after the last '/') of a PostgreSQL URL.
std::string with_database(const std::string& url, const std::string& name) {
  return url.substr(0, url.rfind('/') + 1) + name;
}

void admin(const std::string& sql) {
  auto c = storage::connect(*storage::DatabaseUrl::parse(postgres_admin_url()));
  ASSERT_TRUE(c) << c.error().detail;
  auto r = (*c)->execute_script(sql);
  ASSERT_TRUE(r) << r.error().detail;
}

// The one directory under which every scratch directory of this test process lives; removed with
// everything in it when the process exits, so a run leaves nothing behind in the temporary folder.
class ScratchRoot {
 public:
  ScratchRoot()
      : path_(std::filesystem::temp_directory_path() /
              fmt::format("atbalsts-test-{}-{}", ::getpid(), random_suffix())),
        owner_(::getpid()) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchRoot() {
    if (::getpid() != owner_) return;  // a forked child leaves its parent's files alone
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchRoot(const ScratchRoot&) = delete;
  ScratchRoot& operator=(const ScratchRoot&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  pid_t owner_;
};

}  // namespace

std::vector<storage::Engine> all_engines() {
  return {storage::Engine::sqlite, storage::Engine::postgresql};
}

std::string engine_param_name(storage::Engine engine) {
  return std::string(storage::engine_name(engine));
}

std::string temp_dir() {
  static ScratchRoot root;
  auto dir = root.path() / random_suffix();
  std::filesystem::create_directories(dir);
  return dir.string();
}

ScratchDatabase::ScratchDatabase(storage::Engine engine) : engine_(engine) {
  if (engine == storage::Engine::sqlite) {
    name_ = temp_dir();
    url_ = "sqlite:" + name_ + "/test.db";
  } else {
    name_ = "t_" + random_suffix();
    admin("CREATE DATABASE " + name_);
    url_ = with_database(postgres_admin_url(), name_);
  }
}

ScratchDatabase::~ScratchDatabase() {
  if (engine_ == storage::Engine::sqlite) {
    std::error_code ec;
    std::filesystem::remove_all(name_, ec);
  } else {
    admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
}

std::shared_ptr<storage::Database> ScratchDatabase::open(int pool_size) const {
  auto db = storage::Database::open(url_, pool_size);
  EXPECT_TRUE(db) << db.error().detail;
  return db ? *db : nullptr;
}

}  // namespace atb::test
