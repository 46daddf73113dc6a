// Operational endpoints: /healthz, /readyz, /metrics, /api/v1/version, /api/v1/openapi.json.
#pragma once

#include <memory>

#include "http/metrics.h"
#include "http/router.h"
#include "storage/database.h"

namespace atb::app {

/// Registers the system routes. Call last, so the OpenAPI document sees every route.
void add_system_routes(http::Router& router, std::shared_ptr<storage::Database> db,
                       http::Metrics& metrics);

}  // namespace atb::app
