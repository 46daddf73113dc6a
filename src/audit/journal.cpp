#include "audit/journal.h"

#include "core/crypto.h"
#include "core/time.h"
#include "storage/sqlite/engine.h"

namespace atb::audit {

using storage::params;

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS journal_identity (uid TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS journal_entry ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id INTEGER,"
    " username TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, entity_type TEXT NOT NULL,"
    " entity_id TEXT NOT NULL, reason TEXT NOT NULL, outcome TEXT NOT NULL,"
    " request_id TEXT NOT NULL, remote TEXT NOT NULL);";

/// Runs `f` in one write transaction of `c`.
template <class F>
Result<void> in_transaction(storage::Connection& c, F&& f) {
  ATB_TRY(c.begin(true));
  if (auto done = f(); !done) {
    (void)c.rollback();
    return done;
  }
  return c.commit();
}

}  // namespace

std::string Journal::path_for(const std::string& database_path) {
  return database_path + "-audit-journal";
}

bool Journal::file_backed(const std::string& database_path) {
  return !database_path.empty() && database_path != ":memory:" && database_path.rfind("file:", 0) != 0;
}

Result<std::unique_ptr<Journal>> Journal::open(const std::string& path) {
  ATB_TRY_ASSIGN(c, storage::sqlite::connect(path));
  std::string uid;
  ATB_TRY(in_transaction(*c, [&]() -> Result<void> {
    ATB_TRY(c->execute_script(kSchema));
    ATB_TRY_ASSIGN(rows, c->query("SELECT uid FROM journal_identity"));
    if (!rows.empty()) {
      uid = rows[0].text(0);
      return ok();
    }
    uid = crypto::random_token(16);
    ATB_TRY(c->execute("INSERT INTO journal_identity (uid) VALUES (?)", params(uid)));
    return ok();
  }));
  return std::unique_ptr<Journal>(new Journal(std::move(c), std::move(uid)));
}

Result<void> Journal::append(std::vector<Entry>& entries) {
  if (entries.empty()) return ok();
  return in_transaction(*c_, [&]() -> Result<void> {
    for (Entry& e : entries) {
      if (e.at.empty()) e.at = now_utc_iso();
      ATB_TRY(c_->execute(
          "INSERT INTO journal_entry (at, user_id, username, role, action, entity_type, entity_id,"
          " reason, outcome, request_id, remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          params(e.at, e.user_id, e.username, e.role, e.action, e.entity_type, e.entity_id, e.reason,
                 e.outcome, e.request_id, e.remote)));
    }
    return ok();
  });
}

Result<std::vector<JournalEntry>> Journal::pending(std::int64_t after, std::size_t limit) {
  ATB_TRY_ASSIGN(rows, c_->query("SELECT id, at, user_id, username, role, action, entity_type,"
                                 " entity_id, reason, outcome, request_id, remote FROM journal_entry"
                                 " WHERE id > ? ORDER BY id LIMIT ?",
                                 params(after, static_cast<std::int64_t>(limit))));
  std::vector<JournalEntry> out;
  out.reserve(rows.size());
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), Entry{r.text(1), r.opt_integer(2), r.text(3), r.text(4), r.text(5),
                                       r.text(6), r.text(7), r.text(8), r.text(9), r.text(10),
                                       r.text(11)}});
  }
  return out;
}

Result<void> Journal::forget(std::int64_t id) {
  return in_transaction(*c_, [&]() -> Result<void> {
    ATB_TRY(c_->execute("DELETE FROM journal_entry WHERE id <= ?", params(id)));
    return ok();
  });
}

}  // namespace atb::audit
