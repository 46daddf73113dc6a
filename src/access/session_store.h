// SQL for browser sessions and API tokens. Only SHA-256 hashes of their secrets are stored,
// so a copy of the database lets nobody act as a user, and any server can check them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::access {

/// A session row.
struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string stage;  ///< totp | enroll | complete
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
  std::string remote;
  std::string user_agent;
  std::optional<std::string> pending_secret;  ///< sealed TOTP secret during enrolment
};

Result<std::int64_t> insert_session(storage::Connection& c, const std::string& token_hash,
                                    const SessionRecord& s);
/// A session that has not ended, by the hash of its token (expiry is checked by the caller).
Result<std::optional<SessionRecord>> find_session(storage::Connection& c, const std::string& token_hash);
Result<std::optional<SessionRecord>> find_session_by_id(storage::Connection& c, std::int64_t id);
Result<void> touch_session(storage::Connection& c, std::int64_t id, const std::string& now);
Result<void> set_session_stage(storage::Connection& c, std::int64_t id, const std::string& stage);
Result<void> set_pending_secret(storage::Connection& c, std::int64_t id,
                                const std::optional<std::string>& sealed);
Result<void> end_session(storage::Connection& c, std::int64_t id, const std::string& now);
/// Ends every open session of a user (disabled account, reset second factor).
Result<void> end_user_sessions(storage::Connection& c, std::int64_t user_id, const std::string& now);
/// The user's sessions that have not ended or expired, newest first.
Result<std::vector<SessionRecord>> list_open_sessions(storage::Connection& c, std::int64_t user_id,
                                                      const std::string& now);

Result<std::int64_t> insert_token(storage::Connection& c, const std::string& token_hash,
                                  std::int64_t user_id, const std::string& name,
                                  const std::string& expires_at);
/// (A token is checked with its user in one statement: user_store's load_token_principal.)

}  // namespace atb::access
