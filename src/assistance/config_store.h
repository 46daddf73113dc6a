// SQL of the assistance configuration: national thresholds (effective-dated), the
// municipality's low-income thresholds and housing-cost norms.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "assistance/thresholds.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::assistance {

/// Every national threshold row.
Result<Thresholds> load_thresholds(storage::Connection& c);
/// Stores a row already accepted by Thresholds::add.
Result<void> insert_threshold(storage::Connection& c, const ThresholdRow& row, std::int64_t user_id,
                              const std::string& now);

/// The municipality's low-income thresholds, checked against `national`.
Result<LowIncomeThresholds> load_low_income(storage::Connection& c, std::int64_t municipality_id,
                                            const Thresholds& national);
/// Stores a row already accepted by LowIncomeThresholds::add.
Result<void> insert_low_income(storage::Connection& c, std::int64_t municipality_id,
                               const LowIncomeRow& row);

/// Housing-cost norms in force on `on` (YYYY-MM-DD): kind → cents; nullopt when none is set.
struct Norms {
  std::string from;
  std::map<std::string, Cents> caps;
};
Result<std::optional<Norms>> load_norms(storage::Connection& c, std::int64_t municipality_id,
                                        const std::string& on);
/// Stores norms from a start date.
Result<void> insert_norms(storage::Connection& c, std::int64_t municipality_id, const Norms& norms);

}  // namespace atb::assistance
