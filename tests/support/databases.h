// Test databases on both engines. Every storage test is parameterised over all_engines():
// SQLite in a temporary file, and PostgreSQL in a fresh database on the server whose URL is
// in ATBALSTS_TEST_POSTGRES (scripts/test.sh starts one). A missing URL fails the tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"

namespace atb::test {

/// The engines every storage test runs on.
std::vector<storage::Engine> all_engines();

/// gtest parameter name: "sqlite" / "postgresql".
std::string engine_param_name(storage::Engine engine);

/// A new empty database that is removed when this object goes away.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(storage::Engine engine);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  /// The URL to open it with (sqlite:PATH or postgresql://…/name).
  const std::string& url() const { return url_; }
  /// Opens a pool on it (asserts success).
  std::shared_ptr<storage::Database> open(int pool_size = 4) const;

 private:
  storage::Engine engine_;
  std::string url_;
  std::string name_;  ///< file path or PostgreSQL database name
};

/// A fresh temporary directory path (created), under one root per test process that is removed
/// when the process exits.
std::string temp_dir();

}  // namespace atb::test
