#include "storage/sqlite/engine.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>

#include "storage/sqlite/busy.h"
#include "storage/sqlite/checkpointer.h"

namespace atb::storage::sqlite {
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  /// Keeps the file's background checkpointer running while this connection is open.
  void hold(std::shared_ptr<Checkpointer> checkpointer) { checkpointer_ = std::move(checkpointer); }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto stmt = prepare(sql, params);
    if (!stmt) return std::move(stmt).error();
    Rows out;
    const int ncol = sqlite3_column_count(*stmt);
    out.columns.reserve(ncol);
    for (int i = 0; i < ncol; ++i) out.columns.emplace_back(sqlite3_column_name(*stmt, i));
    for (;;) {
      const int rc = sqlite3_step(*stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return fail(*stmt, sql);
      std::vector<Value> values;
      values.reserve(ncol);
      for (int i = 0; i < ncol; ++i) values.push_back(column(*stmt, i));
      out.rows.emplace_back(std::move(values));
    }
    sqlite3_reset(*stmt);
    return out;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    auto stmt = prepare(sql, params);
    if (!stmt) return std::move(stmt).error();
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return fail(*stmt, sql);
    sqlite3_reset(*stmt);
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<void> execute_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "unknown error";
      sqlite3_free(message);
      if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_BUSY) return Error::unavailable("sqlite busy: " + m);
      return Error::internal(fmt::format("sqlite: {}", m));
    }
    return ok();
  }

  Result<void> begin(bool write) override {
    return execute_script(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  Result<void> commit() override { return execute_script("COMMIT"); }
  Result<void> rollback() override { return execute_script("ROLLBACK"); }
  // BEGIN IMMEDIATE already holds SQLite's single write lock until the transaction ends.
  Result<void> lock_schema() override { return ok(); }

  bool ping() override { return execute_script("SELECT 1").ok(); }
  Engine engine() const override { return Engine::sqlite; }

 private:
  Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params) {
    sqlite3_stmt* stmt = nullptr;
    if (auto it = cache_.find(std::string(sql)); it != cache_.end()) {
      stmt = it->second;
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    } else {
      if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        return Error::internal(fmt::format("sqlite prepare: {} in: {}", sqlite3_errmsg(db_), sql));
      }
      if (cache_.size() >= kMaxCachedStatements) forget_statements();
      cache_.emplace(std::string(sql), stmt);
    }
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Error::internal(fmt::format("sqlite: {} parameters given for: {}", params.size(), sql));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int at = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (auto p = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, at, *p);
      } else if (auto p = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, at, *p);
      } else if (auto p = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, at, p->data(), p->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, at);
      }
      if (rc != SQLITE_OK) return Error::internal(fmt::format("sqlite bind: {}", sqlite3_errmsg(db_)));
    }
    return stmt;
  }

  static Value column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_NULL:
        return nullptr;
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
      }
    }
  }

  Error fail(sqlite3_stmt* stmt, std::string_view sql) {
    const int code = sqlite3_extended_errcode(db_);
    std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt);
    if ((code & 0xff) == SQLITE_CONSTRAINT) {
      Error e{Errc::conflict,
              {"Ieraksts pārkāpj datu ierobežojumu (piemēram, tāds jau ir).",
               "The record breaks a data constraint (for example, it already exists)."},
              {},
              fmt::format("sqlite: {} in: {}", message, sql)};
      return e;
    }
    if ((code & 0xff) == SQLITE_BUSY) return Error::unavailable("sqlite busy: " + message);
    return Error::internal(fmt::format("sqlite: {} in: {}", message, sql));
  }

  sqlite3* db_;
  /// Statements that queries built with literals (e.g. a user's teams) would otherwise add
  /// without end are dropped together when the cache is this full.
  static constexpr std::size_t kMaxCachedStatements = 512;
  void forget_statements() {
    for (auto& [text, cached] : cache_) sqlite3_finalize(cached);
    cache_.clear();
  }

  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::shared_ptr<Checkpointer> checkpointer_;
};

}  // namespace

Result<std::unique_ptr<Connection>> connect(const std::string& path) {
  // SQLite counts every allocation under one process-wide mutex unless told not to; with a
  // pool of connections that lock is taken by each of them for each row.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Error::unavailable(fmt::format("sqlite open {}: {}", path, message));
  }
  wait_when_busy(db, 5000);
  auto conn = std::make_unique<SqliteConnection>(db);
  // Turning a new file to WAL takes an exclusive lock that SQLite does not wait for through the
  // busy handler: when several connections open a new database at once (migrators, a pool),
  // the ones that lose are told "database is locked" at once, so they try again for a while.
  for (auto waited = std::chrono::milliseconds(0);; waited += std::chrono::milliseconds(2)) {
    auto set = conn->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (set) break;
    if (set.error().code != Errc::unavailable || waited >= std::chrono::seconds(5)) return std::move(set).error();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // 32 MiB of page cache a connection (SQLite's default is 2 MiB): a list page of a national
  // database reads a few thousand pages, which then stay for the next request until a commit.
  ATB_TRY(conn->execute_script("PRAGMA cache_size=-32768;"));
  // Checkpoints run in the background, not inside whichever commit fills the WAL (checkpointer.h).
  if (auto checkpointer = checkpointer_for(path)) {
    ATB_TRY(conn->execute_script("PRAGMA wal_autocheckpoint=8192; PRAGMA journal_size_limit=16777216;"));
    conn->hold(std::move(checkpointer));
  }
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace atb::storage::sqlite
