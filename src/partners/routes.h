// HTTP endpoints of partner institutions (contract: docs/api-partners.md): the register
// (routes_register.cpp), the partner portal's concern reports and tasks (routes_portal.cpp),
// and information requests, for the institution and for staff (routes_requests.cpp).
#pragma once

#include "cases/routes_common.h"
#include "http/router.h"

namespace atb::partners {

void add_register_routes(http::Router& router, const cases::CaseContext& cc);
/// /api/v1/partners/{id}: registered after the literal paths under /api/v1/partners/.
void add_register_item_routes(http::Router& router, const cases::CaseContext& cc);
void add_portal_routes(http::Router& router, const cases::CaseContext& cc);
void add_request_routes(http::Router& router, const cases::CaseContext& cc);

/// All of the above.
void add_routes(http::Router& router, const cases::CaseContext& cc);

}  // namespace atb::partners
