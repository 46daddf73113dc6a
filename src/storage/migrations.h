// Numbered schema migrations, embedded from src/storage/migrations/NNNN_name.sql.
// Each runs in its own transaction together with its record in schema_migrations,
// so a failed migration leaves the database exactly as it was.
#pragma once

#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace atb::storage {

/// One migration: its number (the file's prefix), file name and portable SQL
/// (`{{id}}` stands for the engine's auto-increment primary key).
struct Migration {
  int number;
  const char* name;
  const char* sql;
};

/// The migrations compiled into this binary, in order.
const std::vector<Migration>& embedded_migrations();

/// Applies every migration not yet recorded; returns how many it applied. Safe to run from
/// several processes at once (the schema lock serialises them).
Result<int> migrate(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

/// The numbers of the migrations already applied, ascending.
Result<std::vector<int>> applied_migrations(Database& db);

}  // namespace atb::storage
