// Time-based one-time passwords (RFC 6238, liboath): 6 digits, 30-second steps, ±1 step of
// clock drift, and never the same step twice for one user.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace atb::access {

/// A new random 20-byte secret.
std::string new_totp_secret();

/// The time step a valid `code` belongs to, if it is valid at `now` (±1 step) and later than
/// `last_step` (the last step this user already used); nullopt otherwise.
std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, std::time_t now,
                                        std::int64_t last_step);

/// The code for the step that contains `at` (for tests and the CLI).
std::string totp_code(std::string_view secret, std::time_t at);

/// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

/// The QR code of `text` as a standalone SVG document (libqrencode, error correction M).
std::string qr_svg(std::string_view text);

}  // namespace atb::access
