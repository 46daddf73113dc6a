// The cooperation plan (sadarbības plāns) as the stores read and write it: a numbered version
// of a case's plan with goals, each with agreed tasks (veicamie uzdevumi). Plain data; the
// rules are in plan_rules.h, the SQL in plan_store.h, the JSON in plan_json.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atb::cases {

/// Plan statuses: draft → submitted (awaiting a supervisor) → approved (in force) →
/// superseded (a later plan was approved); a rejected plan goes back to draft.
inline constexpr const char* kPlanStatuses[] = {"draft", "submitted", "approved", "superseded"};
/// Who is responsible for a task: a member of the case, a worker of the case, a partner.
inline constexpr const char* kResponsibleKinds[] = {"member", "worker", "partner"};
/// Task statuses.
inline constexpr const char* kTaskStatuses[] = {"open", "in_progress", "done", "cancelled"};

/// The party responsible for a task; exactly the id (or name) of its kind is set.
struct Responsible {
  std::string kind;                       ///< kResponsibleKinds
  std::optional<std::int64_t> person_id;  ///< member
  std::optional<std::int64_t> user_id;    ///< worker
  std::optional<std::string> partner_name;  ///< partner (≤ 200 characters)
  std::string name;                       ///< read only: the person's, user's or partner's name
  std::optional<std::int64_t> partner_id;     ///< partner: an institution of the register (partners/)
};

/// An agreed task of a goal.
struct PlanTask {
  std::int64_t id = 0, goal_id = 0, plan_id = 0, case_id = 0;
  std::string text;
  std::string due_on;  ///< YYYY-MM-DD
  Responsible responsible;
  std::string status = "open";  ///< kTaskStatuses
  std::optional<std::string> note;
  std::int64_t version = 1;
  std::string updated_at;
};

/// A goal, optionally tied to an assessment (its domain and member).
struct PlanGoal {
  std::int64_t id = 0;
  std::string text;
  std::optional<std::string> domain;       ///< an instrument's domain code
  std::optional<std::int64_t> assessment_id;  ///< a completed assessment of the case
  std::optional<std::string> member;       ///< a person of the case, id in decimal
  std::vector<PlanTask> tasks;
};

/// A user named on a plan (author, submitter, decider).
struct PlanUser {
  std::int64_t id = 0;
  std::string name;
};

/// One version of a case's cooperation plan.
struct Plan {
  std::int64_t id = 0, case_id = 0;
  int number = 0;              ///< 1, 2, … per case
  std::int64_t version = 1;    ///< optimistic concurrency
  std::string status = "draft";
  std::vector<PlanGoal> goals;
  std::string review_on;       ///< YYYY-MM-DD
  bool approval_required = true;  ///< from the case's department (read only)
  std::optional<std::string> agreed_on;  ///< the family's agreement, with the persons who agreed
  std::vector<std::int64_t> agreed_person_ids;
  std::optional<PlanUser> submitted_by, decided_by;
  std::optional<std::string> submitted_at, decided_at, decision_note;
  PlanUser created_by;
  std::string created_at, updated_at;
};

/// A line of a case's plan versions.
struct PlanVersion {
  std::int64_t id = 0;
  int number = 0;
  std::string status, created_at;
  std::optional<std::string> decided_at;
};

}  // namespace atb::cases
