#include "storage/migrations.h"

#include <fmt/format.h>

#include "core/time.h"

namespace atb::storage {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

Result<bool> apply_one(Connection& c, const Migration& m) {
  ATB_TRY(c.lock_schema());
  ATB_TRY(c.execute_script(kCreateTable));
  ATB_TRY_ASSIGN(done, c.query("SELECT 1 FROM schema_migrations WHERE number = ?", params(m.number)));
  if (!done.empty()) return false;
  if (auto r = c.execute_script(dialect_ddl(m.sql, c.engine())); !r) {
    Error e = std::move(r).error();
    e.detail = fmt::format("migration {} failed: {}", m.name, e.detail);
    return e;
  }
  ATB_TRY(c.execute("INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)",
                    params(m.number, m.name, now_utc_iso())));
  return true;
}

}  // namespace

Result<int> migrate(Database& db, const std::vector<Migration>& migrations) {
  int count = 0;
  for (const Migration& m : migrations) {
    auto applied = db.write([&](Connection& c) { return apply_one(c, m); });
    if (!applied) return std::move(applied).error();
    if (*applied) ++count;
  }
  return count;
}

Result<std::vector<int>> applied_migrations(Database& db) {
  return db.read([](Connection& c) -> Result<std::vector<int>> {
    ATB_TRY(c.execute_script(kCreateTable));
    ATB_TRY_ASSIGN(rows, c.query("SELECT number FROM schema_migrations ORDER BY number"));
    std::vector<int> out;
    for (const Row& r : rows) out.push_back(static_cast<int>(r.integer(0)));
    return out;
  });
}

}  // namespace atb::storage
