// Merging a duplicate person into the one that stays, and undoing it (split). Every row that
// links to a person (the tables in kPersonLinkTables; later domains add theirs there) moves to
// the survivor, and the merge records exactly which rows moved, so a split moves them back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::registry {

/// Tables with a person_id column whose rows follow a person through a merge.
inline constexpr std::string_view kPersonLinkTables[] = {"person_code", "person_name", "person_contact",
                                                          "person_registration", "household_member"};

/// Moves the duplicate's links to the survivor and hides the duplicate. Both must exist, differ,
/// be in `municipality_id`, not be merged already, and the duplicate must have no merged
/// duplicates of her own (split those first). Returns the merge id.
Result<std::int64_t> merge_persons(storage::Connection& c, std::int64_t municipality_id, std::int64_t survivor_id,
                                   std::int64_t duplicate_id, const std::string& reason, std::int64_t user_id,
                                   const std::string& now);

/// Undoes merge `merge_id` of `survivor_id`: the moved rows go back and the duplicate reappears.
/// Returns the duplicate's id; not_found when there is no such open merge.
Result<std::int64_t> split_merge(storage::Connection& c, std::int64_t survivor_id, std::int64_t merge_id,
                                 const std::string& reason, std::int64_t user_id, const std::string& now);

}  // namespace atb::registry
