// HTTP endpoints of identity: login and sessions (routes_session.cpp), users and teams
// administration (routes_users.cpp). Contract: docs/api-identity.md.
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::access {

void add_session_routes(http::Router& router, const Context& ctx);
void add_user_routes(http::Router& router, const Context& ctx);

}  // namespace atb::access
