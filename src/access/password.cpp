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
  if (common_.count(lower) > 0) {
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
