// HTTP endpoints of the persons list export (contract: docs/api-reports.md, "Exports"):
// GET /api/v1/reports/persons.csv, .xlsx and .pdf, streamed from the database in batches.
// Who: the director (her municipality) and department heads (their departments), rows limited
// by the registry's access policy; never national (a list of persons is personal data).
// One audit entry per export, with its parameters and row count, before the first row leaves.
#pragma once

#include "access/context.h"
#include "http/router.h"
#include "reports/statistics.h"

namespace atb::reports {

/// Registers the persons list export routes.
void add_export_routes(http::Router& router, const access::Context& ctx, const Settings& settings);

}  // namespace atb::reports
