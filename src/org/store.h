// SQL for the organisation tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "org/model.h"
#include "storage/connection.h"

namespace atb::org {

/// The first municipality of the deployment with its departments and teams, if any exists.
Result<std::optional<Municipality>> load_municipality(storage::Connection& c);

/// The teams with these ids (unknown ids are skipped), by id.
Result<std::vector<Team>> load_teams(storage::Connection& c, const std::vector<std::int64_t>& ids);

/// The municipality a department belongs to, if the department exists.
Result<std::optional<std::int64_t>> department_municipality(storage::Connection& c, std::int64_t department_id);
/// The municipality and department of a team, if it exists.
Result<std::optional<std::pair<std::int64_t, std::int64_t>>> team_owner(storage::Connection& c, std::int64_t team_id);
/// Renames a team.
Result<void> rename_team(storage::Connection& c, std::int64_t team_id, const Text& name);

/// What an ensure_* call did: the record's id and whether it had to be created.
struct Ensured {
  std::int64_t id = 0;
  bool created = false;
};

/// Finds the municipality by code or creates it.
Result<Ensured> ensure_municipality(storage::Connection& c, std::string_view code,
                                    std::string_view name, std::optional<std::int64_t> inhabitants);
/// Finds the department by (municipality, code) or creates it.
Result<Ensured> ensure_department(storage::Connection& c, std::int64_t municipality_id,
                                  std::string_view code, const Text& name);
/// Finds the team by (department, code) or creates it.
Result<Ensured> ensure_team(storage::Connection& c, std::int64_t department_id,
                            std::string_view code, const Text& name);

}  // namespace atb::org
