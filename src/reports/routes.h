// HTTP endpoints of statistics (contract: docs/api-reports.md): the figures of a period and
// scope as JSON, and the same as a CSV or XLSX download. Every read and export is audited with
// its parameters; a refused scope is audited as denied.
#pragma once

#include "access/context.h"
#include "http/router.h"
#include "reports/statistics.h"

namespace atb::reports {

/// GET /api/v1/reports/statistics, /statistics.csv and /statistics.xlsx.
void add_routes(http::Router& router, const access::Context& ctx, const Settings& settings);

}  // namespace atb::reports
