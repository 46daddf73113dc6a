// Small pieces the registry's route files share: answers with extra problem members, the
// person/household id of a path, the registering team and registration fields of a body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "access/context.h"
#include "access/http_auth.h"
#include "access/model.h"
#include "core/date.h"
#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "registry/person_store.h"
#include "storage/connection.h"

namespace atb::registry {

/// A route handler from `f(ctx, request, principal)` returning Result<Response>: the caller is
/// authenticated first and errors become problem answers.
template <class F>
http::Handler handler(const access::Context& ctx, F f) {
  return access::guarded(ctx, [ctx, f](http::Request& req, const access::Principal& p) { return f(ctx, req, p); });
}

/// The registration fields of a body: team_id (default the caller's only team), channel
/// (default visit), first_registered_on (default today, not in the future). The department is
/// the team's; the team must be the caller's and of her municipality.
Result<NewRegistration> registration_from(storage::Connection& c, const access::Principal& p,
                                          const nlohmann::json& body, const Date& today);

/// Today's date in Riga as YYYY-MM-DD.
std::string today_iso();

}  // namespace atb::registry
