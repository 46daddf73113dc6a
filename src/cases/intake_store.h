// SQL of intakes, the teams' duty workers and in-app notifications. No access decisions here:
// lists take the access policy's SQL (access::intake_visible_sql) from the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/record_scope.h"
#include "cases/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// Stores a new intake with its persons and problems; returns its id.
Result<std::int64_t> insert_intake(storage::Connection& c, const Intake& intake);
/// An intake with its persons and problems.
Result<std::optional<Intake>> load_intake(storage::Connection& c, std::int64_t id);
/// Writes the triage of an open intake (urgency, deadlines, household, persons, problems from
/// `after`); false on a version mismatch or when it is no longer open.
Result<bool> update_intake(storage::Connection& c, const Intake& after, std::int64_t version, const std::string& now);
/// Records the outcome of an open intake (status → closed); false on a version mismatch or
/// when it is no longer open.
struct OutcomeRecord {
  std::string outcome, reason;
  std::optional<std::string> referred_to;
  std::optional<std::int64_t> case_id;
  std::int64_t decided_by = 0;
};
Result<bool> set_intake_outcome(storage::Connection& c, std::int64_t id, std::int64_t version, const OutcomeRecord& o,
                                const std::string& now);

/// Filters of the intake list (empty = any).
struct IntakeFilter {
  std::string status, urgency;
};
/// Intakes `visible` (SQL over alias `i`), the most urgent deadline first; with the total.
Result<std::pair<std::vector<Intake>, std::int64_t>> list_intakes(storage::Connection& c, const std::string& visible,
                                                                  const IntakeFilter& filter, int page, int page_size);

/// The team named by municipality code ("" = the first municipality), department and team code.
Result<std::optional<access::TeamScope>> find_team(storage::Connection& c, const std::string& municipality_code,
                                                   const std::string& department_code, const std::string& team_code);
/// The municipality and department of a team, if it exists.
Result<std::optional<access::TeamScope>> team_scope(storage::Connection& c, std::int64_t team_id);

/// A team's duty worker.
struct DutyWorker {
  std::int64_t team_id = 0, user_id = 0;
  std::string full_name, set_at;
};
/// Names (or replaces) the duty worker of a team.
Result<void> set_duty(storage::Connection& c, std::int64_t team_id, std::int64_t user_id, std::int64_t set_by,
                      const std::string& now);
/// The duty workers of these teams.
Result<std::vector<DutyWorker>> load_duty(storage::Connection& c, const std::vector<std::int64_t>& team_ids);
/// Who an acute intake of `team_id` alerts: the team's supervisors and its duty worker.
Result<std::vector<std::int64_t>> acute_recipients(storage::Connection& c, std::int64_t team_id);
/// The supervisors of a team (active users with role supervisor).
Result<std::vector<std::int64_t>> team_supervisors(storage::Connection& c, std::int64_t team_id);

/// Adds a notification for each user.
Result<void> notify(storage::Connection& c, const std::vector<std::int64_t>& user_ids, const Notification& n);
/// A user's notifications, newest first (only unread ones when `unread_only`); with the
/// total and the number unread.
struct NotificationPage {
  std::vector<Notification> items;
  std::int64_t total = 0, unread = 0;
};
Result<NotificationPage> list_notifications(storage::Connection& c, std::int64_t user_id, bool unread_only, int page,
                                            int page_size);
/// Marks the user's own notification read; false when she has none with that id.
Result<bool> mark_read(storage::Connection& c, std::int64_t user_id, std::int64_t id, const std::string& now);

}  // namespace atb::cases
