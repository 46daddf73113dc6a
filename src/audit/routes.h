// HTTP endpoints of the audit log: the auditor's viewer and "who looked at this".
#pragma once

#include "access/context.h"
#include "http/router.h"

namespace atb::audit {

void add_routes(http::Router& router, const access::Context& ctx);

}  // namespace atb::audit
