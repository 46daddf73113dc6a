// Text sealed at rest under a versioned key, so that keys can be rotated: case notes now,
// attachments and other sensitive text later. Each sealed value names the key it was sealed with:
//
//     k<id>:<base64 of nonce ‖ secretbox ciphertext>        e.g. "k2:q83v…"
//
// The keys live in the key file (auth.key_file / ATBALSTS_KEY_FILE), outside the database:
//
//     <base64 master key>          line 1, as SecretBox reads it (TOTP secrets, audit seal)
//     key 2 <base64 32 bytes>      a random text key, added by `atbalsts key rotate`
//     key 3 <base64 32 bytes>
//     retired 1                    a key no longer accepted (after every value was re-sealed)
//     # comments and blank lines are ignored
//
// Key 1 is derived from the master key (BLAKE2b keyed with it, purpose "atbalsts sealed text key
// 1"), so every installation has a text key without writing anything, and servers that start at
// the same time cannot race to create different ones. Keys 2, 3, … are independent random keys
// written into the file by add_key(). The current key, which seal() uses, is the highest id that
// is not retired. Rotation: add_key(), copy the key file to every server and restart them, let
// `key rotate` reseal() every value for which needs_rotation() is true, then retire_key() the old
// ids (a retired random key may also be deleted from the file) so old backups of the database
// cannot be read with the key file any more. See docs/notes-encryption.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/secret_box.h"

namespace atb {

/// The set of text keys {id → key} and the current id. Immutable once loaded; safe to share
/// between threads.
class Keyring {
 public:
  /// Opens the key file at `key_file` (creating it as SecretBox::open_or_create does) and reads
  /// its text keys. Fails (internal) for a line it does not understand, a key that is not 32
  /// base64 bytes, an id given twice or "key 1", or when every key is retired.
  static Result<Keyring> load(const std::string& key_file);

  /// The keyring of a key file whose master key is `master` and whose whole text is `file_text`
  /// (line 1 is skipped). The same rules as load().
  static Result<Keyring> parse(const SecretBox& master, std::string_view file_text);

  /// Adds a new random key to the key file (id one above the highest there, retired or not) and
  /// returns its id; it becomes current for keyrings loaded afterwards. The file is replaced
  /// atomically and stays mode 0600.
  static Result<std::uint32_t> add_key(const std::string& key_file);

  /// Marks key `id` retired in the key file. Refuses (invalid) the current key and an id the
  /// file does not have.
  static Result<void> retire_key(const std::string& key_file, std::uint32_t id);

  /// The id seal() uses.
  std::uint32_t current_id() const { return current_; }

  /// Whether values sealed under `id` can be opened.
  bool has_key(std::uint32_t id) const { return boxes_.count(id) != 0; }

  /// The ids of the keys not retired, ascending (the last is current_id()).
  std::vector<std::uint32_t> ids() const;

  /// `plain` sealed under the current key: "k<id>:<base64>". A fresh random nonce every time.
  std::string seal(std::string_view plain) const;

  /// The text of a sealed value. Errors (internal, with the reason in `detail` for the log): a
  /// value not of the form k<id>:…, a key id this keyring does not have (retired, or from
  /// another key file), and a value that fails authentication (altered or truncated).
  Result<std::string> open(std::string_view sealed) const;

  /// Whether `sealed` is not sealed under the current key (also when it is malformed, so that a
  /// rotation run reports it rather than skipping it).
  bool needs_rotation(std::string_view sealed) const;

  /// The value sealed under the current key: opened and sealed again, or returned unchanged when
  /// it already is under the current key. Fails as open() does.
  Result<std::string> reseal(std::string_view sealed) const;

  /// The key id a sealed value names, or nullopt when it is not of the form k<id>:….
  static std::optional<std::uint32_t> key_id(std::string_view sealed);

 private:
  Keyring(std::map<std::uint32_t, SecretBox> boxes, std::uint32_t current)
      : boxes_(std::move(boxes)), current_(current) {}
  std::map<std::uint32_t, SecretBox> boxes_;  ///< the keys not retired
  std::uint32_t current_;
};

}  // namespace atb
