// One database connection of either engine. SQL is written once with `?` placeholders;
// each engine translates and prepares it (statements are cached per connection).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/value.h"

namespace atb::storage {

/// The database engines Atbalsts runs on.
enum class Engine { sqlite, postgresql };

/// "sqlite" or "postgresql".
std::string_view engine_name(Engine engine);

/// A live connection. Not thread-safe: one thread uses it at a time (the pool ensures that).
class Connection {
 public:
  virtual ~Connection() = default;

  /// Runs a statement that returns rows.
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  /// Runs a statement that changes data; returns the number of rows changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  /// Runs several ;-separated statements without parameters (migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;

  /// Starts a transaction; `write` takes the write lock at once where the engine needs it
  /// (SQLite BEGIN IMMEDIATE), so a writer never fails half-way on lock upgrade.
  virtual Result<void> begin(bool write) = 0;
  virtual Result<void> commit() = 0;
  virtual Result<void> rollback() = 0;

  /// Serialises schema changes between processes sharing the database, until the
  /// current transaction ends.
  virtual Result<void> lock_schema() = 0;

  /// Whether the connection still works (cheap round trip).
  virtual bool ping() = 0;

  virtual Engine engine() const = 0;
};

/// Rewrites `?` placeholders (outside quotes and comments) as $1, $2, … for PostgreSQL.
std::string number_placeholders(std::string_view sql);

/// Replaces the portable type tokens used in migrations with the engine's own DDL:
/// `{{id}}` → an auto-incrementing 64-bit primary key; `{{binary}}` → byte-wise collation.
/// Text between `{{sqlite}}` (or `{{postgresql}}`) and `{{end}}` is kept, without the markers,
/// only for that engine: for the rare change that has no common SQL (dropping a constraint).
std::string dialect_ddl(std::string_view sql, Engine engine);

}  // namespace atb::storage
