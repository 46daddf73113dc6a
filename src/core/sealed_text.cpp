#include "core/sealed_text.h"

#include <sodium.h>
#include <sys/stat.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "core/crypto.h"

namespace atb {
namespace {

constexpr std::string_view kDerivedPurpose = "atbalsts sealed text key 1";

/// The text keys of a key file, as written there.
struct KeyLines {
  std::map<std::uint32_t, std::string> keys;  // id → raw key, for ids 2, 3, …
  std::set<std::uint32_t> retired;
  std::uint32_t highest = 1;  // the highest id named anywhere (key 1 always exists)
};

Error key_file_error(const std::string& what) { return Error::internal("key file: " + what); }

/// A key id: 1 to 9 digits without a leading zero.
std::optional<std::uint32_t> parse_id(std::string_view s) {
  std::uint32_t id = 0;
  if (s.empty() || s.size() > 9 || s[0] == '0') return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return id;
}

/// The words of a line, split at spaces and tabs.
std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

/// Reads the lines after the first (the master key) of a key file's text.
Result<KeyLines> read_key_lines(std::string_view text) {
  KeyLines out;
  std::istringstream in{std::string(text)};
  std::string line;
  std::getline(in, line);  // the master key
  for (int number = 2; std::getline(in, line); ++number) {
    const auto w = words(line);
    const std::string where = "line " + std::to_string(number) + ": ";
    if (w.empty() || w[0][0] == '#') continue;
    const auto id = w.size() >= 2 ? parse_id(w[1]) : std::nullopt;
    if (!id) return key_file_error(where + "expected \"key <id> <base64>\" or \"retired <id>\"");
    out.highest = std::max(out.highest, *id);
    if (w[0] == "retired" && w.size() == 2) {
      out.retired.insert(*id);
      continue;
    }
    if (w[0] != "key" || w.size() != 3) {
      return key_file_error(where + "expected \"key <id> <base64>\" or \"retired <id>\"");
    }
    if (*id == 1) return key_file_error(where + "key 1 is derived from the master key");
    auto key = crypto::base64_decode(w[2]);
    if (!key || key->size() != crypto_secretbox_KEYBYTES) {
      return key_file_error(where + "key " + w[1] + " is not 32 bytes in base64");
    }
    if (!out.keys.emplace(*id, std::move(*key)).second) {
      return key_file_error(where + "key " + w[1] + " is given twice");
    }
  }
  return out;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return key_file_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces the file at `path` by `text` atomically, readable by its owner only.
Result<void> write_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    ::chmod(tmp.c_str(), 0600);
    out << text;
    if (!out.flush()) return key_file_error("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return key_file_error("cannot replace " + path + ": " + ec.message());
  return ok();
}

/// A key file: its master key, its whole text (ending in a line feed) and its text keys.
struct KeyFile {
  SecretBox master;
  std::string text;
  KeyLines lines;
};

/// Reads the key file at `path`, creating it with a master key when it is missing.
Result<KeyFile> read_key_file(const std::string& path) {
  ATB_TRY_ASSIGN(master, SecretBox::open_or_create(path));
  ATB_TRY_ASSIGN(text, read_file(path));
  ATB_TRY_ASSIGN(lines, read_key_lines(text));
  if (!text.empty() && text.back() != '\n') text += '\n';
  return KeyFile{std::move(master), std::move(text), std::move(lines)};
}

Error sealed_error(std::string detail) { return Error::internal("sealed text: " + detail); }

}  // namespace

Result<Keyring> Keyring::load(const std::string& key_file) {
  ATB_TRY_ASSIGN(file, read_key_file(key_file));
  return parse(file.master, file.text);
}

Result<Keyring> Keyring::parse(const SecretBox& master, std::string_view file_text) {
  ATB_TRY_ASSIGN(lines, read_key_lines(file_text));
  std::map<std::uint32_t, SecretBox> boxes;
  if (lines.retired.count(1) == 0) {
    boxes.emplace(1, SecretBox::from_key(master.derive_key(kDerivedPurpose)));
  }
  for (auto& [id, key] : lines.keys) {
    if (lines.retired.count(id) == 0) boxes.emplace(id, SecretBox::from_key(std::move(key)));
  }
  if (boxes.empty()) return key_file_error("every text key is retired");
  const std::uint32_t current = boxes.rbegin()->first;
  return Keyring(std::move(boxes), current);
}

Result<std::uint32_t> Keyring::add_key(const std::string& key_file) {
  ATB_TRY_ASSIGN(file, read_key_file(key_file));
  const std::uint32_t id = file.lines.highest + 1;
  file.text += "key " + std::to_string(id) + " " +
          crypto::base64_encode(crypto::random_bytes(crypto_secretbox_KEYBYTES)) + "\n";
  ATB_TRY(write_file(key_file, file.text));
  return id;
}

Result<void> Keyring::retire_key(const std::string& key_file, std::uint32_t id) {
  ATB_TRY_ASSIGN(file, read_key_file(key_file));
  ATB_TRY_ASSIGN(ring, parse(file.master, file.text));
  if (id != 1 && file.lines.keys.count(id) == 0) {
    return Error::invalid_field("id", {"Atslēgas ar šo numuru atslēgu failā nav.",
                                       "The key file has no key with this id."});
  }
  if (id == ring.current_id()) {
    return Error::invalid_field("id", {"Pašreizējo atslēgu atsaukt nevar; vispirms pievienojiet "
                                       "jaunu.",
                                       "The current key cannot be retired; add a new one first."});
  }
  if (file.lines.retired.count(id) != 0) return ok();
  return write_file(key_file, file.text + "retired " + std::to_string(id) + "\n");
}

std::optional<std::uint32_t> Keyring::key_id(std::string_view sealed) {
  const auto colon = sealed.find(':');
  if (sealed.empty() || sealed[0] != 'k' || colon == std::string_view::npos) return std::nullopt;
  return parse_id(sealed.substr(1, colon - 1));
}

std::string Keyring::seal(std::string_view plain) const {
  return "k" + std::to_string(current_) + ":" + boxes_.at(current_).seal(plain);
}

Result<std::string> Keyring::open(std::string_view sealed) const {
  const auto id = key_id(sealed);
  if (!id) return sealed_error("not of the form k<id>:<base64>");
  const auto box = boxes_.find(*id);
  if (box == boxes_.end()) {
    return sealed_error("unknown key id " + std::to_string(*id) +
                        " (retired, or sealed with another key file)");
  }
  auto plain = box->second.open(sealed.substr(sealed.find(':') + 1));
  if (!plain) {
    return sealed_error("value under key " + std::to_string(*id) +
                        " fails authentication (altered or truncated)");
  }
  return std::move(*plain);
}

std::vector<std::uint32_t> Keyring::ids() const {
  std::vector<std::uint32_t> out;
  for (const auto& [id, box] : boxes_) out.push_back(id);
  return out;
}

bool Keyring::needs_rotation(std::string_view sealed) const {
  return key_id(sealed) != current_;
}

Result<std::string> Keyring::reseal(std::string_view sealed) const {
  ATB_TRY_ASSIGN(plain, open(sealed));
  if (!needs_rotation(sealed)) return std::string(sealed);
  return seal(plain);
}

}  // namespace atb
