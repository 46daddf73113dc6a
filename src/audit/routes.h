// HTTP endpoints of the audit log: the auditor's viewer and "who looked at this".
#pragma once

#include <functional>
#include <string_view>

#include "access/context.h"
#include "access/model.h"
#include "core/result.h"
#include "http/router.h"

namespace atb::audit {

/// Whether a (non-auditor) user may see who looked at one record: the record's domain
/// decides (it must be in her own scope). Without a check only the auditor may.
using EntityAuditCheck =
    std::function<Result<void>(const access::Principal&, std::string_view type, std::string_view id)>;

void add_routes(http::Router& router, const access::Context& ctx, EntityAuditCheck check = {});

}  // namespace atb::audit
