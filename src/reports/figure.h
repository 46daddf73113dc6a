// The shape every statistics figure shares, so JSON, CSV and XLSX are written by one piece of
// code each: a figure is a table of rows, each row a few keys (codes, years — never a name or an
// id of a person), one count that is the row's base (what suppression looks at), and derived
// measures (averages, medians, sums) that are suppressed with it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace atb::reports {

/// One row of a figure.
struct FigureRow {
  std::vector<std::string> keys;                ///< one value per Figure::keys
  std::int64_t count = 0;                       ///< the base count (0 when suppressed)
  std::vector<std::optional<double>> measures;  ///< one per Figure::measures; empty optional: none
  bool suppressed = false;                      ///< a small cell: count and measures withheld
};

/// The key of a row that totals the figure's other rows (e.g. case_duration's "all").
inline constexpr const char* kTotalKey = "all";

/// One figure (a table).
struct Figure {
  std::string
      section;  ///< registrations | cases | intakes | assessments | services | assistance | staff
  std::string id;  ///< e.g. "first_registrations"
  Text title;
  std::vector<std::string>
      keys;  ///< the key columns' names, e.g. {"year", "department", "family_kind"}
  std::string count_name = "count";  ///< what the count counts, e.g. "households"
  std::vector<std::string>
      measures;  ///< names of the derived measures, e.g. {"average_days", "median_days"}
  std::vector<FigureRow> rows;
};

/// Count, average and median of a distribution of whole numbers (e.g. days) given as
/// value → how many times it occurs (what a GROUP BY of the value returns).
struct Distribution {
  std::int64_t count = 0;
  std::optional<double> average;  ///< none when count is 0
  std::optional<double> median;   ///< the middle value, or the mean of the two middle ones
};
Distribution summarise(const std::map<std::int64_t, std::int64_t>& histogram);

/// A value rounded to one decimal place (averages and rates in figures).
double round1(double value);

}  // namespace atb::reports
