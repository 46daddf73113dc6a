#include "cases/plan_rules.h"

#include <algorithm>

namespace atb::cases {
namespace {

Error conflict(Text why) { return Error{Errc::conflict, std::move(why), {}, {}}; }

bool contains(const std::vector<std::int64_t>& list, std::int64_t id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// A date member of the body: a real date not before `today`.
Result<void> check_future_date(const std::string& text, const std::string& field, const Date& today) {
  const auto d = parse_date(text);
  if (!d) return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  if (*d < today) return Error::invalid_field(field, {"Datums nevar būt pagātnē.", "The date cannot be in the past."});
  return ok();
}

Result<void> check_responsible(const Responsible& r, const PlanFacts& facts, const std::string& field) {
  if (r.kind == "member") {
    if (!r.person_id || !contains(facts.persons, *r.person_id)) {
      return Error::invalid_field(field + ".person_id", {"Persona nav šī gadījuma mājsaimniecībā.",
                                                         "The person is not in this case's household."});
    }
  } else if (r.kind == "worker") {
    if (!r.user_id || !contains(facts.workers, *r.user_id)) {
      return Error::invalid_field(field + ".user_id", {"Darbiniekam jābūt šī gadījuma darbiniekam.",
                                                       "The worker must be a worker of this case."});
    }
  } else if (r.kind == "partner") {
    if (r.partner_id && !contains(facts.partners, *r.partner_id)) {
      return Error::invalid_field(field + ".partner_id", {"Tādas aktīvas partneriestādes reģistrā nav.",
                                                          "No such active institution in the partner register."});
    }
    if (r.partner_id) return ok();  // the register's name is shown
    if (!r.partner_name || r.partner_name->find_first_not_of(" \t") == std::string::npos) {
      return Error::invalid_field(field + ".partner_name", {"Norādiet iestādes nosaukumu.", "Give the institution's name."});
    }
  } else {
    return Error::invalid_field(field + ".kind", {"Nezināms atbildīgās puses veids.", "Unknown kind of responsible party."});
  }
  return ok();
}

Result<void> check_goal(const PlanGoal& g, const PlanFacts& facts, const Date& today, const std::string& field) {
  if (g.text.empty()) return Error::invalid_field(field + ".text", {"Norādiet mērķi.", "Give the goal."});
  if (g.assessment_id && !contains(facts.completed_assessments, *g.assessment_id)) {
    return Error::invalid_field(field + ".assessment_id", {"Izvērtējumam jābūt pabeigtam šī gadījuma izvērtējumam.",
                                                           "The assessment must be a completed assessment of this case."});
  }
  if (g.member) {
    const bool known = std::any_of(facts.persons.begin(), facts.persons.end(),
                                   [&](std::int64_t id) { return std::to_string(id) == *g.member; });
    if (!known) {
      return Error::invalid_field(field + ".member", {"Persona nav šī gadījuma mājsaimniecībā.",
                                                      "The person is not in this case's household."});
    }
  }
  if (g.tasks.size() > kPlanTasksMax) {
    return Error::invalid_field(field + ".tasks", {"Mērķim var būt ne vairāk kā 30 uzdevumu.", "A goal has at most 30 tasks."});
  }
  for (std::size_t t = 0; t < g.tasks.size(); ++t) {
    const PlanTask& task = g.tasks[t];
    const std::string at = field + ".tasks." + std::to_string(t);
    if (task.text.empty()) return Error::invalid_field(at + ".text", {"Norādiet uzdevumu.", "Give the task."});
    ATB_TRY(check_future_date(task.due_on, at + ".due_on", today));
    ATB_TRY(check_responsible(task.responsible, facts, at + ".responsible"));
  }
  return ok();
}

}  // namespace

Result<void> check_plan_body(const Plan& plan, const PlanFacts& facts, const Date& today) {
  if (plan.goals.empty() || plan.goals.size() > kPlanGoalsMax) {
    return Error::invalid_field("goals", {"Plānā jābūt no 1 līdz 20 mērķiem.", "A plan has 1 to 20 goals."});
  }
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    ATB_TRY(check_goal(plan.goals[g], facts, today, "goals." + std::to_string(g)));
  }
  return check_future_date(plan.review_on, "review_on", today);
}

Result<void> check_plan_start(const CaseFile& k, bool preparing) {
  if (k.stage == "closed") return conflict({"Slēgtam gadījumam plānu nesastāda.", "A closed case takes no plan."});
  if (preparing) {
    return conflict({"Gadījumam jau ir plāns, kas tiek sagatavots vai gaida apstiprinājumu.",
                     "The case already has a plan being prepared or awaiting approval."});
  }
  return ok();
}

Result<void> check_plan_edit(const CaseFile& k, const Plan& plan) {
  if (k.stage == "closed") return conflict({"Slēgta gadījuma plānu nemaina.", "A closed case's plan does not change."});
  if (plan.status != "draft") {
    return conflict({"Mainīt var tikai plāna melnrakstu.", "Only a draft plan can change."});
  }
  return ok();
}

Result<Date> check_family_agreement(const std::string& agreed_on, const std::vector<std::int64_t>& person_ids,
                                    const std::vector<std::int64_t>& persons, const Date& created_on,
                                    const Date& today) {
  const auto d = parse_date(agreed_on);
  if (!d) return Error::invalid_field("agreed_on", {"Datumam jābūt formā GGGG-MM-DD.", "The date must be YYYY-MM-DD."});
  if (*d > today) return Error::invalid_field("agreed_on", {"Datums nevar būt nākotnē.", "The date cannot be in the future."});
  if (*d < created_on) {
    return Error::invalid_field("agreed_on", {"Ģimene nevar piekrist plānam pirms tā sastādīšanas.",
                                              "The family cannot agree before the plan was made."});
  }
  if (person_ids.empty()) return Error::invalid_field("person_ids", {"Norādiet, kas piekrita.", "Say who agreed."});
  for (std::size_t n = 0; n < person_ids.size(); ++n) {
    if (!contains(persons, person_ids[n])) {
      return Error::invalid_field("person_ids." + std::to_string(n), {"Persona nav šī gadījuma mājsaimniecībā.",
                                                                      "The person is not in this case's household."});
    }
  }
  return *d;
}

Result<void> check_plan_submit(const CaseFile& k, const Plan& plan) {
  ATB_TRY(check_plan_edit(k, plan));
  if (!plan.agreed_on) {
    return conflict({"Pirms iesniegšanas reģistrējiet ģimenes piekrišanu plānam.",
                     "Record the family's agreement with the plan before submitting it."});
  }
  return ok();
}

std::string status_after_submit(bool approval_required) { return approval_required ? "submitted" : "approved"; }

Result<void> check_plan_decision(const CaseFile& k, const Plan& plan) {
  if (k.stage == "closed") return conflict({"Slēgta gadījuma plānu neapstiprina.", "A closed case's plan is not decided."});
  if (plan.status != "submitted") {
    return conflict({"Plāns negaida apstiprinājumu.", "The plan is not awaiting approval."});
  }
  return ok();
}

Result<void> check_task_change(const CaseFile& k, const std::string& plan_status, const std::string& from,
                               const std::string& to) {
  if (k.stage == "closed") return conflict({"Slēgta gadījuma uzdevumus nemaina.", "A closed case's tasks do not change."});
  if (plan_status != "approved") {
    return conflict({"Mainīt var tikai spēkā esošā plāna uzdevumus.", "Only tasks of the plan in force can change."});
  }
  if (!one_of(kTaskStatuses, to)) return Error::invalid_field("status", {"Nezināms statuss.", "Unknown status."});
  const bool reopen = (from == "done" && to == "in_progress") || (from == "cancelled" && to == "open");
  if ((from == "done" || from == "cancelled") && from != to && !reopen) {
    return conflict({"Pabeigtu uzdevumu var tikai atsākt.", "A finished task can only be reopened."});
  }
  return ok();
}

std::optional<std::string> entered_stage_at(const CaseFile& k, const std::string& stage) {
  for (auto t = k.transitions.rbegin(); t != k.transitions.rend(); ++t) {
    if (t->to_stage == stage) return t->at;
  }
  return std::nullopt;
}

Result<void> check_plan_stage(const std::string& from, const std::string& to,
                              const std::optional<std::string>& entered_plan_at,
                              const std::optional<std::string>& approved_created_at) {
  if (from != "plan" || to != "implementation") return ok();
  if (!approved_created_at || (entered_plan_at && *approved_created_at < *entered_plan_at)) {
    return conflict({"Īstenošanu var sākt tikai ar apstiprinātu sadarbības plānu, kas sastādīts šajā plāna posmā.",
                     "Implementation needs an approved cooperation plan made in this plan stage."});
  }
  return ok();
}

bool caseload_over(std::int64_t active, int limit) { return active > limit; }

}  // namespace atb::cases
