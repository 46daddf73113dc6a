// The administrative subcommands: `user add|list|disable|reset-2fa`, `token create`,
// `audit verify`. Each is one function over the database; main.cpp only parses flags.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "access/password.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// A new user from the command line.
struct UserAddOptions {
  std::string username;
  std::string full_name;
  std::string email;
  std::string password;
  std::vector<std::string> roles;
  std::vector<std::string> teams;  ///< team codes ("families")
};

Result<std::int64_t> user_add(storage::Database& db, const access::PasswordPolicy& passwords,
                              const UserAddOptions& o);
/// Prints one line per user: name, full name, roles, state.
Result<void> user_list(storage::Database& db, std::ostream& out);
/// Disables a user and ends her sessions.
Result<void> user_disable(storage::Database& db, const std::string& username);
/// Removes a user's authenticator and ends her sessions.
Result<void> user_reset_2fa(storage::Database& db, const std::string& username);
/// Creates an API token for the user, valid `days` days; returns the token (shown once).
Result<std::string> token_create(storage::Database& db, const std::string& username, int days,
                                 const std::string& name);
/// Moves what the read journal of `database_url` holds into the chain, then walks the audit
/// chain; prints the verdict; returns false when the chain is broken.
Result<bool> audit_verify(storage::Database& db, const std::string& database_url, std::ostream& out);

}  // namespace atb::app
