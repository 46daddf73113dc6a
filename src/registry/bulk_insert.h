// Multi-row INSERTs for bulk loads (the demonstration generator, imports): rows are collected
// and written many at a time, which is many times faster than one INSERT per row on both
// engines. Portable SQL with `?` placeholders. Rows wait until flush(), so that the caller can
// write parent rows before the rows that refer to them (foreign keys are checked at once).
// flush() uses full statements and, for the rest, a few smaller fixed sizes, so that only a
// handful of distinct statements are ever prepared.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::registry {

class BulkInsert {
 public:
  /// Rows of `columns` into `table`. `rows_per_statement` 0 picks as many as fit in about
  /// 30,000 parameters (SQLite allows 32,766 per statement), at most 500.
  BulkInsert(storage::Connection& c, std::string table, std::vector<std::string> columns,
             std::size_t rows_per_statement = 0);
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  /// Adds one row (one value per column, in order), written by the next flush().
  template <class... A>
  Result<void> add(A&&... values) {
    static_assert(sizeof...(A) > 0);
    (params_.push_back(storage::value(std::forward<A>(values))), ...);
    return row_added(sizeof...(A));
  }

  /// Writes the rows collected so far.
  Result<void> flush();
  /// Rows added in all (written or not).
  std::size_t rows() const { return total_; }
  /// Rows waiting for flush().
  std::size_t pending() const { return pending_; }

 private:
  Result<void> row_added(std::size_t values);
  const std::string& sql_for(std::size_t rows);

  storage::Connection& c_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t per_statement_;
  std::vector<std::pair<std::size_t, std::string>> statements_;  ///< rows → SQL, built once each
  storage::Params params_;
  std::size_t pending_ = 0;
  std::size_t total_ = 0;
};

}  // namespace atb::registry
