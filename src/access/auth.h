// Who is behind a request: a Bearer API token or the session cookie, checked against the
// database (so any server can check any session), with idle and absolute expiry and CSRF.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "access/model.h"
#include "access/session_store.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::access {

/// Session lifetimes.
struct AuthSettings {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
};

/// What a request presents (extracted from headers by the HTTP adapter).
struct Credentials {
  std::optional<std::string> bearer;         ///< Authorization: Bearer …
  std::optional<std::string> session_token;  ///< the session cookie
  std::optional<std::string> csrf_header;    ///< X-CSRF-Token
  bool state_changing = false;               ///< POST, PUT, PATCH, DELETE
};

/// An authenticated caller and, for cookie logins, her session.
struct Authenticated {
  Principal principal;
  std::optional<SessionRecord> session;
};

/// Checks the credentials. Refuses (unauthenticated) a missing, unknown, ended, idle or expired
/// session, an invalid token and a disabled user; (forbidden) a state-changing cookie request
/// without the session's CSRF token. Sessions waiting for the second factor pass only when
/// `allow_partial`.
Result<Authenticated> authenticate(storage::Database& db, const Credentials& credentials,
                                   const AuthSettings& settings, bool allow_partial = false);

/// The SHA-256 under which a session or token secret is stored.
std::string secret_hash(const std::string& secret);

}  // namespace atb::access
