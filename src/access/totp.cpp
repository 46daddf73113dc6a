#include "access/totp.h"

#include <liboath/oath.h>
#include <qrencode.h>

#include <fmt/format.h>

#include "core/crypto.h"

namespace atb::access {
namespace {

constexpr unsigned kStep = 30;
constexpr int kDigits = 6;

void oath_once() {
  static const int rc = oath_init();
  (void)rc;
}

std::string uri_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() { return crypto::random_bytes(20); }

std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, std::time_t now,
                                        std::int64_t last_step) {
  oath_once();
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::string otp(code);
  uint64_t counter = 0;
  const int rc = oath_totp_validate3(secret.data(), secret.size(), now, kStep, 0, 1, nullptr,
                                     &counter, otp.c_str());
  if (rc < 0) return std::nullopt;
  const auto step = static_cast<std::int64_t>(counter);
  if (step <= last_step) return std::nullopt;  // this code (or a later one) was already used
  return step;
}

std::string totp_code(std::string_view secret, std::time_t at) {
  oath_once();
  char out[kDigits + 1] = {};
  oath_totp_generate(secret.data(), secret.size(), at, kStep, 0, kDigits, out);
  return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
  return fmt::format("otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
                     uri_escape(issuer), uri_escape(account), crypto::base32_encode(secret),
                     uri_escape(issuer));
}

std::string qr_svg(std::string_view text) {
  const std::string t(text);
  QRcode* qr = QRcode_encodeString(t.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return {};
  const int w = qr->width, margin = 4, size = w + 2 * margin;
  std::string path;
  for (int y = 0; y < w; ++y) {
    for (int x = 0; x < w; ++x) {
      if (qr->data[y * w + x] & 1) path += fmt::format("M{},{}h1v1h-1z", x + margin, y + margin);
    }
  }
  QRcode_free(qr);
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" width="{1}" height="{1}" )"
      R"(shape-rendering="crispEdges"><rect width="{0}" height="{0}" fill="#fff"/>)"
      R"(<path d="{2}" fill="#000"/></svg>)",
      size, size * 6, path);
}

}  // namespace atb::access
