// Small wrappers over libsodium: random tokens, SHA-256, constant-time comparison, base32/64.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace atb::crypto {

/// Initialises libsodium once (safe to call often).
void init();

/// `bytes` random bytes as URL-safe base64 without padding (32 bytes → 43 characters).
std::string random_token(std::size_t bytes = 32);
/// Raw random bytes.
std::string random_bytes(std::size_t bytes);
/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);
/// Equality in time independent of where the strings differ.
bool equal_constant_time(std::string_view a, std::string_view b);

/// RFC 4648 base32 (upper case, no padding), as authenticator apps expect.
std::string base32_encode(std::string_view raw);
/// RFC 4648 base32 back to bytes (case-insensitive, padding and spaces ignored); nullopt if invalid.
std::optional<std::string> base32_decode(std::string_view text);
/// Standard base64 with padding, and back (nullopt for invalid input).
std::string base64_encode(std::string_view raw);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace atb::crypto
