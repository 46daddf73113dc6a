// Recalculating every granted decision in force in a month, e.g. after a threshold change
// (`atbalsts assistance recalculate --month YYYY-MM`): the decisions are read in batches with
// their declarations, evaluated without I/O under the settings in force on the 1st of the month,
// and each one whose outcome or amount changes is superseded by a new decision from that month,
// as a recalculation through the API does (assistance::recalculated), the new decisions, their
// explanations, their payments and the marks on the old ones written a batch at a time in
// multi-row statements. The rules evaluate a batch on another thread while the batch before is
// written and the next one read. One transaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::assistance {

/// What to recalculate.
struct BulkRecalcOptions {
  Date month;                 ///< the 1st of the month the new decisions take effect
  std::string reason;         ///< written on every new decision
  std::size_t batch = 5000;   ///< decisions read (and written) at once
  /// Threads evaluating a batch (besides the run's thread, which reads and writes meanwhile);
  /// 0: one per core. One by default: on the shared 2-CPU machine two did not measurably
  /// shorten the run (bench/BENCHMARKS.md, assistance).
  std::size_t workers = 1;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// What a run did.
struct BulkRecalcReport {
  std::size_t decisions = 0;  ///< granted decisions in force on the 1st of the month
  std::size_t changed = 0;    ///< superseded by a new decision (another amount or outcome)
  std::size_t unchanged = 0;  ///< the same outcome and amount: nothing written
  std::size_t failed = 0;     ///< the rules refused them (e.g. no norms); left as they are
};

/// Recalculates every granted decision (not stopped or superseded) whose period contains the 1st
/// of `o.month`, writing the changed ones and an audit entry for the run, in one transaction.
Result<BulkRecalcReport> recalculate_month(storage::Database& db, const BulkRecalcOptions& o);

}  // namespace atb::assistance
