#include "reports/figure.h"

#include <cmath>

namespace atb::reports {

Distribution summarise(const std::map<std::int64_t, std::int64_t>& histogram) {
  Distribution d;
  double sum = 0;
  for (const auto& [value, times] : histogram) {
    d.count += times;
    sum += static_cast<double>(value) * static_cast<double>(times);
  }
  if (d.count == 0) return d;
  d.average = round1(sum / static_cast<double>(d.count));
  // The values at positions (count-1)/2 and count/2 (0-based) of the sorted list.
  const std::int64_t lo = (d.count - 1) / 2, hi = d.count / 2;
  std::optional<std::int64_t> at_lo, at_hi;
  std::int64_t seen = 0;
  for (const auto& [value, times] : histogram) {
    if (!at_lo && lo < seen + times) at_lo = value;
    if (!at_hi && hi < seen + times) at_hi = value;
    seen += times;
    if (at_hi) break;
  }
  d.median = round1((static_cast<double>(*at_lo) + static_cast<double>(*at_hi)) / 2.0);
  return d;
}

double round1(double value) {
  return std::round(value * 10.0) / 10.0;
}

}  // namespace atb::reports
