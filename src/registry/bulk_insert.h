// Multi-row INSERTs for bulk loads (the demonstration generator, imports): rows are collected
// and written many at a time, which is many times faster than one INSERT per row on both
// engines. Portable SQL with `?` placeholders. Rows wait until flush(), so that the caller can
// write parent rows before the rows that refer to them (foreign keys are checked at once).
// flush() uses full statements and, for the rest, a few smaller fixed sizes, so that only a
// handful of distinct statements are ever prepared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/database.h"

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

  /// Adds one row given as parameters (one per column, in order).
  Result<void> add_row(storage::Params row) {
    const std::size_t n = row.size();
    for (storage::Value& v : row) params_.push_back(std::move(v));
    return row_added(n);
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

/// Ids of a table's generated `id` column, handed out before the rows are written, so that the
/// rows that refer to them can be collected in the same batches. On SQLite, after every id the
/// table ever had (the write transaction holds the only write lock, and AUTOINCREMENT's
/// sqlite_sequence follows the explicit ids); on PostgreSQL taken from the column's sequence, a
/// block at a time, so that concurrent writers never get the same id.
class IdReserver {
 public:
  IdReserver(storage::Connection& c, std::string table, std::size_t block = 1000)
      : c_(c), table_(std::move(table)), block_(block) {}
  /// The next id.
  Result<std::int64_t> next();

 private:
  storage::Connection& c_;
  std::string table_;
  std::size_t block_;
  std::vector<std::int64_t> ids_;  ///< PostgreSQL: the current block
  std::size_t at_ = 0;
  std::int64_t next_ = 0;          ///< SQLite: the next id, 0 before the first
};

/// Engine settings for a large write transaction on one connection: on SQLite a page cache of
/// `cache_mib` MiB, so that a transaction of millions of rows keeps its B-trees in memory instead
/// of spilling pages to the WAL and reading them back (the default cache is 2 MiB); on
/// PostgreSQL more memory for index builds and custom plans for every statement (the tables grow
/// inside the transaction), for this transaction only; the commit stays synchronous, so that a
/// load reported done is durable. restore() puts the SQLite cache back (the connection returns to the pool); so does the
/// destructor, if restore() was not reached.
class BulkLoadSettings {
 public:
  explicit BulkLoadSettings(storage::Connection& c, int cache_mib = 1024) : c_(c), cache_mib_(cache_mib) {}
  ~BulkLoadSettings() { (void)restore(); }
  BulkLoadSettings(const BulkLoadSettings&) = delete;
  BulkLoadSettings& operator=(const BulkLoadSettings&) = delete;
  Result<void> apply();
  Result<void> restore();

 private:
  storage::Connection& c_;
  int cache_mib_;
  bool applied_ = false;
  std::int64_t cache_size_ = -2000;
};

/// db.write(f) for a bulk load. On SQLite, statement journals (one per INSERT inside a
/// transaction, kept in case the statement fails half-way) are put in memory for it: otherwise
/// every statement writes the pages it changes to a temporary file, millions of small writes.
/// That setting (temp_store) only takes effect when a transaction begins, so it is made on the
/// pooled connection just before and undone after (when the pool hands out the same connection,
/// as a pool of one always does; otherwise the load is only slower).
template <class F>
auto bulk_write(storage::Database& db, F&& f) -> std::invoke_result_t<F, storage::Connection&> {
  const bool sqlite = db.engine() == storage::Engine::sqlite;
  auto set = [&](const char* sql) { (void)db.read([&](storage::Connection& c) { return c.execute_script(sql); }); };
  if (sqlite) set("PRAGMA temp_store = MEMORY");
  auto result = db.write(std::forward<F>(f));
  if (sqlite) set("PRAGMA temp_store = DEFAULT");
  return result;
}

}  // namespace atb::registry
