// Passwords: argon2id hashes (libsodium; 19 MiB, t = 2), and the rules a new password must meet:
// 12–128 characters, not one of the commonly used passwords, not the user name.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.h"

namespace atb::access {

/// The password rules, with the list of common passwords loaded from a packaged file.
class PasswordPolicy {
 public:
  /// Loads the common-password list (one per line; lines starting "#!comment" are skipped).
  static Result<PasswordPolicy> load(const std::string& common_passwords_file);
  /// A policy with an explicit list (tests).
  static PasswordPolicy with_list(std::unordered_set<std::string> common);

  /// Checks a new password; errors name the field `password`. A common password is refused
  /// also when padded with digits or punctuation ("Password1234!") or repeated.
  Result<void> check(std::string_view password, std::string_view username) const;
  std::size_t common_count() const { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;  ///< lower-case
};

/// An argon2id hash in the standard encoded form ($argon2id$v=19$m=19456,t=2,p=1$…).
std::string hash_password(std::string_view password);
/// Whether `password` matches `encoded` (constant-time inside libsodium).
bool verify_password(std::string_view encoded, std::string_view password);
/// A valid hash of a random password, to spend the same time when the user does not exist.
const std::string& decoy_hash();

}  // namespace atb::access
