// Secrets at rest (TOTP secrets now; case notes and documents later) are sealed with
// libsodium's secretbox under a key kept in a file outside the database. Servers that share
// a database share the key file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace atb {

/// A loaded secret-box key.
class SecretBox {
 public:
  /// Reads the 32-byte key from `path`, creating it (mode 0600, with its folder) if missing.
  static Result<SecretBox> open_or_create(const std::string& path);
  /// A key from raw bytes (tests).
  static SecretBox from_key(std::string key);

  /// nonce ‖ ciphertext, base64.
  std::string seal(std::string_view plain) const;
  /// A 32-byte key for another purpose, derived from this one (BLAKE2b keyed with it).
  std::string derive_key(std::string_view purpose) const;
  /// The plain text, or nullopt if the box was not made with this key or was altered.
  std::optional<std::string> open(std::string_view sealed) const;

 private:
  explicit SecretBox(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

}  // namespace atb
