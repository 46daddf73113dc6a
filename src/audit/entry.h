// One audit entry and its place in the hash chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace atb::audit {

/// What happened, by whom, to what. Times are UTC ISO 8601.
struct Entry {
  std::string at;                      ///< set by the log when empty
  std::optional<std::int64_t> user_id;
  std::string username;                ///< "" for anonymous (e.g. a failed login's name is in entity_id)
  std::string role;                    ///< the user's roles, comma-separated
  std::string action;                  ///< login, login_failed, logout, read, list, create, update, …
  std::string entity_type;             ///< user, session, team, person, case, …
  std::string entity_id;
  std::string reason;                  ///< purpose or break-glass reason
  std::string outcome = "ok";          ///< ok, denied, failed
  std::string request_id;
  std::string remote;
};

/// The hash-chain text of an entry at `seq`: a JSON array of every field, so that no two
/// different entries share a text.
std::string canonical(std::int64_t seq, const Entry& e);

/// SHA-256(prev_hash ‖ canonical), lower-case hex.
std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const Entry& e);

/// The hash before the first entry.
inline const std::string kGenesisHash(64, '0');

}  // namespace atb::audit
