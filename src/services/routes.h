// HTTP endpoints of services and referrals (contract: docs/api-services.md): the service
// catalogue and a service's page with capacity, occupancy and waiting list
// (routes_services.cpp); referrals of a case's members with their decision, placement, end and
// delivery log (routes_referrals.cpp). Every read of personal data and every change goes
// through the access policy (access/record_scope.h) and the audit log.
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::services {

void add_service_routes(http::Router& router, const access::Context& ctx);
void add_referral_routes(http::Router& router, const access::Context& ctx);
/// Units, rooms, places, occupancy and stays of housing services (routes_housing.cpp).
void add_housing_routes(http::Router& router, const access::Context& ctx);

/// All of the above.
void add_routes(http::Router& router, const access::Context& ctx);

}  // namespace atb::services
