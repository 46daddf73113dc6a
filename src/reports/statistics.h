// The statistics of a period and scope: every figure of figures.h, read in one go, with
// small cells suppressed in the national view; and what the scope rule needs from the database.
#pragma once

#include <vector>

#include "core/result.h"
#include "reports/figure.h"
#include "reports/period.h"
#include "reports/scope.h"
#include "reports/suppression.h"
#include "storage/connection.h"

namespace atb::reports {

/// The settings of statistics ([reports] in the configuration).
struct Settings {
  PeriodRules period;
  SuppressionRules suppression;
};

/// Every figure of one request.
struct Statistics {
  Period period;
  StatisticsScope scope;
  bool suppressed = false;  ///< small cells were suppressed (the national view)
  int min_count = 0;        ///< the minimum count used when suppressed
  std::vector<Figure> figures;
};

/// The municipalities and departments that exist (for resolve_scope).
Result<OrgFacts> load_org_facts(storage::Connection& c);

/// Computes every figure for `period` and `scope`; in the national view suppresses small cells.
Result<Statistics> compute_statistics(storage::Connection& c, const Period& period,
                                      const StatisticsScope& scope,
                                      const SuppressionRules& suppression);

}  // namespace atb::reports
