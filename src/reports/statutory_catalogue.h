// The measures a statutory report's cell may name (config/reports/*.json), as data without I/O:
// each measure's name, unit and parameters with the values each may take. A definition is checked
// against this catalogue at start; the SQL of each measure is in statutory_measures.cpp (one
// aggregate per measure, grouped by its parameters). Every measure counts or sums what the
// system records for the period and the scope (figure_query.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace atb::reports::statutory {

/// What a measure's number is.
enum class Unit {
  count,  ///< a whole number (households, persons, decisions, …)
  eur,    ///< euros with cents
};

/// A parameter of a measure and the values it may take.
struct MeasureParam {
  std::string name;                 ///< e.g. "status"
  std::vector<std::string> values;  ///< e.g. {"needy", "low_income"}
};

/// One measure of the catalogue.
struct MeasureSpec {
  std::string name;  ///< e.g. "households_with_status"
  Unit unit = Unit::count;
  std::vector<MeasureParam> params;  ///< every one is required in a cell, in this order
  Text description;                  ///< what it counts (for the docs and error messages)
};

/// Every measure, in a stable order.
const std::vector<MeasureSpec>& measure_catalogue();

/// The measure named `name`, or nullptr.
const MeasureSpec* find_measure(std::string_view name);

}  // namespace atb::reports::statutory
