// Rules of the cooperation plan, without I/O: what a plan body must hold, the plan's status
// machine (draft → submitted → approved → superseded; a rejection returns it to draft), the
// family's agreement, task statuses, the stage rule "plan → implementation needs an approved
// plan made after the case entered the plan stage", and the caseload warning.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.h"
#include "cases/plan_model.h"
#include "core/date.h"
#include "core/result.h"

namespace atb::cases {

/// Limits of a plan body.
inline constexpr std::size_t kPlanGoalsMax = 20;
inline constexpr std::size_t kPlanTasksMax = 30;  ///< per goal
inline constexpr std::size_t kPlanTextMax = 2000;
inline constexpr std::size_t kPartnerNameMax = 200;

/// What a plan body is checked against: the case's persons (household members or the case's
/// person), its workers (lead and co-workers) and its completed assessments.
struct PlanFacts {
  std::vector<std::int64_t> persons;
  std::vector<std::int64_t> workers;
  std::vector<std::int64_t> completed_assessments;
  std::vector<std::int64_t> partners;  ///< active institutions of the partner register
};

/// A plan body (goals with tasks, review date) as parsed by plan_from_body: 1–20 goals, at most
/// 30 tasks each; due dates and review_on not before `today`; a goal's assessment one of the
/// completed ones and its member a person of the case; a task's responsible member a person
/// of the case, worker a worker of the case. 422 naming the field ("goals.0.tasks.2.due_on").
Result<void> check_plan_body(const Plan& plan, const PlanFacts& facts, const Date& today);

/// Whether a new draft may be started: the case is not closed and no plan is being prepared
/// (`preparing`: a draft or submitted plan exists) — 409 otherwise.
Result<void> check_plan_start(const CaseFile& k, bool preparing);
/// Whether a plan's body or family agreement may change: the case is not closed and the plan
/// is a draft (409).
Result<void> check_plan_edit(const CaseFile& k, const Plan& plan);
/// The family's agreement: a real date, not in the future, not before the plan was made
/// (field "agreed_on"); one or more persons, each of the case (field "person_ids.N").
Result<Date> check_family_agreement(const std::string& agreed_on, const std::vector<std::int64_t>& person_ids,
                                    const std::vector<std::int64_t>& persons, const Date& created_on,
                                    const Date& today);
/// Whether a plan may be submitted: an editable draft with the family's agreement (409).
Result<void> check_plan_submit(const CaseFile& k, const Plan& plan);
/// The status a submitted plan gets: approved at once when the department does not require
/// approval, otherwise submitted.
std::string status_after_submit(bool approval_required);
/// Whether a decision may be taken: the case is open and the plan submitted (409).
Result<void> check_plan_decision(const CaseFile& k, const Plan& plan);

/// Whether a task may change to `to`: the case is open and the task's plan is the one in
/// force (409); `to` one of kTaskStatuses (422, field "status"); a finished task (done,
/// cancelled) is only reopened (done → in_progress, cancelled → open; 409 otherwise).
Result<void> check_task_change(const CaseFile& k, const std::string& plan_status, const std::string& from,
                               const std::string& to);

/// When the case last entered `stage` (UTC ISO time of the transition), if ever.
std::optional<std::string> entered_stage_at(const CaseFile& k, const std::string& stage);
/// The stage rule of plans: moving from "plan" to "implementation" needs a plan in force
/// (`approved_created_at`: when the approved plan was made) made after the case entered the
/// plan stage (`entered_plan_at`); 409 with the reason. Other moves pass.
Result<void> check_plan_stage(const std::string& from, const std::string& to,
                              const std::optional<std::string>& entered_plan_at,
                              const std::optional<std::string>& approved_created_at);

/// Whether an active caseload is over the warning limit (more cases than `limit`).
bool caseload_over(std::int64_t active, int limit);

}  // namespace atb::cases
