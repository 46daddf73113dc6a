// HTTP endpoints of the organisation: /api/v1/municipality (public, no personal data) and
// team administration (administrators).
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::org {

/// Registers the organisation's routes.
void add_routes(http::Router& router, const access::Context& ctx);

}  // namespace atb::org
