// The login flow: password, then the second factor (a TOTP code or a one-time recovery code),
// or — for a user without one — enrolment of an authenticator. Every attempt is throttled and
// audited; unknown users and wrong passwords look the same from outside.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "access/auth.h"
#include "access/password.h"
#include "access/throttle.h"
#include "audit/log.h"
#include "core/result.h"
#include "core/secret_box.h"
#include "storage/database.h"

namespace atb::access {

/// Where a login request came from (for the session record and the audit log).
struct Origin {
  std::string remote;
  std::string user_agent;
  std::string request_id;
};

/// A session just created or promoted: the secret goes into the cookie, never into the database.
struct IssuedSession {
  std::string token;
  SessionRecord record;
};

/// What the enrolment page shows.
struct Enrollment {
  std::string secret_base32;
  std::string otpauth_uri;
  std::string qr_svg;
};

class LoginService {
 public:
  LoginService(std::shared_ptr<storage::Database> db, const PasswordPolicy& passwords,
               const SecretBox& box, audit::AuditLog& audit, AuthSettings settings,
               ThrottleRules throttle = {});

  /// Checks user name and password. On success a session in stage "totp" or "enroll".
  Result<IssuedSession> password_step(const std::string& username, const std::string& password,
                                      const Origin& origin);
  /// Completes a "totp" session with a code or a recovery code; the session gets a new token.
  Result<IssuedSession> second_factor(const Authenticated& who, const std::string& code,
                                      const std::string& recovery_code, const Origin& origin);
  /// Starts enrolment for an "enroll" session: a new secret, kept sealed in the session.
  Result<Enrollment> start_enrollment(const Authenticated& who);
  /// Confirms enrolment with a first code; returns the completed session and the recovery codes.
  Result<std::pair<IssuedSession, std::vector<std::string>>> confirm_enrollment(
      const Authenticated& who, const std::string& code, const Origin& origin);
  /// Ends a session (logout) and audits it.
  Result<void> logout(const Authenticated& who, const Origin& origin);

 private:
  /// Seconds until the account or the address may try again (0 = not locked).
  Result<std::int64_t> lock_wait(storage::Connection& c, const std::string& username,
                                 const std::string& remote);
  /// Refuses with 429 (and audits it) while the account or address is locked.
  Result<void> refuse_if_locked(const std::string& username, std::optional<std::int64_t> user_id,
                                const Origin& origin);
  Result<void> fail(const std::string& username, std::optional<std::int64_t> user_id,
                    const std::string& reason, const Origin& origin);
  Result<IssuedSession> promote(const Authenticated& who, const std::string& action,
                                const Origin& origin);

  std::shared_ptr<storage::Database> db_;
  const PasswordPolicy& passwords_;
  const SecretBox& box_;
  audit::AuditLog& audit_;
  AuthSettings settings_;
  ThrottleRules throttle_;
};

/// Ten fresh recovery codes like "k3fa-9x2m-pq7d".
std::vector<std::string> new_recovery_codes();
/// The stored hash of a recovery code as typed (case and spaces ignored).
std::string recovery_code_hash(const std::string& typed);

}  // namespace atb::access
