// The OpenAPI 3.1 document, built from the routing table so it lists exactly the endpoints
// that exist, with the problem+json error shape shared by all.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "http/router.h"

namespace atb::http {

/// Builds the document for every route registered in `router`.
nlohmann::json openapi_document(const Router& router, std::string_view version);

}  // namespace atb::http
