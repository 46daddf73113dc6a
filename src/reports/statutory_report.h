// A statutory report computed for a period and scope: every cell of its definition filled from
// the measures it names (each measure run once), in one read transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "reports/scope.h"
#include "reports/statutory_catalogue.h"
#include "reports/statutory_definition.h"
#include "storage/connection.h"

namespace atb::reports::statutory {

/// A computed cell: none when the form leaves it empty.
struct CellValue {
  std::optional<double> value;
  Unit unit = Unit::count;
};

/// A computed row.
struct RowValues {
  std::string code;
  Text label;
  std::vector<CellValue> cells;  ///< one per column of its section
};

/// A computed section.
struct SectionValues {
  std::string code;
  Text title;
  std::vector<ReportColumn> columns;
  std::vector<RowValues> rows;
};

/// A computed report.
struct StatutoryReport {
  std::string name;
  Text title;
  Text form;
  ReportPeriod period;
  Date due;
  std::string municipality;  ///< the municipality's name ("" for the national view)
  std::vector<SectionValues> sections;
};

/// Computes `def` for `period` and `scope` (a municipality, or the national view).
Result<StatutoryReport> compute_report(storage::Connection& c, const ReportDefinition& def,
                                       const ReportPeriod& period, const StatisticsScope& scope);

}  // namespace atb::reports::statutory
