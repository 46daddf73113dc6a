// The SQL of the statutory reports' measures (statutory_catalogue.h): one aggregate per measure,
// limited to the period and scope (figure_query.h) and grouped by the measure's parameters, so
// a report runs each measure it names once, however many cells use it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "reports/figure_query.h"

namespace atb::reports::statutory {

/// A measure's values: its parameters' values (in the catalogue's order) → the number. A
/// combination that is absent is zero.
using MeasureValues = std::map<std::vector<std::string>, double>;

/// Computes the measure `name` for the query's period and scope (an error for a name without
/// SQL; every name of the catalogue has one).
Result<MeasureValues> compute_measure(const FigureQuery& q, std::string_view name);

/// True when `name` has SQL here (the catalogue and this file must agree: tested).
bool has_sql(std::string_view name);

}  // namespace atb::reports::statutory
