#include "core/secret_box.h"

#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace atb {

Result<SecretBox> SecretBox::open_or_create(const std::string& path) {
  crypto::init();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    const std::string key = crypto::random_bytes(crypto_secretbox_KEYBYTES);
    const std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << crypto::base64_encode(key) << "\n";
      if (!out) return Error::internal("cannot write key file " + tmp);
    }
    ::chmod(tmp.c_str(), 0600);
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Error::internal("cannot create key file " + path + ": " + ec.message());
  }
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  auto key = crypto::base64_decode(text);
  if (!key || key->size() != crypto_secretbox_KEYBYTES) {
    return Error::internal("the key file " + path + " does not hold a 32-byte base64 key");
  }
  return SecretBox(std::move(*key));
}

SecretBox SecretBox::from_key(std::string key) { return SecretBox(std::move(key)); }

std::string SecretBox::seal(std::string_view plain) const {
  std::string nonce = crypto::random_bytes(crypto_secretbox_NONCEBYTES);
  std::string out(nonce.size() + crypto_secretbox_MACBYTES + plain.size(), '\0');
  std::copy(nonce.begin(), nonce.end(), out.begin());
  crypto_secretbox_easy(reinterpret_cast<unsigned char*>(out.data() + nonce.size()),
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        reinterpret_cast<const unsigned char*>(nonce.data()),
                        reinterpret_cast<const unsigned char*>(key_.data()));
  return crypto::base64_encode(out);
}

std::optional<std::string> SecretBox::open(std::string_view sealed) const {
  auto raw = crypto::base64_decode(sealed);
  const size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (!raw || raw->size() < overhead) return std::nullopt;
  std::string plain(raw->size() - overhead, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(plain.data()),
          reinterpret_cast<const unsigned char*>(raw->data() + crypto_secretbox_NONCEBYTES),
          raw->size() - crypto_secretbox_NONCEBYTES,
          reinterpret_cast<const unsigned char*>(raw->data()),
          reinterpret_cast<const unsigned char*>(key_.data())) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string SecretBox::derive_key(std::string_view purpose) const {
  std::string out(32, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                     reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
  return out;
}

}  // namespace atb
