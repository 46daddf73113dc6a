#include "cases/instrument_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace atb::cases::detail {

using nlohmann::json;

const Text kObject{"objekts", "an object"};
const Text kArray{"saraksts", "an array"};
const Text kString{"teksts", "a string"};
const Text kInteger{"vesels skaitlis", "an integer"};
const Text kBoolean{"true vai false", "true or false"};

void Problems::add(std::string path, Text message) {
  fields_.push_back(FieldError{std::move(path), std::move(message)});
}

Error Problems::to_error(Text message) && {
  Error e{Errc::invalid, std::move(message), std::move(fields_), {}};
  return e;
}

void Problems::missing(const std::string& path) {
  add(path, {"Obligāts lauks.", "Required field."});
}

void Problems::wrong_type(const std::string& path, const Text& expected) {
  add(path, {fmt::format("Nepareizs tips: gaidīts {}.", expected.lv),
             fmt::format("Wrong type: expected {}.", expected.en)});
}

std::string join(const std::string& base, std::string_view key) {
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string join(const std::string& base, std::size_t index) {
  return join(base, std::to_string(index));
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

void check_keys(Problems& p, const json& obj, const std::string& path,
                std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      p.add(join(path, key), {"Nezināms lauks.", "Unknown key."});
    }
  }
}

const json* member(Problems& p, const json& obj, const std::string& path, std::string_view key,
                   bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) p.missing(join(path, key));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> get_string(Problems& p, const json& obj, const std::string& path,
                                      std::string_view key, bool required) {
  const json* v = member(p, obj, path, key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    p.wrong_type(join(path, key), kString);
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> get_identifier(Problems& p, const json& obj, const std::string& path,
                                          std::string_view key) {
  auto s = get_string(p, obj, path, key, true);
  if (s && !is_identifier(*s)) {
    p.add(join(path, key),
          {"Identifikatoram jābūt no mazajiem latīņu burtiem, cipariem, '_' vai '-' (līdz 64).",
           "An identifier must be lowercase Latin letters, digits, '_' or '-' (up to 64)."});
    return std::nullopt;
  }
  return s;
}

std::optional<int> get_int(Problems& p, const json& obj, const std::string& path,
                           std::string_view key, bool required, int min, int max) {
  const json* v = member(p, obj, path, key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    p.wrong_type(join(path, key), kInteger);
    return std::nullopt;
  }
  auto n = v->get<std::int64_t>();
  if (n < min || n > max) {
    p.add(join(path, key), {fmt::format("Vērtībai jābūt no {} līdz {}.", min, max),
                            fmt::format("The value must be {} to {}.", min, max)});
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<bool> get_bool(Problems& p, const json& obj, const std::string& path,
                             std::string_view key, bool required) {
  const json* v = member(p, obj, path, key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    p.wrong_type(join(path, key), kBoolean);
    return std::nullopt;
  }
  return v->get<bool>();
}

Text get_text(Problems& p, const json& obj, const std::string& path, std::string_view key,
              bool required) {
  const json* v = member(p, obj, path, key, required);
  if (!v) return {};
  const std::string at = join(path, key);
  if (!v->is_object()) {
    p.wrong_type(at, kObject);
    return {};
  }
  check_keys(p, *v, at, {"lv", "en"});
  Text t;
  for (auto [lang, out] : {std::pair{"lv", &t.lv}, std::pair{"en", &t.en}}) {
    auto s = get_string(p, *v, at, lang, true);
    if (s && s->empty()) p.add(join(at, lang), {"Teksts ir tukšs.", "The text is empty."});
    if (s) *out = *s;
  }
  return t;
}

const json* get_array(Problems& p, const json& obj, const std::string& path, std::string_view key,
                      bool required) {
  const json* v = member(p, obj, path, key, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    p.wrong_type(join(path, key), kArray);
    return nullptr;
  }
  return v;
}

}  // namespace atb::cases::detail
