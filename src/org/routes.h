// HTTP endpoints of the organisation: /api/v1/municipality.
#pragma once

#include <memory>

#include "http/router.h"
#include "storage/database.h"

namespace atb::org {

/// Registers the organisation's routes.
void add_routes(http::Router& router, std::shared_ptr<storage::Database> db);

}  // namespace atb::org
