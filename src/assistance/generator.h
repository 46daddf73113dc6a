// Social-assistance records for the national demonstration data: applications of a share of
// the municipality's households with realistic means declarations, decided by the real rules
// (so decisions, explanations and payments are what the system itself would produce).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::assistance {

/// What to generate.
struct GeneratorOptions {
  double share = 0.06;     ///< of the households without an application
  std::uint64_t seed = 1;  ///< the same seed gives the same records
  Date today;              ///< the reference date (applications in the months before it)
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// What was generated.
struct GeneratorReport {
  std::size_t applications = 0;
  std::size_t decided = 0;
  std::size_t granted = 0;
  std::size_t payments = 0;
};

/// Generates applications (drafts, submitted and decided ones) for a share of the households of
/// `municipality_id` in one transaction, registered by its assistance department's first team.
Result<GeneratorReport> generate_assistance(storage::Database& db, std::int64_t municipality_id,
                                            const GeneratorOptions& options);

}  // namespace atb::assistance
