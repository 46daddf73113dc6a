#include "access/password.h"

#include <sodium.h>

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "core/crypto.h"

namespace atb::access {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
constexpr size_t kMinLength = 12, kMaxLength = 128;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

size_t utf8_length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The password without leading and trailing digits and punctuation ("Password1234!" → "password").
std::string core_of(const std::string& lower) {
  auto is_padding = [](unsigned char c) { return std::isdigit(c) || std::ispunct(c) || c == ' '; };
  size_t b = 0, e = lower.size();
  while (b < e && is_padding(static_cast<unsigned char>(lower[b]))) ++b;
  while (e > b && is_padding(static_cast<unsigned char>(lower[e - 1]))) --e;
  return lower.substr(b, e - b);
}

// Whether `s` is one shorter string repeated ("passwordpassword" → "password").
std::string repeated_unit(const std::string& s) {
  for (size_t n = 1; n <= s.size() / 2; ++n) {
    if (s.size() % n != 0) continue;
    bool same = true;
    for (size_t i = n; i < s.size() && same; ++i) same = s[i] == s[i % n];
    if (same) return s.substr(0, n);
  }
  return s;
}

Error password_error(Text message) { return Error::invalid_field("password", std::move(message)); }

}  // namespace

Result<PasswordPolicy> PasswordPolicy::load(const std::string& file) {
  std::ifstream in(file);
  if (!in) return Error::internal("cannot read the common-password list " + file);
  std::unordered_set<std::string> common;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#!comment", 0) == 0) continue;
    common.insert(lower_ascii(line));
  }
  return with_list(std::move(common));
}

PasswordPolicy PasswordPolicy::with_list(std::unordered_set<std::string> common) {
  PasswordPolicy p;
  p.common_ = std::move(common);
  return p;
}

Result<void> PasswordPolicy::check(std::string_view password, std::string_view username) const {
  const size_t length = utf8_length(password);
  if (length < kMinLength || length > kMaxLength) {
    return password_error({fmt::format("Parolei jābūt no {} līdz {} rakstzīmēm.", kMinLength, kMaxLength),
                           fmt::format("The password must be {} to {} characters long.", kMinLength,
                                       kMaxLength)});
  }
  const std::string lower = lower_ascii(password);
  const std::string core = core_of(lower);
  const bool common = common_.count(lower) > 0 || (core.size() >= 4 && common_.count(core) > 0) ||
                      common_.count(repeated_unit(core)) > 0;
  if (common) {
    return password_error({"Šī parole ir plaši izmantota un viegli uzminama. Izvēlieties citu.",
                           "This password is widely used and easy to guess. Choose another."});
  }
  if (!username.empty() && lower.find(lower_ascii(username)) != std::string::npos) {
    return password_error({"Parole nedrīkst saturēt lietotājvārdu.",
                           "The password must not contain the user name."});
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return password_error({"Parole nedrīkst sastāvēt no vienas atkārtotas rakstzīmes.",
                           "The password must not be one repeated character."});
  }
  return ok();
}

std::string hash_password(std::string_view password) {
  crypto::init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory");
  }
  return out;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  crypto::init();
  const std::string e(encoded);
  return crypto_pwhash_str_verify(e.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoy_hash() {
  static const std::string hash = hash_password(crypto::random_token(24));
  return hash;
}

}  // namespace atb::access
