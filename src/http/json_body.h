// Reading JSON request bodies: content type, syntax, shape and unknown fields are checked
// here once, so handlers only see well-formed objects.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "http/request.h"

namespace atb::http {

/// Parses the body as a JSON object. Refuses: a content type other than application/json
/// (415), invalid JSON (400, with the byte offset), a non-object (400), and any member not in
/// `allowed` (422 naming each unknown field). Size limits are enforced before the handler.
Result<nlohmann::json> json_object_body(const Request& request,
                                        std::initializer_list<std::string_view> allowed);

/// Reads a required string member of at most `max_length` characters (UTF-8 code points),
/// refusing control characters. Field errors name `field`.
Result<std::string> required_string(const nlohmann::json& body, std::string_view field,
                                    std::size_t max_length);

/// The search text of query parameter `name` ("" when absent) of at most `max_letters`
/// characters (not bytes: a Latvian letter takes two); a longer one is refused with 422 naming
/// it, never cut in the middle of a letter. (Text that is not UTF-8 never reaches a route.)
Result<std::string> search_text(const Request& request, const char* name, std::size_t max_letters);

}  // namespace atb::http

namespace atb::http {

/// An optional string member (absent or null → nullopt), with the same checks as required_string.
Result<std::optional<std::string>> optional_string(const nlohmann::json& body, std::string_view field,
                                                   std::size_t max_length);
/// A multi-line text member (notes, a concern in words): like required_string, but line
/// breaks and tabs are allowed. Absent or null → nullopt.
Result<std::optional<std::string>> optional_text(const nlohmann::json& body, std::string_view field,
                                                 std::size_t max_length);
/// An array of strings (each at most `max_length`), at most `max_items`.
Result<std::vector<std::string>> string_array(const nlohmann::json& body, std::string_view field,
                                              std::size_t max_items, std::size_t max_length);
/// An array of positive integers, at most `max_items`.
Result<std::vector<std::int64_t>> id_array(const nlohmann::json& body, std::string_view field,
                                           std::size_t max_items);
/// A positive integer id from a path parameter; nullopt when it is not one (answer 404).
std::optional<std::int64_t> path_id(std::string_view text);

/// The `{id}` path parameter as a record id; not_found with `missing` when it is not one.
Result<std::int64_t> record_id(const Request& request, Text missing);
/// The required `version` member of a PATCH-like body (optimistic concurrency).
Result<std::int64_t> version_member(const nlohmann::json& body);

/// page and page_size from the query (defaults 1 and 20; page_size at most 100).
struct Paging {
  int page = 1;
  int page_size = 20;
};
Result<Paging> paging(const Request& request);
/// The same under other query names (a second list on one page, e.g. waiting_page and
/// waiting_page_size), with its own default and largest page size; 422 naming the parameter.
Result<Paging> paging(const Request& request, const char* page_name, const char* size_name,
                      int default_size, int max_size);

/// The search text of query parameter `name` ("" when absent) of at most `max_letters`
/// characters (not bytes: a Latvian letter takes two); a longer one is refused with 422 naming
/// it, never cut in the middle of a letter. (Text that is not UTF-8 never reaches a route.)
Result<std::string> search_text(const Request& request, const char* name, std::size_t max_letters);

}  // namespace atb::http
