#include "services/mentor_store.h"

namespace atb::services {

using storage::params;

namespace {

// Mentor columns over alias m with the staff user u; the last column counts active pairings.
constexpr const char* kMentorSelect =
    "SELECT m.id, m.municipality_id, m.kind, m.user_id, COALESCE(m.name, u.full_name), m.phone,"
    " m.email, m.trained_on, m.active, m.max_mentees, m.version, m.created_at, m.updated_at,"
    " (SELECT COUNT(*) FROM mentor_pairing mp WHERE mp.mentor_id = m.id AND mp.until_on IS NULL)"
    " FROM mentor m LEFT JOIN app_user u ON u.id = m.user_id";

Mentor mentor_from(const storage::Row& r) {
  Mentor m;
  m.id = r.integer(0);
  m.municipality_id = r.integer(1);
  m.kind = r.text(2);
  m.user_id = r.opt_integer(3);
  m.name = r.text(4);
  m.phone = r.opt_text(5);
  m.email = r.opt_text(6);
  m.trained_on = r.text(7);
  m.active = r.integer(8) != 0;
  m.max_mentees = static_cast<int>(r.integer(9));
  m.version = r.integer(10);
  m.created_at = r.text(11);
  m.updated_at = r.text(12);
  m.active_pairings = static_cast<int>(r.integer(13));
  return m;
}

// Pairing columns over alias p with mentor m, its user mu, creator cu and ender eu.
constexpr const char* kPairingSelect =
    "SELECT p.id, p.referral_id, p.mentor_id, p.case_id, COALESCE(m.name, mu.full_name), m.kind,"
    " p.from_on, p.until_on, p.end_reason, p.override_reason, p.version, p.created_by,"
    " cu.full_name, p.created_at, p.ended_by, eu.full_name, p.ended_at"
    " FROM mentor_pairing p JOIN mentor m ON m.id = p.mentor_id"
    " LEFT JOIN app_user mu ON mu.id = m.user_id JOIN app_user cu ON cu.id = p.created_by"
    " LEFT JOIN app_user eu ON eu.id = p.ended_by";

Pairing pairing_from(const storage::Row& r) {
  Pairing p;
  p.id = r.integer(0);
  p.referral_id = r.integer(1);
  p.mentor_id = r.integer(2);
  p.case_id = r.integer(3);
  p.mentor_name = r.text(4);
  p.mentor_kind = r.text(5);
  p.from_on = r.text(6);
  p.until_on = r.opt_text(7);
  p.end_reason = r.opt_text(8);
  p.override_reason = r.opt_text(9);
  p.version = r.integer(10);
  p.created_by = {r.integer(11), r.text(12)};
  p.created_at = r.text(13);
  if (!r.is_null(14)) p.ended_by = UserRef{r.integer(14), r.text(15)};
  p.ended_at = r.opt_text(16);
  return p;
}

// Goal columns over goal g and plan cp.
constexpr const char* kGoalSelect =
    "SELECT g.id, g.plan_id, cp.number, cp.status, g.text, cp.case_id"
    " FROM case_goal g JOIN case_plan cp ON cp.id = g.plan_id";

PairingGoal goal_from(const storage::Row& r) {
  return {r.integer(0), r.integer(1), static_cast<int>(r.integer(2)), r.text(3), r.text(4)};
}

}  // namespace

Result<std::vector<Mentor>> list_mentors(storage::Connection& c, std::int64_t municipality_id,
                                         std::optional<bool> active) {
  std::string where = " WHERE m.municipality_id = ?";
  storage::Params args = params(municipality_id);
  if (active) {
    where += " AND m.active = ?";
    args.push_back(storage::value(*active));
  }
  ATB_TRY_ASSIGN(rows, c.query(std::string(kMentorSelect) + where, args));
  std::vector<Mentor> out;
  for (const storage::Row& r : rows) out.push_back(mentor_from(r));
  return out;
}

Result<std::optional<Mentor>> load_mentor(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kMentorSelect) + " WHERE m.id = ?", params(id)));
  if (rows.empty()) return std::optional<Mentor>{};
  return std::optional(mentor_from(rows[0]));
}

Result<std::int64_t> insert_mentor(storage::Connection& c, const Mentor& m,
                                   const std::string& now) {
  const std::optional<std::string> name =
      m.kind == "volunteer" ? std::optional(m.name) : std::nullopt;
  ATB_TRY_ASSIGN(rows,
                 c.query("INSERT INTO mentor (municipality_id, kind, user_id, name, phone, email,"
                         " trained_on, active, max_mentees, version, created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                         params(m.municipality_id, m.kind, m.user_id, name, m.phone, m.email,
                                m.trained_on, m.active, m.max_mentees, now, now)));
  return rows[0].integer(0);
}

Result<bool> update_mentor(storage::Connection& c, const Mentor& m, std::int64_t expected_version,
                           const std::string& now) {
  const std::optional<std::string> name =
      m.kind == "volunteer" ? std::optional(m.name) : std::nullopt;
  ATB_TRY_ASSIGN(
      n, c.execute("UPDATE mentor SET kind = ?, user_id = ?, name = ?, phone = ?, email = ?,"
                   " trained_on = ?, active = ?, max_mentees = ?, version = version + 1,"
                   " updated_at = ? WHERE id = ? AND version = ?",
                   params(m.kind, m.user_id, name, m.phone, m.email, m.trained_on, m.active,
                          m.max_mentees, now, m.id, expected_version)));
  return n == 1;
}

Result<std::optional<std::string>> staff_name(storage::Connection& c, std::int64_t municipality_id,
                                              std::int64_t user_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT u.full_name FROM app_user u WHERE u.id = ?"
                               " AND u.municipality_id = ? AND u.disabled = 0 AND EXISTS"
                               " (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role IN"
                               " ('social_worker', 'supervisor', 'department_head', 'director'))",
                               params(user_id, municipality_id)));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional(rows[0].text(0));
}

Result<bool> mentor_user_taken(storage::Connection& c, std::int64_t user_id,
                               std::int64_t except_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM mentor WHERE user_id = ? AND id <> ?",
                               params(user_id, except_id)));
  return !rows.empty();
}

Result<void> lock_mentor(storage::Connection& c, std::int64_t mentor_id) {
  ATB_TRY(c.execute("UPDATE mentor SET version = version WHERE id = ?", params(mentor_id)));
  return ok();
}

Result<std::vector<Mentee>> mentor_mentees(storage::Connection& c, std::int64_t mentor_id,
                                           const std::string& visible_sql) {
  ATB_TRY_ASSIGN(
      rows, c.query("SELECT p.id, p.referral_id, p.case_id, p.from_on, CASE WHEN " + visible_sql +
                        " THEN pe.given_names || ' ' || pe.surname ELSE NULL END"
                        " FROM mentor_pairing p JOIN referral r ON r.id = p.referral_id"
                        " JOIN case_file c ON c.id = p.case_id"
                        " JOIN person pe ON pe.id = r.person_id"
                        " WHERE p.mentor_id = ? AND p.until_on IS NULL"
                        " ORDER BY p.from_on, p.id",
                    params(mentor_id)));
  std::vector<Mentee> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3), !r.is_null(4),
                   r.is_null(4) ? "" : r.text(4)});
  }
  return out;
}

Result<std::vector<StaySpan>> referral_pairing_spans(storage::Connection& c,
                                                     std::int64_t referral_id) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT id, from_on, until_on FROM mentor_pairing WHERE referral_id = ?",
                         params(referral_id)));
  std::vector<StaySpan> out;
  for (const storage::Row& r : rows) {
    StaySpan s;
    s.id = r.integer(0);
    s.period.from = parse_date(r.text(1)).value_or(Date{});
    if (!r.is_null(2)) s.period.to = parse_date(r.text(2));
    out.push_back(s);
  }
  return out;
}

Result<std::int64_t> insert_pairing(storage::Connection& c, const Pairing& p) {
  ATB_TRY_ASSIGN(rows,
                 c.query("INSERT INTO mentor_pairing (referral_id, mentor_id, case_id, from_on,"
                         " override_reason, version, created_by, created_at)"
                         " VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                         params(p.referral_id, p.mentor_id, p.case_id, p.from_on, p.override_reason,
                                p.created_by.id, p.created_at)));
  return rows[0].integer(0);
}

Result<std::optional<Pairing>> load_pairing(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kPairingSelect) + " WHERE p.id = ?", params(id)));
  if (rows.empty()) return std::optional<Pairing>{};
  return std::optional(pairing_from(rows[0]));
}

Result<void> load_pairing_details(storage::Connection& c, Pairing& p) {
  ATB_TRY_ASSIGN(goals, c.query(std::string(kGoalSelect) +
                                    " JOIN mentor_pairing_goal pg ON pg.goal_id = g.id"
                                    " WHERE pg.pairing_id = ? ORDER BY cp.number, g.position, g.id",
                                params(p.id)));
  p.goals.clear();
  for (const storage::Row& r : goals) p.goals.push_back(goal_from(r));
  ATB_TRY_ASSIGN(
      meetings,
      c.query("SELECT mm.id, mm.pairing_id, mm.delivery_id, mm.met_on, mm.minutes, mm.format,"
              " mm.place, mm.attended, mm.note_sealed, mm.recorded_by, u.full_name,"
              " mm.recorded_at, mm.version, mm.corrected_by, cu.full_name, mm.corrected_at"
              " FROM mentor_meeting mm JOIN app_user u ON u.id = mm.recorded_by"
              " LEFT JOIN app_user cu ON cu.id = mm.corrected_by"
              " WHERE mm.pairing_id = ? ORDER BY mm.met_on DESC, mm.id DESC",
              params(p.id)));
  p.meetings.clear();
  for (const storage::Row& r : meetings) {
    Meeting m;
    m.id = r.integer(0);
    m.pairing_id = r.integer(1);
    m.delivery_id = r.opt_integer(2);
    m.met_on = r.text(3);
    m.minutes = static_cast<int>(r.integer(4));
    m.format = r.text(5);
    m.place = r.opt_text(6);
    m.attended = r.integer(7) != 0;
    m.note_sealed = r.text(8);
    m.recorded_by = {r.integer(9), r.text(10)};
    m.recorded_at = r.text(11);
    m.version = r.integer(12);
    if (!r.is_null(13)) m.corrected_by = UserRef{r.integer(13), r.text(14)};
    m.corrected_at = r.opt_text(15);
    p.meetings.push_back(std::move(m));
  }
  return ok();
}

Result<std::vector<Pairing>> referral_pairings(storage::Connection& c, std::int64_t referral_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kPairingSelect) +
                                   " WHERE p.referral_id = ? ORDER BY p.from_on DESC, p.id DESC",
                               params(referral_id)));
  std::vector<Pairing> out;
  for (const storage::Row& r : rows) {
    out.push_back(pairing_from(r));
    ATB_TRY(load_pairing_details(c, out.back()));
  }
  return out;
}

Result<bool> end_pairing(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& until_on, const std::string& reason, std::int64_t by,
                         const std::string& now) {
  ATB_TRY_ASSIGN(n,
                 c.execute("UPDATE mentor_pairing SET until_on = ?, end_reason = ?, ended_by = ?,"
                           " ended_at = ?, version = version + 1"
                           " WHERE id = ? AND version = ? AND until_on IS NULL",
                           params(until_on, reason, by, now, id, expected_version)));
  return n == 1;
}

Result<std::vector<std::int64_t>> end_referral_pairings(storage::Connection& c, std::int64_t referral_id,
                                                        const std::string& until_on, const std::string& reason,
                                                        std::int64_t by, const std::string& now) {
  ATB_TRY_ASSIGN(open, c.query("SELECT id FROM mentor_pairing WHERE referral_id = ? AND until_on IS NULL ORDER BY id",
                               params(referral_id)));
  std::vector<std::int64_t> ids;
  for (const storage::Row& r : open) ids.push_back(r.integer(0));
  if (ids.empty()) return ids;
  ATB_TRY(c.execute(
      "UPDATE mentor_pairing SET until_on = CASE WHEN from_on > ? THEN from_on ELSE ? END,"
      " end_reason = ?, ended_by = ?, ended_at = ?, version = version + 1"
      " WHERE referral_id = ? AND until_on IS NULL",
      params(until_on, until_on, reason, by, now, referral_id)));
  return ids;
}

Result<std::vector<PairingGoal>> plan_goals_in_force(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(
      rows, c.query(std::string(kGoalSelect) + " WHERE cp.case_id = ? AND cp.status = 'approved'"
                                               " ORDER BY g.position, g.id",
                    params(case_id)));
  std::vector<PairingGoal> out;
  for (const storage::Row& r : rows) out.push_back(goal_from(r));
  return out;
}

Result<std::optional<std::pair<PairingGoal, std::int64_t>>> load_goal(storage::Connection& c,
                                                                      std::int64_t goal_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kGoalSelect) + " WHERE g.id = ?", params(goal_id)));
  if (rows.empty()) return std::optional<std::pair<PairingGoal, std::int64_t>>{};
  return std::optional(std::pair{goal_from(rows[0]), rows[0].integer(5)});
}

Result<bool> link_goal(storage::Connection& c, std::int64_t pairing_id, std::int64_t goal_id,
                       std::int64_t by, const std::string& now) {
  ATB_TRY_ASSIGN(
      n, c.execute("INSERT INTO mentor_pairing_goal (pairing_id, goal_id, linked_by, linked_at)"
                   " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                   params(pairing_id, goal_id, by, now)));
  return n == 1;
}

Result<bool> unlink_goal(storage::Connection& c, std::int64_t pairing_id, std::int64_t goal_id) {
  ATB_TRY_ASSIGN(n,
                 c.execute("DELETE FROM mentor_pairing_goal WHERE pairing_id = ? AND goal_id = ?",
                           params(pairing_id, goal_id)));
  return n == 1;
}

Result<std::int64_t> insert_meeting(storage::Connection& c, const Meeting& m) {
  const std::optional<std::string> note =
      m.note_sealed.empty() ? std::nullopt : std::optional(m.note_sealed);
  ATB_TRY_ASSIGN(rows,
                 c.query("INSERT INTO mentor_meeting (pairing_id, delivery_id, met_on, minutes,"
                         " format, place, attended, note_sealed, recorded_by, recorded_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         params(m.pairing_id, m.delivery_id, m.met_on, m.minutes, m.format, m.place,
                                m.attended, note, m.recorded_by.id, m.recorded_at)));
  return rows[0].integer(0);
}

Result<bool> update_meeting(storage::Connection& c, const Meeting& m,
                            std::int64_t expected_version, int delivery_quantity, std::int64_t by,
                            const std::string& now) {
  const std::optional<std::string> note =
      m.note_sealed.empty() ? std::nullopt : std::optional(m.note_sealed);
  ATB_TRY_ASSIGN(n, c.execute("UPDATE mentor_meeting SET met_on = ?, minutes = ?, format = ?,"
                              " place = ?, attended = ?, note_sealed = ?, corrected_by = ?,"
                              " corrected_at = ?, version = version + 1"
                              " WHERE id = ? AND version = ?",
                              params(m.met_on, m.minutes, m.format, m.place, m.attended, note, by,
                                     now, m.id, expected_version)));
  if (n != 1) return false;
  if (m.delivery_id) {
    ATB_TRY(c.execute("UPDATE referral_delivery SET delivered_on = ?, quantity = ?, attended = ?"
                      " WHERE id = ?",
                      params(m.met_on, delivery_quantity, m.attended, *m.delivery_id)));
  }
  return true;
}

Result<bool> delete_meeting(storage::Connection& c, const Meeting& m,
                            std::int64_t expected_version) {
  ATB_TRY_ASSIGN(n, c.execute("DELETE FROM mentor_meeting WHERE id = ? AND version = ?",
                              params(m.id, expected_version)));
  if (n != 1) return false;
  if (m.delivery_id) {
    ATB_TRY(c.execute("DELETE FROM referral_delivery WHERE id = ?", params(*m.delivery_id)));
  }
  return true;
}

}  // namespace atb::services
