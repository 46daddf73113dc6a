#include "reports/suppression.h"

namespace atb::reports {

bool is_small_cell(std::int64_t count, const SuppressionRules& rules) {
  return count >= 1 && count < rules.min_count;
}

namespace {

void withhold(FigureRow& row) {
  row.count = 0;
  for (auto& m : row.measures) m.reset();
  row.suppressed = true;
}

}  // namespace

void suppress_small_cells(Figure& figure, const SuppressionRules& rules) {
  bool any = false;
  for (FigureRow& row : figure.rows) {
    if (!is_small_cell(row.count, rules)) continue;
    withhold(row);
    any = true;
  }
  if (!any) return;
  for (FigureRow& row : figure.rows) {
    if (!row.keys.empty() && row.keys[0] == kTotalKey && !row.suppressed) withhold(row);
  }
}

}  // namespace atb::reports
