#include "http/json_body.h"

#include <algorithm>
#include <string>
#include <tuple>

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

namespace atb::http {

Result<std::optional<std::string>> optional_string(const nlohmann::json& body, std::string_view field,
                                                   std::size_t max_length) {
  const std::string key(field);
  if (!body.contains(key) || body[key].is_null()) return std::optional<std::string>{};
  ATB_TRY_ASSIGN(value, required_string(body, field, max_length));
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<std::string>> optional_text(const nlohmann::json& body, std::string_view field,
                                                 std::size_t max_length) {
  const std::string key(field);
  if (!body.contains(key) || body[key].is_null()) return std::optional<std::string>{};
  // Check the text with its line breaks and tabs as spaces, then keep the original.
  nlohmann::json flattened = body[key];
  if (flattened.is_string()) {
    std::string text = flattened.get<std::string>();
    for (char& ch : text) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    flattened = text;
  }
  ATB_TRY(required_string(nlohmann::json{{key, flattened}}, field, max_length));
  return std::optional<std::string>(body[key].get<std::string>());
}

Result<std::vector<std::string>> string_array(const nlohmann::json& body, std::string_view field,
                                              std::size_t max_items, std::size_t max_length) {
  const std::string key(field);
  if (!body.contains(key) || !body[key].is_array()) {
    return Error::invalid_field(key, {"Laukam jābūt sarakstam.", "This field must be a list."});
  }
  if (body[key].size() > max_items) {
    return Error::invalid_field(key, {fmt::format("Ne vairāk kā {} vērtības.", max_items),
                                      fmt::format("At most {} values.", max_items)});
  }
  std::vector<std::string> out;
  for (const auto& item : body[key]) {
    nlohmann::json wrapper = {{key, item}};
    ATB_TRY_ASSIGN(value, required_string(wrapper, field, max_length));
    out.push_back(std::move(value));
  }
  return out;
}

Result<std::vector<std::int64_t>> id_array(const nlohmann::json& body, std::string_view field,
                                           std::size_t max_items) {
  const std::string key(field);
  if (!body.contains(key) || !body[key].is_array() || body[key].size() > max_items) {
    return Error::invalid_field(key, {fmt::format("Laukam jābūt sarakstam ar ne vairāk kā {} identifikatoriem.", max_items),
                                      fmt::format("This field must be a list of at most {} ids.", max_items)});
  }
  std::vector<std::int64_t> out;
  for (const auto& item : body[key]) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      return Error::invalid_field(key, {"Identifikatoriem jābūt pozitīviem veseliem skaitļiem.",
                                        "Ids must be positive integers."});
    }
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

std::optional<std::int64_t> path_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

Result<std::int64_t> record_id(const Request& request, Text missing) {
  const auto id = path_id(request.param("id"));
  if (!id) return Error{Errc::not_found, std::move(missing), {}, {}};
  return *id;
}

Result<std::int64_t> version_member(const nlohmann::json& body) {
  if (!body.contains("version") || !body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 1) {
    return Error::invalid_field("version", {"Norādiet ieraksta versiju.", "Give the record's version."});
  }
  return body["version"].get<std::int64_t>();
}

Result<Paging> paging(const Request& request) { return paging(request, "page", "page_size", 20, 100); }

Result<Paging> paging(const Request& request, const char* page_name, const char* size_name,
                      int default_size, int max_size) {
  Paging p;
  p.page_size = default_size;
  for (auto [name, target, max] : {std::tuple{page_name, &p.page, 1000000}, std::tuple{size_name, &p.page_size, max_size}}) {
    if (auto v = request.query(name)) {
      auto id = path_id(*v);
      if (!id || *id > max) {
        return Error::invalid_field(name, {fmt::format("Jābūt veselam skaitlim no 1 līdz {}.", max),
                                           fmt::format("Must be a whole number from 1 to {}.", max)});
      }
      *target = static_cast<int>(*id);
    }
  }
  return p;
}

Result<std::string> search_text(const Request& request, const char* name, std::size_t max_letters) {
  std::string q = request.query(name).value_or("");
  const auto letters = static_cast<std::size_t>(
      std::count_if(q.begin(), q.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
  if (letters <= max_letters) return q;
  return Error::invalid_field(name, {fmt::format("Meklējamais teksts: līdz {} rakstzīmēm.", max_letters),
                                     fmt::format("The search text: up to {} characters.", max_letters)});
}

}  // namespace atb::http
