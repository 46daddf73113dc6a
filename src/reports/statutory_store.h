// The submissions of statutory reports (migration 0026): SQL only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::reports::statutory {

/// A report of a period marked as submitted.
struct Submission {
  std::string report;
  std::string period;        ///< "2026-10" or "2026"
  std::string submitted_at;  ///< UTC instant
  std::string submitted_by;  ///< the user's full name
};

/// The municipality's submissions, newest period first.
Result<std::vector<Submission>> load_submissions(storage::Connection& c,
                                                 std::int64_t municipality_id);

/// The submission of `report` for `period`, if any.
Result<std::optional<Submission>> find_submission(storage::Connection& c,
                                                  std::int64_t municipality_id,
                                                  const std::string& report,
                                                  const std::string& period);

/// Records a submission (the caller checked there is none).
Result<void> insert_submission(storage::Connection& c, std::int64_t municipality_id,
                               const std::string& report, const std::string& period,
                               std::int64_t user_id, const std::string& at);

}  // namespace atb::reports::statutory
