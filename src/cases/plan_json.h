// JSON of the cooperation plan API (docs/api-cases-plan.md): a plan body read from a request
// (shape, types and lengths; the rules in plan_rules.h check the rest), and plans, their
// versions and tasks as sent.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/plan_model.h"
#include "core/result.h"

namespace atb::cases {

/// The goals (with tasks) and review_on of a POST/PUT plan body. Field errors name the path
/// ("goals.1.tasks.0.responsible.kind"); members not in the contract are refused (422).
Result<Plan> plan_from_body(const nlohmann::json& body);

/// A whole plan: goals with tasks, the family's agreement, who made, submitted and decided it.
nlohmann::json to_json(const Plan& plan);
/// A task ({id, goal_id, text, due_on, responsible{kind, person_id | user_id | partner_name,
/// name}, status, note, version, updated_at}).
nlohmann::json to_json(const PlanTask& task);
/// A line of the versions list: {id, number, status, created_at, decided_at}.
nlohmann::json to_json(const PlanVersion& version);

}  // namespace atb::cases
