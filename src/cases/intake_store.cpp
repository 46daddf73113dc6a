#include "cases/intake_store.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "storage/id_list.h"

namespace atb::cases {

using storage::params;

namespace {

constexpr const char* kIntakeColumns =
    "i.id, i.reference, i.municipality_id, i.department_id, i.team_id, i.version, i.channel, i.urgency, i.status,"
    " i.reporter_kind, i.reporter_name, i.reporter_contact, i.household_id, i.concern, i.received_at,"
    " i.first_contact_due_on, i.first_contact_due_at, i.outcome, i.outcome_reason, i.referred_to, i.case_id,"
    " i.created_by, i.created_at";

Intake intake_from(const storage::Row& r) {
  Intake i;
  i.id = r.integer(0);
  i.reference = r.text(1);
  i.municipality_id = r.integer(2);
  i.department_id = r.integer(3);
  i.team_id = r.integer(4);
  i.version = r.integer(5);
  i.channel = r.text(6);
  i.urgency = r.text(7);
  i.status = r.text(8);
  i.reporter = {r.text(9), r.text(10), r.text(11)};
  i.household_id = r.opt_integer(12);
  i.concern = r.text(13);
  i.received_at = r.text(14);
  i.first_contact_due_on = r.text(15);
  i.first_contact_due_at = r.opt_text(16);
  i.outcome = r.opt_text(17);
  i.outcome_reason = r.opt_text(18);
  i.referred_to = r.opt_text(19);
  i.case_id = r.opt_integer(20);
  i.created_by = r.opt_integer(21);
  i.created_at = r.text(22);
  return i;
}

// Reads the problems of the intakes in `items` (by id).
Result<void> load_problems(storage::Connection& c, std::vector<Intake>& items) {
  if (items.empty()) return ok();
  std::vector<std::int64_t> ids;
  for (const Intake& i : items) ids.push_back(i.id);
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT intake_id, problem FROM intake_problem WHERE intake_id IN (" + in + ")"
                               " ORDER BY intake_id, problem", ps));
  for (const storage::Row& r : rows) {
    for (Intake& i : items) {
      if (i.id == r.integer(0)) i.problems.push_back(r.text(1));
    }
  }
  return ok();
}

}  // namespace

Result<std::int64_t> insert_intake(storage::Connection& c, const Intake& i) {
  ATB_TRY_ASSIGN(rows, c.query(
      "INSERT INTO intake (reference, municipality_id, department_id, team_id, version, channel, urgency, status,"
      " reporter_kind, reporter_name, reporter_contact, household_id, concern, received_at, first_contact_due_on,"
      " first_contact_due_at, created_by, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, 1, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      params(i.reference, i.municipality_id, i.department_id, i.team_id, i.channel, i.urgency, i.reporter.kind,
             i.reporter.name, i.reporter.contact, i.household_id, i.concern, i.received_at, i.first_contact_due_on,
             i.first_contact_due_at, i.created_by, i.created_at, i.created_at)));
  const std::int64_t id = rows[0].integer(0);
  for (std::int64_t person : i.person_ids) {
    ATB_TRY(c.execute("INSERT INTO intake_person (intake_id, person_id) VALUES (?, ?)", params(id, person)));
  }
  for (const std::string& problem : i.problems) {
    ATB_TRY(c.execute("INSERT INTO intake_problem (intake_id, problem) VALUES (?, ?)", params(id, problem)));
  }
  return id;
}

Result<std::optional<Intake>> load_intake(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT {} FROM intake i WHERE i.id = ?", kIntakeColumns), params(id)));
  if (rows.empty()) return std::optional<Intake>{};
  std::vector<Intake> one{intake_from(rows[0])};
  ATB_TRY(load_problems(c, one));
  ATB_TRY_ASSIGN(persons, c.query("SELECT person_id FROM intake_person WHERE intake_id = ? ORDER BY person_id", params(id)));
  for (const storage::Row& r : persons) one[0].person_ids.push_back(r.integer(0));
  return std::optional<Intake>(std::move(one[0]));
}

Result<bool> update_intake(storage::Connection& c, const Intake& after, std::int64_t version, const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE intake SET urgency = ?, first_contact_due_on = ?, first_contact_due_at = ?,"
                              " household_id = ?, updated_at = ?, version = version + 1"
                              " WHERE id = ? AND version = ? AND status = 'open'",
                              params(after.urgency, after.first_contact_due_on, after.first_contact_due_at,
                                     after.household_id, now, after.id, version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM intake_person WHERE intake_id = ?", params(after.id)));
  for (std::int64_t person : after.person_ids) {
    ATB_TRY(c.execute("INSERT INTO intake_person (intake_id, person_id) VALUES (?, ?)", params(after.id, person)));
  }
  ATB_TRY(c.execute("DELETE FROM intake_problem WHERE intake_id = ?", params(after.id)));
  for (const std::string& problem : after.problems) {
    ATB_TRY(c.execute("INSERT INTO intake_problem (intake_id, problem) VALUES (?, ?)", params(after.id, problem)));
  }
  return true;
}

Result<bool> set_intake_outcome(storage::Connection& c, std::int64_t id, std::int64_t version, const OutcomeRecord& o,
                                const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE intake SET status = 'closed', outcome = ?, outcome_reason = ?, referred_to = ?,"
                              " case_id = ?, decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1"
                              " WHERE id = ? AND version = ? AND status = 'open'",
                              params(o.outcome, o.reason, o.referred_to, o.case_id, o.decided_by, now, now, id, version)));
  return n == 1;
}

Result<std::pair<std::vector<Intake>, std::int64_t>> list_intakes(storage::Connection& c, const std::string& visible,
                                                                  const IntakeFilter& f, int page, int page_size) {
  std::string where = " WHERE " + visible;
  storage::Params ps;
  if (!f.status.empty()) {
    where += " AND i.status = ?";
    ps.push_back(f.status);
  }
  if (!f.urgency.empty()) {
    where += " AND i.urgency = ?";
    ps.push_back(f.urgency);
  }
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM intake i" + where, ps));
  ps.push_back(static_cast<std::int64_t>(page_size));
  ps.push_back(static_cast<std::int64_t>((page - 1) * page_size));
  ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT {} FROM intake i{} ORDER BY i.first_contact_due_on, CASE WHEN"
                                           " i.first_contact_due_at IS NULL THEN 1 ELSE 0 END, i.first_contact_due_at,"
                                           " i.id LIMIT ? OFFSET ?",
                                           kIntakeColumns, where),
                               ps));
  std::vector<Intake> items;
  for (const storage::Row& r : rows) items.push_back(intake_from(r));
  ATB_TRY(load_problems(c, items));
  return std::pair{std::move(items), count[0].integer(0)};
}

Result<std::optional<access::TeamScope>> find_team(storage::Connection& c, const std::string& municipality_code,
                                                   const std::string& department_code, const std::string& team_code) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT d.municipality_id, d.id, t.id FROM team t JOIN department d ON d.id = t.department_id"
                               " JOIN municipality m ON m.id = d.municipality_id"
                               " WHERE d.code = ? AND t.code = ? AND (m.code = ? OR (? = '' AND m.id ="
                               " (SELECT MIN(id) FROM municipality)))",
                               params(department_code, team_code, municipality_code, municipality_code)));
  if (rows.empty()) return std::optional<access::TeamScope>{};
  return std::optional(access::TeamScope{rows[0].integer(0), rows[0].integer(1), rows[0].integer(2)});
}

Result<std::optional<access::TeamScope>> team_scope(storage::Connection& c, std::int64_t team_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT d.municipality_id, d.id, t.id FROM team t JOIN department d ON d.id = t.department_id"
                               " WHERE t.id = ?",
                               params(team_id)));
  if (rows.empty()) return std::optional<access::TeamScope>{};
  return std::optional(access::TeamScope{rows[0].integer(0), rows[0].integer(1), rows[0].integer(2)});
}

Result<void> set_duty(storage::Connection& c, std::int64_t team_id, std::int64_t user_id, std::int64_t set_by,
                      const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE team_duty SET user_id = ?, set_by = ?, set_at = ? WHERE team_id = ?",
                              params(user_id, set_by, now, team_id)));
  if (n == 0) {
    ATB_TRY(c.execute("INSERT INTO team_duty (team_id, user_id, set_by, set_at) VALUES (?, ?, ?, ?)",
                      params(team_id, user_id, set_by, now)));
  }
  return ok();
}

Result<std::vector<DutyWorker>> load_duty(storage::Connection& c, const std::vector<std::int64_t>& team_ids) {
  std::vector<DutyWorker> out;
  if (team_ids.empty()) return out;
  ATB_TRY_ASSIGN(rows, c.query(fmt::format("SELECT d.team_id, d.user_id, u.full_name, d.set_at FROM team_duty d"
                                           " JOIN app_user u ON u.id = d.user_id WHERE d.team_id IN ({}) ORDER BY d.team_id",
                                           fmt::join(team_ids, ","))));
  for (const storage::Row& r : rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3)});
  return out;
}

Result<std::vector<std::int64_t>> team_supervisors(storage::Connection& c, std::int64_t team_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT u.id FROM app_user u JOIN user_team t ON t.user_id = u.id"
                               " JOIN user_role r ON r.user_id = u.id"
                               " WHERE t.team_id = ? AND r.role = 'supervisor' AND u.disabled = 0 ORDER BY u.id",
                               params(team_id)));
  std::vector<std::int64_t> out;
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<std::vector<std::int64_t>> acute_recipients(storage::Connection& c, std::int64_t team_id) {
  ATB_TRY_ASSIGN(out, team_supervisors(c, team_id));
  ATB_TRY_ASSIGN(duty, load_duty(c, {team_id}));
  for (const DutyWorker& d : duty) {
    if (std::find(out.begin(), out.end(), d.user_id) == out.end()) out.push_back(d.user_id);
  }
  return out;
}

Result<void> notify(storage::Connection& c, const std::vector<std::int64_t>& user_ids, const Notification& n) {
  for (std::int64_t user : user_ids) {
    ATB_TRY(c.execute("INSERT INTO notification (user_id, kind, entity_type, entity_id, message_lv, message_en, created_at)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)",
                      params(user, n.kind, n.entity_type, n.entity_id, n.message.lv, n.message.en, n.created_at)));
  }
  return ok();
}

Result<NotificationPage> list_notifications(storage::Connection& c, std::int64_t user_id, bool unread_only, int page,
                                            int page_size) {
  const std::string where = unread_only ? " WHERE user_id = ? AND read_at IS NULL" : " WHERE user_id = ?";
  NotificationPage out;
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM notification" + where, params(user_id)));
  out.total = count[0].integer(0);
  ATB_TRY_ASSIGN(unread, c.query("SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL", params(user_id)));
  out.unread = unread[0].integer(0);
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, kind, entity_type, entity_id, message_lv, message_en, created_at, read_at"
                               " FROM notification" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                               params(user_id, page_size, (page - 1) * page_size)));
  for (const storage::Row& r : rows) {
    out.items.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3), {r.text(4), r.text(5)}, r.text(6), r.opt_text(7)});
  }
  return out;
}

Result<bool> mark_read(storage::Connection& c, std::int64_t user_id, std::int64_t id, const std::string& now) {
  ATB_TRY_ASSIGN(found, c.query("SELECT read_at FROM notification WHERE id = ? AND user_id = ?", params(id, user_id)));
  if (found.empty()) return false;
  ATB_TRY(c.execute("UPDATE notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                    params(now, id, user_id)));
  return true;
}

}  // namespace atb::cases
