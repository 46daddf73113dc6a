// SQL for users, their roles and teams, second-factor secrets and recovery codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::access {

/// What login needs to know of a user (never leaves the server).
struct LoginRecord {
  std::int64_t id = 0;
  std::string password_hash;
  bool disabled = false;
  bool totp_enabled = false;
  std::optional<std::string> totp_secret_sealed;
  std::int64_t totp_last_step = 0;
};

/// A new account.
struct NewUser {
  std::string username;
  std::string full_name;
  std::optional<std::string> email;
  std::int64_t municipality_id = 0;
  std::string password_hash;
  std::vector<Role> roles;
  std::vector<std::int64_t> team_ids;
  std::optional<std::int64_t> partner_id;  ///< a partner user's institution
};

/// A change to an account; absent members stay as they are.
struct UserPatch {
  std::optional<std::string> full_name;
  std::optional<std::optional<std::string>> email;
  std::optional<std::vector<Role>> roles;
  std::optional<std::vector<std::int64_t>> team_ids;
  std::optional<bool> disabled;
  std::optional<std::optional<std::int64_t>> partner_id;  ///< a partner user's institution (null: none)
};

/// A page of users.
struct UserPage {
  std::vector<User> items;
  std::int64_t total = 0;
};

Result<std::optional<LoginRecord>> find_login(storage::Connection& c, const std::string& username);
Result<std::int64_t> insert_user(storage::Connection& c, const NewUser& u);
Result<std::optional<User>> find_user(storage::Connection& c, std::int64_t id);
Result<std::optional<std::int64_t>> find_user_id(storage::Connection& c, const std::string& username);
/// Users whose name or user name contains `q` (case-insensitive ASCII), by user name.
Result<UserPage> list_users(storage::Connection& c, const std::string& q, int page, int page_size);
Result<void> update_user(storage::Connection& c, std::int64_t id, const UserPatch& patch);
/// The user as a request principal: roles, teams and the teams' departments.
Result<std::optional<Principal>> load_principal(storage::Connection& c, std::int64_t user_id);
/// The principal of the API token whose secret hashes to `token_hash`, if it is neither revoked
/// nor expired at `now` (ISO UTC) and its user is not disabled: the token and the user in one
/// round trip (every API request does this).
Result<std::optional<Principal>> load_token_principal(storage::Connection& c, const std::string& token_hash,
                                                      const std::string& now);
/// Whether every team id exists in the municipality.
Result<bool> teams_exist(storage::Connection& c, std::int64_t municipality_id,
                         const std::vector<std::int64_t>& team_ids);

/// Whether `partner_id` is an institution of the partner register of the municipality.
Result<bool> partner_exists(storage::Connection& c, std::int64_t municipality_id, std::int64_t partner_id);

/// Stores an enrolled (or cleared, with nullopt) second factor.
Result<void> set_totp(storage::Connection& c, std::int64_t user_id,
                      std::optional<std::string> sealed_secret);
/// Records `step` as used if it is later than the last used one; false if it was not.
Result<bool> claim_totp_step(storage::Connection& c, std::int64_t user_id, std::int64_t step);
/// Replaces the user's recovery codes with these hashes.
Result<void> replace_recovery_codes(storage::Connection& c, std::int64_t user_id,
                                    const std::vector<std::string>& code_hashes);
/// Marks an unused recovery code as used; false if there is none with this hash.
Result<bool> use_recovery_code(storage::Connection& c, std::int64_t user_id,
                               const std::string& code_hash);

}  // namespace atb::access
