// SQL of cooperation plans and tasks: plan versions with goals, tasks and the family's
// agreement (read in a fixed number of queries, whatever the number of goals), the status
// changes, task updates, and the lists of "my work" and caseloads. No access decisions here:
// callers open the case under the access policy first, lists take a visibility predicate.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cases/plan_model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::cases {

/// A case's plan versions, newest first.
Result<std::vector<PlanVersion>> list_plan_versions(storage::Connection& c, std::int64_t case_id);
/// Whole plans of one case (goals in order, their tasks in order, the persons who agreed) in
/// four queries; in the order of `ids`, missing ones left out.
Result<std::vector<Plan>> load_plans(storage::Connection& c, std::int64_t case_id, const std::vector<std::int64_t>& ids);
/// One plan of a case, or nullopt.
Result<std::optional<Plan>> load_plan(storage::Connection& c, std::int64_t case_id, std::int64_t id);

/// Stores a new draft (the next number of the case) with its goals and tasks; returns its id.
Result<std::int64_t> insert_plan(storage::Connection& c, const Plan& plan, std::int64_t by_user, const std::string& now);
/// Replaces a draft's goals, tasks and review date and clears the family's agreement (it was
/// given to the old text); false on a version mismatch or when no longer a draft.
Result<bool> replace_plan_body(storage::Connection& c, std::int64_t id, std::int64_t version, const Plan& body,
                               std::int64_t by_user, const std::string& now);
/// Records the family's agreement with a draft; false on a version mismatch.
Result<bool> set_family_agreement(storage::Connection& c, std::int64_t id, std::int64_t version,
                                  const std::string& agreed_on, const std::vector<std::int64_t>& person_ids,
                                  const std::string& now);
/// Submits a draft, to `status` "submitted" or (no approval required) "approved", decided by
/// the submitter; false on a version mismatch.
Result<bool> submit_plan(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& status,
                         std::int64_t by_user, const std::string& now);
/// Records a supervisor's decision on a submitted plan: approved, or back to draft with the
/// note; false on a version mismatch.
Result<bool> decide_plan(storage::Connection& c, std::int64_t id, std::int64_t version, bool approved,
                         std::int64_t by_user, const std::optional<std::string>& note, const std::string& now);
/// Marks the plan in force of a case (if any) superseded, before another is approved.
Result<void> supersede_in_force(storage::Connection& c, std::int64_t case_id, const std::string& now);
/// When the plan in force of a case was made, if it has one.
Result<std::optional<std::string>> approved_plan_created_at(storage::Connection& c, std::int64_t case_id);
/// The ids of a case's completed assessments.
Result<std::vector<std::int64_t>> completed_assessment_ids(storage::Connection& c, std::int64_t case_id);

/// A task with the status of its plan.
struct TaskWithPlan {
  PlanTask task;
  std::string plan_status;
};
/// A task of a case, or nullopt.
Result<std::optional<TaskWithPlan>> load_task(storage::Connection& c, std::int64_t case_id, std::int64_t id);
/// Changes a task's status and note; false on a version mismatch.
Result<bool> update_task(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& status,
                         const std::optional<std::string>& note, std::int64_t by_user, const std::string& now);

/// An open task of "my work", with its case's subject.
struct WorkTask {
  PlanTask task;
  std::string subject_name;
};
/// Open or in-progress tasks of plans in force of open cases `visible` (SQL over alias `c`)
/// where `user_id` is the responsible worker or the lead worker; nearest due first, at most `limit`.
Result<std::vector<WorkTask>> work_tasks(storage::Connection& c, std::int64_t user_id, const std::string& visible,
                                         int limit);
/// A review due: the plan in force of one of the user's open cases (lead or co-worker).
struct WorkReview {
  std::int64_t case_id = 0;
  std::string subject_name, review_on;
};
/// Reviews of the user's cases' plans in force due on or before `until`, earliest first, among
/// the cases `visible` (SQL over alias c, access::case_visible_sql) lets her see.
Result<std::vector<WorkReview>> work_reviews(storage::Connection& c, std::int64_t user_id, const std::string& until,
                                             const std::string& visible, int limit);
/// Open cases each user leads or co-works (users without any are left out).
Result<std::map<std::int64_t, std::int64_t>> active_caseloads(storage::Connection& c,
                                                              const std::vector<std::int64_t>& user_ids);
/// A worker of a team (social worker or supervisor, not disabled).
struct TeamWorker {
  std::int64_t id = 0;
  std::string name;
};
/// The teams of these departments.
Result<std::vector<std::int64_t>> department_teams(storage::Connection& c, const std::vector<std::int64_t>& department_ids);
/// The teams of a municipality (every department's).
Result<std::vector<std::int64_t>> municipality_teams(storage::Connection& c, std::int64_t municipality_id);
/// The social workers and supervisors of these teams, by name.
Result<std::vector<TeamWorker>> team_workers(storage::Connection& c, const std::vector<std::int64_t>& team_ids);

}  // namespace atb::cases
