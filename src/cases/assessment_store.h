// SQL of case assessments (table case_assessment, 0010_assessments.sql). No access decisions
// and no instrument logic here: the routes open the case first and score with the registry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// Stores a new draft (its case, instrument, answers and created_by set); returns its id.
Result<std::int64_t> insert_assessment(storage::Connection& c, const Assessment& a,
                                       const std::string& now);

/// The assessment `id` of case `case_id` (nullopt when there is none, or it is another case's).
Result<std::optional<Assessment>> load_assessment(storage::Connection& c, std::int64_t case_id,
                                                  std::int64_t id);

/// Every assessment of a case, newest first, without answers and result (they stay empty).
Result<std::vector<Assessment>> list_assessments(storage::Connection& c, std::int64_t case_id);

/// Replaces a draft's answers; false when the version differs or it is no longer a draft.
Result<bool> save_draft_answers(storage::Connection& c, std::int64_t id, std::int64_t version,
                                const std::string& answers, std::int64_t by_user,
                                const std::string& now);

/// Completes a draft with its final answers, overall level and result; false when the version
/// differs or it is no longer a draft.
Result<bool> complete_assessment(storage::Connection& c, std::int64_t id, std::int64_t version,
                                 const std::string& answers, const std::string& overall_level,
                                 const std::string& result, std::int64_t by_user,
                                 const std::string& now);

}  // namespace atb::cases
