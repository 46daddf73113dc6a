#include "http/json_body.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace atb::http {
namespace {

bool is_json_content_type(std::string_view value) {
  const size_t semi = value.find(';');
  std::string type(value.substr(0, semi));
  std::transform(type.begin(), type.end(), type.begin(), ::tolower);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/json";
}

// Where the JSON text breaks; parsing again with exceptions is the only way nlohmann tells.
std::size_t error_offset(const std::string& text) {
  try {
    [[maybe_unused]] const auto parsed = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return e.byte;
  }
  return 0;
}

size_t utf8_length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

Result<nlohmann::json> json_object_body(const Request& request,
                                        std::initializer_list<std::string_view> allowed) {
  const auto type = request.header("content-type");
  if (!type || !is_json_content_type(*type)) {
    return Error{Errc::unsupported,
                 {"Pieprasījuma saturam jābūt JSON (Content-Type: application/json).",
                  "The request body must be JSON (Content-Type: application/json)."},
                 {},
                 {}};
  }
  auto parsed = nlohmann::json::parse(request.body, nullptr, false);
  if (parsed.is_discarded()) {
    const std::size_t where = error_offset(request.body);
    return Error{Errc::malformed,
                 {fmt::format("Pieprasījuma saturs nav derīgs JSON (kļūda pie {}. baita).", where),
                  fmt::format("The request body is not valid JSON (error at byte {}).", where)},
                 {},
                 {}};
  }
  if (!parsed.is_object()) {
    return Error{Errc::malformed,
                 {"Pieprasījuma saturam jābūt JSON objektam.", "The request body must be a JSON object."},
                 {},
                 {}};
  }
  Error unknown{Errc::invalid, {"Pieprasījumā ir nezināmi lauki.", "The request has unknown fields."}, {}, {}};
  for (const auto& [key, v] : parsed.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      unknown.fields.push_back({key, {"Nezināms lauks.", "Unknown field."}});
    }
  }
  if (!unknown.fields.empty()) return unknown;
  return parsed;
}

Result<std::string> required_string(const nlohmann::json& body, std::string_view field,
                                    std::size_t max_length) {
  const std::string key(field);
  if (!body.contains(key) || body[key].is_null()) {
    return Error::invalid_field(key, {"Lauks ir obligāts.", "This field is required."});
  }
  if (!body[key].is_string()) {
    return Error::invalid_field(key, {"Laukam jābūt teksta vērtībai.", "This field must be a string."});
  }
  std::string value = body[key].get<std::string>();
  if (utf8_length(value) > max_length) {
    return Error::invalid_field(
        key, {fmt::format("Ne vairāk kā {} rakstzīmes.", max_length),
              fmt::format("At most {} characters.", max_length)});
  }
  if (std::any_of(value.begin(), value.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return Error::invalid_field(
        key, {"Lauks satur neatļautas vadības rakstzīmes.", "The field contains control characters."});
  }
  return value;
}

}  // namespace atb::http
