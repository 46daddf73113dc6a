// HTTP endpoints of social assistance (contract: docs/api-assistance.md): applications and
// their declarations (routes_applications.cpp), calculation, decisions and payments
// (routes_decisions.cpp), the catalogue and thresholds (routes_config.cpp).
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::assistance {

void add_application_routes(http::Router& router, const access::Context& ctx);
void add_decision_routes(http::Router& router, const access::Context& ctx);
void add_config_routes(http::Router& router, const access::Context& ctx);

/// All of the above.
void add_routes(http::Router& router, const access::Context& ctx);

}  // namespace atb::assistance
