#include "cases/case_store.h"

#include <fmt/format.h>

#include "access/record_scope.h"
#include "cases/case_subject_sql.h"
#include "storage/page_clause.h"

namespace atb::cases {

using storage::params;

namespace {

Result<void> load_history(storage::Connection& c, CaseFile& k, CaseDetail detail) {
  ATB_TRY_ASSIGN(workers, c.query("SELECT user_id FROM case_worker WHERE case_id = ? ORDER BY user_id", params(k.id)));
  for (const storage::Row& r : workers) k.co_worker_ids.push_back(r.integer(0));
  if (detail == CaseDetail::access) return ok();
  ATB_TRY_ASSIGN(moves, c.query("SELECT t.id, t.from_stage, t.to_stage, t.reason, t.by_user, u.full_name, t.at"
                                " FROM case_transition t JOIN app_user u ON u.id = t.by_user WHERE t.case_id = ?"
                                " ORDER BY t.id",
                                params(k.id)));
  for (const storage::Row& r : moves) {
    k.transitions.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.text(5), r.text(6)});
  }
  ATB_TRY_ASSIGN(closure, c.query("SELECT id, closure_reason, outcome_rating, note, requested_by, requested_at, status,"
                                  " decided_by, decided_at, decision_note FROM case_closure_request WHERE case_id = ?"
                                  " ORDER BY id DESC LIMIT 1",
                                  params(k.id)));
  if (!closure.empty()) {
    const storage::Row& r = closure[0];
    k.closure_request = ClosureRequest{r.integer(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3), r.integer(4),
                                       r.text(5), r.text(6), r.opt_integer(7), r.opt_text(8), r.opt_text(9)};
  }
  ATB_TRY_ASSIGN(agreement, c.query("SELECT id, agreed_on, note, recorded_by, recorded_at, document_id FROM case_agreement"
                                    " WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                    params(k.id)));
  if (!agreement.empty()) {
    const storage::Row& r = agreement[0];
    Agreement a{r.integer(0), r.text(1), {}, r.text(2), r.integer(3), r.text(4), r.opt_integer(5)};
    ATB_TRY_ASSIGN(persons, c.query("SELECT person_id FROM case_agreement_person WHERE agreement_id = ? ORDER BY person_id",
                                    params(a.id)));
    for (const storage::Row& p : persons) a.person_ids.push_back(p.integer(0));
    k.agreement = std::move(a);
  }
  return ok();
}

Result<void> insert_transition(storage::Connection& c, std::int64_t case_id, const std::string& from,
                               const std::string& to, const std::string& reason, std::int64_t by_user,
                               const std::string& now) {
  ATB_TRY(c.execute("INSERT INTO case_transition (case_id, from_stage, to_stage, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?)",
                    params(case_id, from, to, reason, by_user, now)));
  return ok();
}

}  // namespace

Result<std::int64_t> insert_case(storage::Connection& c, const CaseFile& k, const std::string& reason,
                                 std::int64_t by_user, const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query(
      "INSERT INTO case_file (municipality_id, department_id, team_id, version, household_id, person_id, intake_id, stage,"
      " lead_worker_id, opened_on, created_by, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, 'intake', ?, ?, ?, ?, ?)"
      " RETURNING id",
      params(k.municipality_id, k.department_id, k.team_id, k.household_id, k.person_id, k.intake_id, k.lead_worker_id,
             k.opened_on, by_user, now, now)));
  const std::int64_t id = rows[0].integer(0);
  for (std::int64_t worker : k.co_worker_ids) {
    ATB_TRY(c.execute("INSERT INTO case_worker (case_id, user_id) VALUES (?, ?)", params(id, worker)));
  }
  ATB_TRY(insert_transition(c, id, "", "intake", reason, by_user, now));
  return id;
}

Result<std::optional<CaseFile>> load_case(storage::Connection& c, std::int64_t id, CaseDetail detail) {
  ATB_TRY_ASSIGN(rows, c.query(fmt::format(
      "SELECT c.id, c.municipality_id, c.department_id, c.team_id, c.version, c.household_id, c.person_id, c.intake_id,"
      " {}, c.stage, c.lead_worker_id, c.opened_on, c.closed_on, c.closure_reason, c.outcome_rating, c.created_at"
      " FROM case_file c{} WHERE c.id = ?",
      case_subject_name(), case_subject_joins()), params(id)));
  if (rows.empty()) return std::optional<CaseFile>{};
  const storage::Row& r = rows[0];
  CaseFile k;
  k.id = r.integer(0);
  k.municipality_id = r.integer(1);
  k.department_id = r.integer(2);
  k.team_id = r.integer(3);
  k.version = r.integer(4);
  k.household_id = r.opt_integer(5);
  k.person_id = r.opt_integer(6);
  k.intake_id = r.opt_integer(7);
  k.subject_name = r.text(8);
  k.stage = r.text(9);
  k.lead_worker_id = r.integer(10);
  k.opened_on = r.text(11);
  k.closed_on = r.opt_text(12);
  k.closure_reason = r.opt_text(13);
  if (auto rating = r.opt_integer(14)) k.outcome_rating = static_cast<int>(*rating);
  k.created_at = r.text(15);
  ATB_TRY(load_history(c, k, detail));
  return std::optional<CaseFile>(std::move(k));
}

Result<bool> change_stage(storage::Connection& c, const CaseFile& k, std::int64_t version, const StageChange& change,
                          const std::string& reason, std::int64_t by_user, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_file SET stage = ?, closed_on = ?, closure_reason = ?, outcome_rating = ?,"
                              " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                              params(change.to, change.closed_on, change.closure_reason, change.outcome_rating, now, k.id,
                                     version)));
  if (n != 1) return false;
  ATB_TRY(insert_transition(c, k.id, k.stage, change.to, reason, by_user, now));
  return true;
}

Result<bool> set_workers(storage::Connection& c, std::int64_t id, std::int64_t version, std::int64_t lead_worker_id,
                         const std::vector<std::int64_t>& co_worker_ids, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_file SET lead_worker_id = ?, version = version + 1, updated_at = ?"
                              " WHERE id = ? AND version = ?",
                              params(lead_worker_id, now, id, version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM case_worker WHERE case_id = ?", params(id)));
  for (std::int64_t worker : co_worker_ids) {
    ATB_TRY(c.execute("INSERT INTO case_worker (case_id, user_id) VALUES (?, ?)", params(id, worker)));
  }
  return true;
}

Result<std::int64_t> insert_closure_request(storage::Connection& c, std::int64_t case_id, const ClosureRequest& r) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_closure_request (case_id, closure_reason, outcome_rating, note,"
                               " requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING id",
                               params(case_id, r.closure_reason, r.outcome_rating, r.note, r.requested_by, r.requested_at)));
  return rows[0].integer(0);
}

Result<bool> decide_closure_request(storage::Connection& c, std::int64_t request_id, bool approved,
                                    std::int64_t by_user, const std::string& note, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE case_closure_request SET status = ?, decided_by = ?, decided_at = ?,"
                              " decision_note = ? WHERE id = ? AND status = 'pending'",
                              params(approved ? "approved" : "rejected", by_user, now, note, request_id)));
  return n == 1;
}

Result<std::int64_t> insert_agreement(storage::Connection& c, std::int64_t case_id, const Agreement& a) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_agreement (case_id, agreed_on, note, recorded_by, recorded_at)"
                               " VALUES (?, ?, ?, ?, ?) RETURNING id",
                               params(case_id, a.agreed_on, a.note, a.recorded_by, a.recorded_at)));
  const std::int64_t id = rows[0].integer(0);
  for (std::int64_t person : a.person_ids) {
    ATB_TRY(c.execute("INSERT INTO case_agreement_person (agreement_id, person_id) VALUES (?, ?)", params(id, person)));
  }
  return id;
}

Result<std::vector<std::int64_t>> household_members(storage::Connection& c, std::int64_t household_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT m.person_id FROM household_member m JOIN person p ON p.id = m.person_id"
                               " WHERE m.household_id = ? AND m.until IS NULL AND p.merged_into_id IS NULL",
                               params(household_id)));
  std::vector<std::int64_t> out;
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<std::int64_t>> case_person_ids(storage::Connection& c, const CaseFile& k) {
  std::vector<std::int64_t> persons;
  if (k.household_id) ATB_TRY_ASSIGN_TO(persons, household_members(c, *k.household_id));
  if (k.person_id) persons.push_back(*k.person_id);
  return persons;
}

Result<std::pair<std::vector<CaseRow>, std::int64_t>> list_cases(storage::Connection& c, const access::Principal& p,
                                                                 const CaseFilter& f, int page, int page_size) {
  // The ids first, then only the page's rows read whole. Her own cases (mine) come from the
  // lead index, which also holds every column the access rule and the stage need, and from her
  // co-worker rows: the count reads a few index pages, not each case (SQLite discards its page
  // cache whenever another connection commits, so every page a list touches is read again).
  // The access rule binds the caller's values, so every caller of the same shape shares one
  // prepared statement (and plan); parameters are added in the order of the text.
  const std::string stage = f.stage.empty() ? " AND c.stage <> 'closed'" : " AND c.stage = ?";
  std::string ids;
  storage::Params ps;
  auto add_stage = [&] {
    ids += stage;
    if (!f.stage.empty()) ps.push_back(f.stage);
  };
  auto add_visible = [&] { ids += " AND " + access::case_visible_sql(p, "c", ps); };
  if (f.mine_user) {
    ids = "SELECT c.id FROM case_file c WHERE c.lead_worker_id = ?";
    ps.emplace_back(*f.mine_user);
    add_stage();
    add_visible();
    ids += " UNION SELECT c.id FROM case_worker w CROSS JOIN case_file c WHERE w.user_id = ? AND c.id = w.case_id";
    ps.emplace_back(*f.mine_user);
    add_stage();
    add_visible();
  } else {
    ids = "SELECT c.id FROM case_file c WHERE 1 = 1";
    add_visible();
    add_stage();
  }
  // The count rides on the page's statement (one round trip). Her own cases are few: their ids
  // are chosen once (a materialized CTE) for the count and the page. Other lists may hold most of
  // the municipality's cases: the count is an uncorrelated subquery of its own, run once, and the
  // page stops after its rows in the id order.
  const std::string count = "(SELECT COUNT(*) FROM (" + ids + ") ids)";
  const bool few = f.mine_user.has_value();
  storage::Params all = ps;
  if (!few) all.insert(all.end(), ps.begin(), ps.end());
  ATB_TRY_ASSIGN(rows, c.query(fmt::format("{}SELECT c.id, c.team_id, c.lead_worker_id, {}, c.stage, u.full_name,"
                                           " c.opened_on, c.household_id, c.person_id, {} FROM ({} ORDER BY 1 DESC{}) pick"
                                           " CROSS JOIN case_file c{} JOIN app_user u ON u.id = c.lead_worker_id"
                                           " WHERE c.id = pick.id ORDER BY c.id DESC",
                                           few ? "WITH ids AS MATERIALIZED (" + ids + ") " : "", case_subject_name(),
                                           few ? "(SELECT COUNT(*) FROM ids)" : count, few ? "SELECT id FROM ids" : ids,
                                           storage::page_clause(page_size, static_cast<std::int64_t>(page - 1) * page_size),
                                           case_subject_joins()),
                               all));
  std::int64_t total = 0;
  if (!rows.empty()) {
    total = rows[0].integer(9);
  } else if (page > 1) {  // past the last page: the count alone
    ATB_TRY_ASSIGN(counted, c.query("SELECT " + count, ps));
    total = counted[0].integer(0);
  }
  std::vector<CaseRow> items;
  for (const storage::Row& r : rows) {
    items.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6), r.opt_integer(7),
                     r.opt_integer(8)});
  }
  return std::pair{std::move(items), total};
}

}  // namespace atb::cases
