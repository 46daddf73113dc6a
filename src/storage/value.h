// Values bound to and read from SQL statements, the same on every engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace atb::storage {

/// A SQL value: NULL, integer (booleans are 0/1), real or text.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// Builds a Value from common C++ types (optional → NULL when empty).
inline Value value(std::nullptr_t) { return nullptr; }
inline Value value(std::int64_t v) { return v; }
inline Value value(int v) { return static_cast<std::int64_t>(v); }
inline Value value(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
inline Value value(double v) { return v; }
inline Value value(std::string v) { return v; }
inline Value value(std::string_view v) { return std::string(v); }
inline Value value(const char* v) { return std::string(v); }
template <class T>
Value value(const std::optional<T>& v) {
  return v ? value(*v) : Value{nullptr};
}

/// Statement parameters, in the order of the `?` placeholders.
using Params = std::vector<Value>;

/// Builds Params from any mix of supported types: params(1, "x", std::nullopt_t...).
template <class... A>
Params params(A&&... a) {
  Params p;
  p.reserve(sizeof...(a));
  (p.push_back(value(std::forward<A>(a))), ...);
  return p;
}

/// One row of a result; columns by index, typed access with conversions between engines.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  size_t size() const { return values_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  const Value& raw(size_t i) const { return values_.at(i); }

  /// Integer value; text is parsed, NULL is 0.
  std::int64_t integer(size_t i) const;
  /// Real value; integers are widened, text parsed, NULL is 0.
  double real(size_t i) const;
  /// Text value; numbers are formatted, NULL is "".
  std::string text(size_t i) const;
  /// NULL-aware forms.
  std::optional<std::int64_t> opt_integer(size_t i) const;
  std::optional<std::string> opt_text(size_t i) const;

 private:
  std::vector<Value> values_;
};

/// The rows a query returned, with column names.
struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;

  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  const Row& operator[](size_t i) const { return rows[i]; }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

}  // namespace atb::storage
