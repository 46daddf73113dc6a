#include "cases/plan_store.h"

#include <algorithm>

#include <fmt/format.h>

#include "cases/case_subject_sql.h"

#include "storage/id_list.h"

namespace atb::cases {

using storage::params;

namespace {

// Task columns over alias t with the responsible person rp and user ru (14 columns).
constexpr const char* kTaskColumns =
    "t.id, t.goal_id, t.plan_id, t.case_id, t.text, t.due_on, t.responsible_kind, t.responsible_person_id,"
    " t.responsible_user_id, t.responsible_partner,"
    " COALESCE(rp.given_names || ' ' || rp.surname, ru.full_name, t.responsible_partner, ''),"
    " t.status, t.note, t.version, t.updated_at, t.responsible_partner_id";
constexpr const char* kTaskJoins =
    " LEFT JOIN person rp ON rp.id = t.responsible_person_id LEFT JOIN app_user ru ON ru.id = t.responsible_user_id";

PlanTask task_from(const storage::Row& r, std::size_t at = 0) {
  PlanTask t;
  t.id = r.integer(at + 0);
  t.goal_id = r.integer(at + 1);
  t.plan_id = r.integer(at + 2);
  t.case_id = r.integer(at + 3);
  t.text = r.text(at + 4);
  t.due_on = r.text(at + 5);
  t.responsible.kind = r.text(at + 6);
  t.responsible.person_id = r.opt_integer(at + 7);
  t.responsible.user_id = r.opt_integer(at + 8);
  t.responsible.partner_name = r.opt_text(at + 9);
  t.responsible.name = r.text(at + 10);
  t.status = r.text(at + 11);
  t.note = r.opt_text(at + 12);
  t.version = r.integer(at + 13);
  t.updated_at = r.text(at + 14);
  t.responsible.partner_id = r.opt_integer(at + 15);
  return t;
}
constexpr std::size_t kTaskColumnCount = 16;

std::optional<PlanUser> user_from(const storage::Row& r, std::size_t id_at, std::size_t name_at) {
  if (r.is_null(id_at)) return std::nullopt;
  return PlanUser{r.integer(id_at), r.text(name_at)};
}

// Writes a plan body's goals and tasks under plan `plan_id` of `case_id`.
Result<void> insert_goals(storage::Connection& c, std::int64_t case_id, std::int64_t plan_id, const Plan& body,
                          std::int64_t by_user, const std::string& now) {
  for (std::size_t g = 0; g < body.goals.size(); ++g) {
    const PlanGoal& goal = body.goals[g];
    ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_goal (plan_id, position, text, domain, assessment_id, member)"
                                 " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                 params(plan_id, static_cast<std::int64_t>(g), goal.text, goal.domain, goal.assessment_id,
                                        goal.member)));
    const std::int64_t goal_id = rows[0].integer(0);
    for (std::size_t t = 0; t < goal.tasks.size(); ++t) {
      const PlanTask& task = goal.tasks[t];
      const Responsible& r = task.responsible;
      ATB_TRY(c.execute(
          "INSERT INTO case_task (case_id, plan_id, goal_id, position, text, due_on, responsible_kind,"
          " responsible_person_id, responsible_user_id, responsible_partner, responsible_partner_id, status, version,"
          " updated_by, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT name FROM partner WHERE id = ?), ?), ?, 'open', 1, ?, ?)",
          params(case_id, plan_id, goal_id, static_cast<std::int64_t>(t), task.text, task.due_on, r.kind,
                 r.kind == "member" ? r.person_id : std::nullopt, r.kind == "worker" ? r.user_id : std::nullopt,
                 r.kind == "partner" ? r.partner_id : std::nullopt, r.kind == "partner" ? r.partner_name : std::nullopt,
                 r.kind == "partner" ? r.partner_id : std::nullopt, by_user, now)));
    }
  }
  return ok();
}

Result<void> delete_goals(storage::Connection& c, std::int64_t plan_id) {
  ATB_TRY(c.execute("DELETE FROM case_task WHERE plan_id = ?", params(plan_id)));
  ATB_TRY(c.execute("DELETE FROM case_goal WHERE plan_id = ?", params(plan_id)));
  return ok();
}

}  // namespace

Result<std::vector<PlanVersion>> list_plan_versions(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, number, status, created_at, decided_at FROM case_plan WHERE case_id = ?"
                               " ORDER BY number DESC",
                               params(case_id)));
  std::vector<PlanVersion> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), static_cast<int>(r.integer(1)), r.text(2), r.text(3), r.opt_text(4)});
  }
  return out;
}

Result<std::vector<Plan>> load_plans(storage::Connection& c, std::int64_t case_id, const std::vector<std::int64_t>& ids) {
  std::vector<Plan> plans;
  if (ids.empty()) return plans;
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ps.push_back(storage::value(case_id));
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT pl.id, pl.case_id, pl.number, pl.version, pl.status, pl.review_on, d.plan_approval_required, pl.agreed_on,"
      " pl.submitted_by, su.full_name, pl.submitted_at, pl.decided_by, du.full_name, pl.decided_at, pl.decision_note,"
      " pl.created_by, cu.full_name, pl.created_at, pl.updated_at"
      " FROM case_plan pl JOIN case_file c ON c.id = pl.case_id JOIN department d ON d.id = c.department_id"
      " JOIN app_user cu ON cu.id = pl.created_by LEFT JOIN app_user su ON su.id = pl.submitted_by"
      " LEFT JOIN app_user du ON du.id = pl.decided_by"
      " WHERE pl.id IN (" + in + ") AND pl.case_id = ?",
      ps));
  for (std::int64_t id : ids) {
    for (const storage::Row& r : rows) {
      if (r.integer(0) != id) continue;
      Plan p;
      p.id = id;
      p.case_id = r.integer(1);
      p.number = static_cast<int>(r.integer(2));
      p.version = r.integer(3);
      p.status = r.text(4);
      p.review_on = r.text(5);
      p.approval_required = r.integer(6) != 0;
      p.agreed_on = r.opt_text(7);
      p.submitted_by = user_from(r, 8, 9);
      p.submitted_at = r.opt_text(10);
      p.decided_by = user_from(r, 11, 12);
      p.decided_at = r.opt_text(13);
      p.decision_note = r.opt_text(14);
      p.created_by = PlanUser{r.integer(15), r.text(16)};
      p.created_at = r.text(17);
      p.updated_at = r.text(18);
      plans.push_back(std::move(p));
    }
  }
  if (plans.empty()) return plans;
  std::vector<std::int64_t> found;
  for (const Plan& p : plans) found.push_back(p.id);
  storage::Params fps;
  const std::string fin = storage::id_placeholders(found, fps);
  auto plan_of = [&](std::int64_t id) -> Plan* {
    for (Plan& p : plans) {
      if (p.id == id) return &p;
    }
    return nullptr;
  };
  ATB_TRY_ASSIGN(goals, c.query("SELECT plan_id, id, text, domain, assessment_id, member FROM case_goal"
                                " WHERE plan_id IN (" + fin + ") ORDER BY plan_id, position",
                                fps));
  for (const storage::Row& r : goals) {
    if (Plan* p = plan_of(r.integer(0))) {
      p->goals.push_back({r.integer(1), r.text(2), r.opt_text(3), r.opt_integer(4), r.opt_text(5), {}});
    }
  }
  ATB_TRY_ASSIGN(tasks, c.query(fmt::format("SELECT {} FROM case_task t{} WHERE t.plan_id IN ({})"
                                            " ORDER BY t.plan_id, t.goal_id, t.position",
                                            kTaskColumns, kTaskJoins, fin),
                                fps));
  for (const storage::Row& r : tasks) {
    PlanTask t = task_from(r);
    Plan* p = plan_of(t.plan_id);
    if (!p) continue;
    auto goal = std::find_if(p->goals.begin(), p->goals.end(), [&](const PlanGoal& g) { return g.id == t.goal_id; });
    if (goal != p->goals.end()) goal->tasks.push_back(std::move(t));
  }
  ATB_TRY_ASSIGN(agreed, c.query("SELECT plan_id, person_id FROM case_plan_agreement WHERE plan_id IN (" + fin +
                                     ") ORDER BY plan_id, person_id",
                                 fps));
  for (const storage::Row& r : agreed) {
    if (Plan* p = plan_of(r.integer(0))) p->agreed_person_ids.push_back(r.integer(1));
  }
  return plans;
}

Result<std::optional<Plan>> load_plan(storage::Connection& c, std::int64_t case_id, std::int64_t id) {
  ATB_TRY_ASSIGN(plans, load_plans(c, case_id, {id}));
  if (plans.empty()) return std::optional<Plan>{};
  return std::optional<Plan>(std::move(plans.front()));
}

Result<std::int64_t> insert_plan(storage::Connection& c, const Plan& plan, std::int64_t by_user, const std::string& now) {
  ATB_TRY_ASSIGN(last, c.query("SELECT COALESCE(MAX(number), 0) FROM case_plan WHERE case_id = ?", params(plan.case_id)));
  const std::int64_t number = last[0].integer(0) + 1;
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_plan (case_id, number, version, status, review_on, created_by,"
                               " created_at, updated_at) VALUES (?, ?, 1, 'draft', ?, ?, ?, ?) RETURNING id",
                               params(plan.case_id, number, plan.review_on, by_user, now, now)));
  const std::int64_t id = rows[0].integer(0);
  ATB_TRY(insert_goals(c, plan.case_id, id, plan, by_user, now));
  return id;
}

Result<bool> replace_plan_body(storage::Connection& c, std::int64_t id, std::int64_t version, const Plan& body,
                               std::int64_t by_user, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_plan SET review_on = ?, agreed_on = NULL, version = version + 1,"
                              " updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'",
                              params(body.review_on, now, id, version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM case_plan_agreement WHERE plan_id = ?", params(id)));
  ATB_TRY(delete_goals(c, id));
  ATB_TRY(insert_goals(c, body.case_id, id, body, by_user, now));
  return true;
}

Result<bool> set_family_agreement(storage::Connection& c, std::int64_t id, std::int64_t version,
                                  const std::string& agreed_on, const std::vector<std::int64_t>& person_ids,
                                  const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_plan SET agreed_on = ?, version = version + 1, updated_at = ?"
                              " WHERE id = ? AND version = ? AND status = 'draft'",
                              params(agreed_on, now, id, version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM case_plan_agreement WHERE plan_id = ?", params(id)));
  std::vector<std::int64_t> unique = person_ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (std::int64_t person : unique) {
    ATB_TRY(c.execute("INSERT INTO case_plan_agreement (plan_id, person_id) VALUES (?, ?)", params(id, person)));
  }
  return true;
}

Result<bool> submit_plan(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& status,
                         std::int64_t by_user, const std::string& now) {
  const bool approved = status == "approved";
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_plan SET status = ?, submitted_by = ?, submitted_at = ?, decided_by = ?,"
                              " decided_at = ?, decision_note = NULL, version = version + 1, updated_at = ?"
                              " WHERE id = ? AND version = ? AND status = 'draft'",
                              params(status, by_user, now, approved ? std::optional(by_user) : std::nullopt,
                                     approved ? std::optional(now) : std::nullopt, now, id, version)));
  return n == 1;
}

Result<bool> decide_plan(storage::Connection& c, std::int64_t id, std::int64_t version, bool approved,
                         std::int64_t by_user, const std::optional<std::string>& note, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_plan SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                              " version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'submitted'",
                              params(approved ? "approved" : "draft", by_user, now, note, now, id, version)));
  return n == 1;
}

Result<void> supersede_in_force(storage::Connection& c, std::int64_t case_id, const std::string& now) {
  ATB_TRY(c.execute("UPDATE case_plan SET status = 'superseded', version = version + 1, updated_at = ?"
                    " WHERE case_id = ? AND status = 'approved'",
                    params(now, case_id)));
  return ok();
}

Result<std::optional<std::string>> approved_plan_created_at(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT created_at FROM case_plan WHERE case_id = ? AND status = 'approved'",
                               params(case_id)));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>(rows[0].text(0));
}

Result<std::vector<std::int64_t>> completed_assessment_ids(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM case_assessment WHERE case_id = ? AND status = 'completed'",
                               params(case_id)));
  std::vector<std::int64_t> out;
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::optional<TaskWithPlan>> load_task(storage::Connection& c, std::int64_t case_id, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT {}, pl.status FROM case_task t JOIN case_plan pl ON pl.id = t.plan_id{}"
                                           " WHERE t.id = ? AND t.case_id = ?",
                                           kTaskColumns, kTaskJoins),
                               params(id, case_id)));
  if (rows.empty()) return std::optional<TaskWithPlan>{};
  return std::optional<TaskWithPlan>(TaskWithPlan{task_from(rows[0]), rows[0].text(kTaskColumnCount)});
}

Result<bool> update_task(storage::Connection& c, std::int64_t id, std::int64_t version, const std::string& status,
                         const std::optional<std::string>& note, std::int64_t by_user, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_task SET status = ?, note = ?, version = version + 1, updated_by = ?,"
                              " updated_at = ? WHERE id = ? AND version = ?"
                              // Only while its plan is the one in force (a concurrent approval supersedes it).
                              " AND plan_id IN (SELECT id FROM case_plan WHERE status = 'approved')",
                              params(status, note, by_user, now, id, version)));
  return n == 1;
}

Result<std::vector<WorkTask>> work_tasks(storage::Connection& c, std::int64_t user_id, const std::string& visible,
                                         int limit) {
  // Two index paths (responsible worker; cases led), joined by UNION rather than OR.
  ATB_TRY_ASSIGN(rows, c.query(fmt::format(
      "SELECT {}, {} FROM case_task t JOIN case_plan pl ON pl.id = t.plan_id JOIN case_file c ON c.id = t.case_id{}{}"
      " WHERE t.id IN (SELECT id FROM case_task WHERE responsible_user_id = ? AND status IN ('open', 'in_progress')"
      "  UNION SELECT ct.id FROM case_file lc JOIN case_task ct ON ct.case_id = lc.id"
      "  WHERE lc.lead_worker_id = ? AND lc.stage <> 'closed' AND ct.status IN ('open', 'in_progress'))"
      " AND pl.status = 'approved' AND c.stage <> 'closed' AND {}"
      " ORDER BY t.due_on, t.id LIMIT {}",
      kTaskColumns, case_subject_name(), kTaskJoins, case_subject_joins(), visible, limit),
      params(user_id, user_id)));
  std::vector<WorkTask> out;
  for (const storage::Row& r : rows) out.push_back({task_from(r), r.text(kTaskColumnCount)});
  return out;
}

Result<std::vector<WorkReview>> work_reviews(storage::Connection& c, std::int64_t user_id, const std::string& until,
                                             const std::string& visible, int limit) {
  ATB_TRY_ASSIGN(rows, c.query(fmt::format(
      "SELECT c.id, {}, pl.review_on FROM case_plan pl JOIN case_file c ON c.id = pl.case_id{}"
      " WHERE pl.status = 'approved' AND pl.review_on <= ? AND c.stage <> 'closed'"
      " AND c.id IN (SELECT id FROM case_file WHERE lead_worker_id = ? UNION SELECT case_id FROM case_worker WHERE user_id = ?)"
      " AND {} ORDER BY pl.review_on, c.id LIMIT {}",
      case_subject_name(), case_subject_joins(), visible, limit),
      params(until, user_id, user_id)));
  std::vector<WorkReview> out;
  for (const storage::Row& r : rows) out.push_back({r.integer(0), r.text(1), r.text(2)});
  return out;
}

Result<std::map<std::int64_t, std::int64_t>> active_caseloads(storage::Connection& c,
                                                              const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (user_ids.empty()) return out;
  storage::Params ps;
  const std::string in = storage::id_placeholders(user_ids, ps);
  // A co-worker is never the lead of the same case, so the two counts add up.
  ATB_TRY_ASSIGN(led, c.query("SELECT lead_worker_id, COUNT(*) FROM case_file WHERE lead_worker_id IN (" + in +
                                  ") AND stage <> 'closed' GROUP BY lead_worker_id",
                              ps));
  for (const storage::Row& r : led) out[r.integer(0)] += r.integer(1);
  ATB_TRY_ASSIGN(co, c.query("SELECT cw.user_id, COUNT(*) FROM case_worker cw JOIN case_file c ON c.id = cw.case_id"
                             " WHERE cw.user_id IN (" + in + ") AND c.stage <> 'closed' GROUP BY cw.user_id",
                             ps));
  for (const storage::Row& r : co) out[r.integer(0)] += r.integer(1);
  return out;
}

Result<std::vector<std::int64_t>> department_teams(storage::Connection& c, const std::vector<std::int64_t>& department_ids) {
  std::vector<std::int64_t> out;
  if (department_ids.empty()) return out;
  storage::Params ps;
  const std::string in = storage::id_placeholders(department_ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM team WHERE department_id IN (" + in + ") ORDER BY id", ps));
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<std::int64_t>> municipality_teams(storage::Connection& c, std::int64_t municipality_id) {
  std::vector<std::int64_t> out;
  ATB_TRY_ASSIGN(rows, c.query("SELECT t.id FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE d.municipality_id = ? ORDER BY t.id",
                               storage::params(municipality_id)));
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<TeamWorker>> team_workers(storage::Connection& c, const std::vector<std::int64_t>& team_ids) {
  std::vector<TeamWorker> out;
  if (team_ids.empty()) return out;
  storage::Params ps;
  const std::string in = storage::id_placeholders(team_ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT DISTINCT u.id, u.full_name FROM app_user u JOIN user_team t ON t.user_id = u.id"
                               " JOIN user_role r ON r.user_id = u.id WHERE t.team_id IN (" + in +
                                   ") AND r.role IN ('social_worker', 'supervisor') AND u.disabled = 0"
                                   " ORDER BY u.full_name, u.id",
                               ps));
  for (const storage::Row& r : rows) out.push_back({r.integer(0), r.text(1)});
  return out;
}

}  // namespace atb::cases
