// HTTP endpoints of services and referrals (contract: docs/api-services.md): the service
// catalogue and a service's page with capacity, occupancy and waiting list
// (routes_services.cpp); referrals of a case's members with their decision, placement, end and
// delivery log (routes_referrals.cpp). Every read of personal data and every change goes
// through the access policy (access/record_scope.h) and the audit log.
#pragma once

#include <memory>

#include "access/context.h"
#include "core/sealed_text.h"
#include "http/router.h"

namespace atb::services {

void add_service_routes(http::Router& router, const access::Context& ctx);
void add_referral_routes(http::Router& router, const access::Context& ctx);
/// Units, rooms, places, occupancy and stays of housing services (routes_housing.cpp).
void add_housing_routes(http::Router& router, const access::Context& ctx);
/// Renames and removals of units, rooms and places (routes_housing_edit.cpp; registered by
/// add_housing_routes).
void add_housing_edit_routes(http::Router& router, const access::Context& ctx);
/// Day plans, stops, visits and the printable day list of the mobile social service
/// (routes_mobile.cpp).
void add_mobile_routes(http::Router& router, const access::Context& ctx);
/// A day plan itself: planned, changed (route, vehicle, note, crew) and cancelled
/// (routes_mobile_plans.cpp; called by add_mobile_routes).
void add_mobile_plan_routes(http::Router& router, const access::Context& ctx);

/// The register of mentors (routes_mentors.cpp; registered before the catalogue's
/// /api/v1/services/{id}, which would otherwise take "mentors" for an id) and, through
/// add_mentor_pairing_routes, the mentor pairings of referrals with their plan goals and meetings
/// (routes_mentor_pairings.cpp; meeting notes sealed with `keyring`). docs/api-mentors.md.
void add_mentor_routes(http::Router& router, const access::Context& ctx,
                       std::shared_ptr<const Keyring> keyring);
void add_mentor_pairing_routes(http::Router& router, const access::Context& ctx,
                               std::shared_ptr<const Keyring> keyring);

/// All of the above (`keyring`: the text keys of sealed notes).
void add_routes(http::Router& router, const access::Context& ctx,
                std::shared_ptr<const Keyring> keyring);

}  // namespace atb::services
