#include "audit/seal.h"

#include <memory>
#include <mutex>

#include <sodium.h>

namespace atb::audit {
namespace {

std::mutex key_mutex;
std::shared_ptr<const std::string> key_holder;

std::shared_ptr<const std::string> current_key() {
  std::lock_guard lock(key_mutex);
  return key_holder;
}

}  // namespace

void set_seal_key(std::string key) {
  std::lock_guard lock(key_mutex);
  key_holder = std::make_shared<const std::string>(std::move(key));
}

void set_seal_key_from(const SecretBox& box) { set_seal_key(box.derive_key("atbalsts audit seal")); }

bool has_seal_key() { return current_key() != nullptr; }

std::string seal(std::int64_t seq, const std::string& hash) {
  const auto key = current_key();
  if (!key) return {};
  const std::string message = std::to_string(seq) + ":" + hash;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key->data()), key->size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

}  // namespace atb::audit
