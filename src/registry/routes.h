// HTTP endpoints of the client registry (contract: docs/api-registry.md): persons
// (routes_persons.cpp), merges, registrations and break-glass (routes_person_links.cpp),
// households (routes_households.cpp), import and export (routes_import.cpp, routes_export.cpp).
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::registry {

class ImportJobs;

void add_person_routes(http::Router& router, const access::Context& ctx);
void add_person_link_routes(http::Router& router, const access::Context& ctx);
void add_household_routes(http::Router& router, const access::Context& ctx);
void add_import_routes(http::Router& router, const access::Context& ctx, ImportJobs& jobs);
void add_export_routes(http::Router& router, const access::Context& ctx);

/// All of the above.
void add_routes(http::Router& router, const access::Context& ctx, ImportJobs& jobs);

}  // namespace atb::registry
