// Reading JSON request bodies: content type, syntax, shape and unknown fields are checked
// here once, so handlers only see well-formed objects.
#pragma once

#include <initializer_list>
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

}  // namespace atb::http
