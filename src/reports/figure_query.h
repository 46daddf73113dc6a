// What every figure's query gets: the connection, the period and the scope; and the one way a
// query is limited to the scope (a condition over the record's municipality and department
// columns, with bound parameters).
#pragma once

#include <string>
#include <string_view>

#include "reports/period.h"
#include "reports/scope.h"
#include "storage/connection.h"

namespace atb::reports {

/// The inputs of a figure's query.
struct FigureQuery {
  storage::Connection& c;
  const Period& period;
  const StatisticsScope& scope;
};

/// " AND +<municipality_column> = ? AND +<department_column> IN (?, …)" as far as the scope limits
/// (nothing for the national view without departments); appends the parameters to `params`, so
/// call it where its text goes into the statement. The unary plus keeps the scope a filter: a
/// figure reads its period's slice of a date-led index (migration 0024), never every record of
/// the municipality or department through an index on those columns (SQLite has no statistics to
/// tell which is smaller).
std::string scope_condition(const StatisticsScope& scope, std::string_view municipality_column,
                            std::string_view department_column, storage::Params& params);

/// "SELECT <columns> FROM case_file c WHERE <open on `day`> <scope> UNION ALL SELECT …": the cases
/// in scope open on `day` (opened_on ≤ day and closed_on empty or after it) as two selects of
/// `columns` (over the alias c), one per kind of closed_on, so each reads a range of an index on
/// closed_on (the open cases and the ones closed after the day) rather than every case opened
/// before the day. Appends the parameters to `params`.
std::string open_cases_on(const FigureQuery& q, const std::string& day, std::string_view columns,
                          storage::Params& params);

}  // namespace atb::reports
