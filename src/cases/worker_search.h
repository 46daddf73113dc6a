// Finding workers by name, to choose a case's co-workers or a task's responsible worker
// (GET /api/v1/workers). The store reads the workers the access policy lets the caller find
// (access::worker_visible_sql); the rule matches and pages them. Only names and teams: never
// usernames, e-mail addresses or roles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// A team a worker belongs to.
struct WorkerTeam {
  std::int64_t id = 0;
  std::string name_lv, name_en;
};

/// A worker as the search shows her.
struct Worker {
  std::int64_t user_id = 0;
  std::string name;
  std::vector<WorkerTeam> teams;  ///< her teams within what the caller may see, by id
};

/// Every worker matching the SQL predicate `visible` (over app_user `u` and team `t`, one row per
/// worker and team), each once with her teams, by id.
Result<std::vector<Worker>> visible_workers(storage::Connection& c, const std::string& visible);

/// The longest search text, in bytes.
inline constexpr std::size_t kMaxWorkerQuery = 100;

/// The workers for whom each word of `q` begins a word of their name (folded: case and diacritics
/// ignored, so "berz" finds "Bērziņa", "an be" finds "Anna Bērziņa"), in Latvian name order;
/// all of them for an empty `q`.
std::vector<Worker> match_workers(std::vector<Worker> workers, const std::string& q);

}  // namespace atb::cases
