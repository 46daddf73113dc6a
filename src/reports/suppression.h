// Small-cell suppression of aggregated national figures (statistical disclosure control): a row
// whose base count is under the minimum is returned without its count and measures, marked
// suppressed, so a rare combination cannot point at a family.
#pragma once

#include <cstdint>

#include "reports/figure.h"

namespace atb::reports {

/// The minimum a published count must reach (configurable; default 5).
struct SuppressionRules {
  int min_count = 5;
};

/// Whether `count` is a small cell: 1 ≤ count < min_count. Zero is published: "nobody" names
/// nobody.
bool is_small_cell(std::int64_t count, const SuppressionRules& rules);

/// Suppresses every small row of `figure` in place: its count becomes 0, its measures empty,
/// `suppressed` true (the numbers are dropped here, not only hidden when written). When a row
/// is suppressed, a total row (first key kTotalKey) is suppressed too, or the total less the
/// shown rows would give the suppressed count away.
void suppress_small_cells(Figure& figure, const SuppressionRules& rules);

}  // namespace atb::reports
