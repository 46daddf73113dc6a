// What the assistance routes share: opening an application or decision for the caller under
// the access policy (404 outside her scope, 403 when she may only read), and the route handler.
#pragma once

#include <cstdint>

#include "access/context.h"
#include "access/http_auth.h"
#include "access/policy.h"
#include "assistance/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// A route handler from `f(ctx, request, principal)` returning Result<Response>.
template <class F>
http::Handler handler(const access::Context& ctx, F f) {
  return access::guarded(
      ctx, [ctx, f](http::Request& req, const access::Principal& p) { return f(ctx, req, p); });
}

/// Listing applications: the roles of the assistance department and the director.
Result<void> may_list(const access::Principal& p);

/// The application `id` if `p` may `need` it (read or change); not_found / forbidden otherwise.
Result<Application> open_application(storage::Connection& c, const access::Principal& p,
                                     std::int64_t id, access::Access need);

/// The application a decision belongs to, opened the same way.
Result<Application> open_decision(storage::Connection& c, const access::Principal& p,
                                  std::int64_t decision_id, access::Access need);

}  // namespace atb::assistance
