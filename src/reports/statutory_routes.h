// HTTP endpoints of the statutory reports (contract: docs/api-reports.md, "Statutory reports"):
// the director's list with due dates, a report of a period as JSON, CSV or XLSX, and marking a
// report as submitted. Every read, export and submission is audited with its parameters.
#pragma once

#include <memory>

#include "access/context.h"
#include "http/router.h"
#include "reports/statutory.h"

namespace atb::reports {

/// GET /api/v1/reports/statutory, GET /api/v1/reports/statutory/{name},
/// POST /api/v1/reports/statutory/{name}/submissions.
void add_statutory_routes(http::Router& router, const access::Context& ctx,
                          std::shared_ptr<const statutory::Definitions> definitions);

}  // namespace atb::reports
