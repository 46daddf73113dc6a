// SQL of cases: the case file with its co-workers, stage transitions, closure requests and
// agreements. No access decisions here: lists take access::case_visible_sql from the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/model.h"
#include "cases/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// Stores a new case (stage "intake") with its co-workers and its opening as the first
/// transition ("" → intake, with `reason`); returns its id.
Result<std::int64_t> insert_case(storage::Connection& c, const CaseFile& k, const std::string& reason,
                                 std::int64_t by_user, const std::string& now);
/// A case with co-workers and (`whole`) the transition history (oldest first), the latest
/// closure request and the latest agreement.
Result<std::optional<CaseFile>> load_case(storage::Connection& c, std::int64_t id,
                                          CaseDetail detail = CaseDetail::whole);

/// The stage fields a transition writes.
struct StageChange {
  std::string to;
  std::optional<std::string> closed_on, closure_reason;  ///< set when closing, cleared otherwise
  std::optional<int> outcome_rating;
};
/// Moves the case to a stage and records the transition; false on a version mismatch.
Result<bool> change_stage(storage::Connection& c, const CaseFile& k, std::int64_t version, const StageChange& change,
                          const std::string& reason, std::int64_t by_user, const std::string& now);

/// Replaces the lead worker and co-workers; false on a version mismatch.
Result<bool> set_workers(storage::Connection& c, std::int64_t id, std::int64_t version, std::int64_t lead_worker_id,
                         const std::vector<std::int64_t>& co_worker_ids, const std::string& now);

/// Stores a pending closure request; returns its id.
Result<std::int64_t> insert_closure_request(storage::Connection& c, std::int64_t case_id, const ClosureRequest& r);
/// Records the decision on a pending request; false when it is no longer pending.
Result<bool> decide_closure_request(storage::Connection& c, std::int64_t request_id, bool approved,
                                    std::int64_t by_user, const std::string& note, const std::string& now);

/// Stores an agreement with the persons who agreed; returns its id.
Result<std::int64_t> insert_agreement(storage::Connection& c, std::int64_t case_id, const Agreement& a);

/// The current members of a household (persons not merged away).
Result<std::vector<std::int64_t>> household_members(storage::Connection& c, std::int64_t household_id);

/// The persons of a case: its household's current members, or its person.
Result<std::vector<std::int64_t>> case_person_ids(storage::Connection& c, const CaseFile& k);

/// One line of the case list.
struct CaseRow {
  std::int64_t id = 0, team_id = 0, lead_worker_id = 0;
  std::string subject_name, stage, lead_worker_name, opened_on;
  std::optional<std::int64_t> household_id, person_id;
};
/// Filters of the case list: only the caller's own cases (lead or co-worker) when
/// `mine_user` is set; a stage (empty = any); open ones only unless a stage is given.
struct CaseFilter {
  std::optional<std::int64_t> mine_user;
  std::string stage;
};
/// The cases `p` may read (the access policy, bound as parameters), newest first; with the total.
Result<std::pair<std::vector<CaseRow>, std::int64_t>> list_cases(storage::Connection& c, const access::Principal& p,
                                                                 const CaseFilter& f, int page, int page_size);

}  // namespace atb::cases
