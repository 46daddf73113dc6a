#include "access/session_store.h"

#include "core/time.h"

namespace atb::access {

using storage::params;
using storage::Row;

namespace {

constexpr const char* kColumns =
    "id, user_id, stage, csrf_token, created_at, last_seen_at, expires_at, remote, user_agent,"
    " pending_secret";

SessionRecord session_from(const Row& r) {
  return SessionRecord{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                       r.text(5),    r.text(6),    r.text(7), r.text(8), r.opt_text(9)};
}

}  // namespace

Result<std::int64_t> insert_session(storage::Connection& c, const std::string& token_hash,
                                    const SessionRecord& s) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO user_session (token_hash, user_id, stage, csrf_token,"
                               " created_at, last_seen_at, expires_at, remote, user_agent)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               params(token_hash, s.user_id, s.stage, s.csrf_token, s.created_at,
                                      s.last_seen_at, s.expires_at, s.remote, s.user_agent)));
  return rows[0].integer(0);
}

Result<std::optional<SessionRecord>> find_session(storage::Connection& c, const std::string& token_hash) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kColumns +
                                   " FROM user_session WHERE token_hash = ? AND ended_at IS NULL",
                               params(token_hash)));
  if (rows.empty()) return std::optional<SessionRecord>{};
  return std::optional<SessionRecord>(session_from(rows[0]));
}

Result<std::optional<SessionRecord>> find_session_by_id(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kColumns +
                                   " FROM user_session WHERE id = ? AND ended_at IS NULL",
                               params(id)));
  if (rows.empty()) return std::optional<SessionRecord>{};
  return std::optional<SessionRecord>(session_from(rows[0]));
}

Result<void> touch_session(storage::Connection& c, std::int64_t id, const std::string& now) {
  ATB_TRY(c.execute("UPDATE user_session SET last_seen_at = ? WHERE id = ?", params(now, id)));
  return ok();
}

Result<void> set_session_stage(storage::Connection& c, std::int64_t id, const std::string& stage) {
  ATB_TRY(c.execute("UPDATE user_session SET stage = ?, pending_secret = NULL WHERE id = ?",
                    params(stage, id)));
  return ok();
}

Result<void> set_pending_secret(storage::Connection& c, std::int64_t id,
                                const std::optional<std::string>& sealed) {
  ATB_TRY(c.execute("UPDATE user_session SET pending_secret = ? WHERE id = ?", params(sealed, id)));
  return ok();
}

Result<void> end_session(storage::Connection& c, std::int64_t id, const std::string& now) {
  ATB_TRY(c.execute("UPDATE user_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    params(now, id)));
  return ok();
}

Result<void> end_user_sessions(storage::Connection& c, std::int64_t user_id, const std::string& now) {
  ATB_TRY(c.execute("UPDATE user_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
                    params(now, user_id)));
  return ok();
}

Result<std::vector<SessionRecord>> list_open_sessions(storage::Connection& c, std::int64_t user_id,
                                                      const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kColumns +
                                   " FROM user_session WHERE user_id = ? AND ended_at IS NULL"
                                   " AND expires_at > ? ORDER BY id DESC LIMIT 100",
                               params(user_id, now)));
  std::vector<SessionRecord> out;
  for (const Row& r : rows) out.push_back(session_from(r));
  return out;
}

Result<std::int64_t> insert_token(storage::Connection& c, const std::string& token_hash,
                                  std::int64_t user_id, const std::string& name,
                                  const std::string& expires_at) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO api_token (token_hash, user_id, name, created_at, expires_at)"
                               " VALUES (?, ?, ?, ?, ?) RETURNING id",
                               params(token_hash, user_id, name, now_utc_iso(), expires_at)));
  return rows[0].integer(0);
}

}  // namespace atb::access
