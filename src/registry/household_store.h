// SQL for households: insert, members with history, load, list in the caller's scope.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "registry/model.h"
#include "storage/connection.h"

namespace atb::registry {

/// Inserts a household (without members); returns its id.
Result<std::int64_t> insert_household(storage::Connection& c, std::int64_t municipality_id, const std::string& name,
                                      const std::optional<Address>& address, std::int64_t user_id, const std::string& now);
/// Adds a current member.
Result<void> add_member(storage::Connection& c, std::int64_t household_id, std::int64_t person_id,
                        const std::string& relationship, const std::string& since);
/// Ends a current membership (the row stays, with `until`). False when she was not a member.
Result<bool> end_member(storage::Connection& c, std::int64_t household_id, std::int64_t person_id, const std::string& until);
/// Changes name and address if the version still matches; false when it changed meanwhile.
Result<bool> update_household(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& name,
                              const std::optional<Address>& address, bool address_changed, const std::string& now);

/// A household with current and past members; each member's in_scope is the policy's verdict
/// for `p`, computed in SQL.
Result<std::optional<Household>> load_household(storage::Connection& c, const access::Principal& p, std::int64_t id);

/// A row of the household list.
struct HouseholdRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t members = 0;
  std::string address;
  std::vector<std::string> birth_dates;  ///< of current members, for the kind
};
/// Households `p` may read (the policy in SQL), newest first.
Result<std::pair<std::vector<HouseholdRow>, std::int64_t>> list_households(storage::Connection& c,
                                                                          const access::Principal& p, int page,
                                                                          int page_size);

}  // namespace atb::registry
