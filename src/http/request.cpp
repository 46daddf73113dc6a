#include "http/request.h"

#include <array>

#include "core/csv.h"

namespace atb::http {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods{{
    {Method::get, "GET"},
    {Method::head, "HEAD"},
    {Method::post, "POST"},
    {Method::put, "PUT"},
    {Method::patch, "PATCH"},
    {Method::del, "DELETE"},
    {Method::options, "OPTIONS"},
}};

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view method_name(Method m) {
  for (const auto& [method, name] : kMethods) {
    if (method == m) return name;
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  for (const auto& [method, n] : kMethods) {
    if (n == name) return method;
  }
  return Method::other;
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

// The first parameter of a raw query whose name or value does not decode to well-formed UTF-8
// (its raw name when the name itself is broken), or "".
std::string first_bad_parameter(std::string_view rest) {
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    const size_t eq = pair.find('=');
    const auto key = percent_decode(pair.substr(0, eq), true);
    const bool key_ok = key && csv::valid_utf8(*key);
    const auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string{})
                                                    : percent_decode(pair.substr(eq + 1), true);
    if (!key_ok) return csv::valid_utf8(pair.substr(0, eq)) ? std::string(pair.substr(0, eq)) : "?";
    if (!value || !csv::valid_utf8(*value)) return *key;
  }
  return {};
}

}  // namespace

void Request::set_target(std::string_view raw_target) {
  target = std::string(raw_target);
  const size_t q = raw_target.find('?');
  const std::string_view raw_path = raw_target.substr(0, q);
  query_string = q == std::string_view::npos ? std::string{} : std::string(raw_target.substr(q + 1));
  auto decoded = percent_decode(raw_path);
  bad_target = !decoded || !csv::valid_utf8(*decoded) || raw_path.empty() || raw_path.front() != '/';
  path = decoded ? std::move(*decoded) : std::string{};
  bad_query_parameter = first_bad_parameter(query_string);
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::optional<std::string> Request::query(std::string_view name) const {
  std::string_view rest = query_string;
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    const size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    if (key && *key == name) {
      if (eq == std::string_view::npos) return std::string{};
      return percent_decode(pair.substr(eq + 1), true);
    }
  }
  return std::nullopt;
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [n, v] : path_params) {
    if (n == name) return v;
  }
  return {};
}

}  // namespace atb::http
