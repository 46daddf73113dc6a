// Small helpers for reading JSON definitions while collecting every problem with its JSON path,
// shared by the instrument loader and the answer reader. Internal to src/cases/instrument*.
#pragma once

#include <fmt/format.h>

#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/text.h"

namespace atb::cases::detail {

/// Collects field problems; paths are dotted JSON paths with array indexes ("sections.2.id").
class Problems {
 public:
  /// Records a problem at `path`.
  void add(std::string path, Text message);
  /// Whether nothing was recorded.
  bool empty() const { return fields_.empty(); }
  /// The problems as an Errc::invalid error with `message`.
  Error to_error(Text message) &&;

  /// "Obligāts lauks." / "Required field." at `path`.
  void missing(const std::string& path);
  /// "Nepareizs tips: gaidīts <expected>." at `path`.
  void wrong_type(const std::string& path, const Text& expected);

 private:
  std::vector<FieldError> fields_;
};

/// `base.key` (or `key` when `base` is empty).
std::string join(const std::string& base, std::string_view key);
/// `base.index`.
std::string join(const std::string& base, std::size_t index);

/// Whether `s` is a lowercase identifier: a letter, then letters, digits, '_' or '-'.
bool is_identifier(std::string_view s);

/// Records "unknown key" for each key of `obj` not in `known`.
void check_keys(Problems& p, const nlohmann::json& obj, const std::string& path,
                std::initializer_list<std::string_view> known);

/// The member `key` of `obj` if present (records "missing" when `required` and absent).
const nlohmann::json* member(Problems& p, const nlohmann::json& obj, const std::string& path,
                             std::string_view key, bool required);

/// A string member; nullopt (with a problem when required or mistyped) otherwise.
std::optional<std::string> get_string(Problems& p, const nlohmann::json& obj,
                                      const std::string& path, std::string_view key, bool required);
/// An identifier member (see is_identifier).
std::optional<std::string> get_identifier(Problems& p, const nlohmann::json& obj,
                                          const std::string& path, std::string_view key);
/// An integer member within [min, max].
std::optional<int> get_int(Problems& p, const nlohmann::json& obj, const std::string& path,
                           std::string_view key, bool required, int min, int max);
/// A boolean member.
std::optional<bool> get_bool(Problems& p, const nlohmann::json& obj, const std::string& path,
                             std::string_view key, bool required);
/// A bilingual text {"lv": …, "en": …}, both non-empty; empty Text when absent and optional.
Text get_text(Problems& p, const nlohmann::json& obj, const std::string& path, std::string_view key,
              bool required);
/// An array member (nullptr, with a problem when required or mistyped, otherwise).
const nlohmann::json* get_array(Problems& p, const nlohmann::json& obj, const std::string& path,
                                std::string_view key, bool required);

/// Parses an enumerated string member with `codes` (index = enum value).
template <class E, std::size_t N>
std::optional<E> get_enum(Problems& p, const nlohmann::json& obj, const std::string& path,
                          std::string_view key, bool required,
                          const std::array<std::string_view, N>& codes) {
  auto s = get_string(p, obj, path, key, required);
  if (!s) return std::nullopt;
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == *s) return static_cast<E>(i);
  }
  std::string list;
  for (auto c : codes) list += (list.empty() ? "" : ", ") + std::string(c);
  p.add(join(path, key), {fmt::format("Nezināma vērtība \"{}\"; atļautas: {}.", *s, list),
                          fmt::format("Unknown value \"{}\"; allowed: {}.", *s, list)});
  return std::nullopt;
}

/// The JSON codes of RiskLevel, QuestionType, ScoreKind, SectionScope and Measure (index = value).
inline constexpr std::array<std::string_view, 4> kLevelCodes{"low", "medium", "high", "very_high"};
inline constexpr std::array<std::string_view, 5> kTypeCodes{"scale", "yes_no", "single_choice",
                                                            "multiple_choice", "text"};
inline constexpr std::array<std::string_view, 3> kScoreCodes{"none", "difficulty", "resource"};
inline constexpr std::array<std::string_view, 2> kScopeCodes{"member", "household"};
inline constexpr std::array<std::string_view, 2> kMeasureCodes{"difficulty", "net"};

/// Type names for wrong_type messages.
extern const Text kObject, kArray, kString, kInteger, kBoolean;

}  // namespace atb::cases::detail
