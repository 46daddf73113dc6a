#include "services/mobile_store.h"

#include "registry/rules.h"
#include "storage/id_list.h"

namespace atb::services {

using storage::params;

namespace {

// Stop columns over alias s with referral r, case c and person pe; the last two are the
// person's name and first phone, or NULL where `visible_sql` refuses them (19 columns).
std::string stop_select(const std::string& visible_sql) {
  return "SELECT s.id, s.plan_id, s.referral_id, r.case_id, s.person_id, s.position,"
         " s.window_from, s.window_to, s.address, s.note, s.outcome, s.outcome_note,"
         " s.delivery_id, s.recorded_by, s.recorded_at, s.version, s.created_at,"
         " CASE WHEN " +
         visible_sql +
         " THEN pe.given_names || ' ' || pe.surname ELSE NULL END,"
         " CASE WHEN " +
         visible_sql +
         " THEN (SELECT pc.value FROM person_contact pc WHERE pc.person_id = s.person_id"
         " AND pc.kind = 'phone' ORDER BY pc.id LIMIT 1) ELSE NULL END"
         " FROM mobile_stop s JOIN referral r ON r.id = s.referral_id"
         " JOIN case_file c ON c.id = r.case_id JOIN person pe ON pe.id = s.person_id";
}

MobileStop stop_from(const storage::Row& r) {
  MobileStop s;
  s.id = r.integer(0);
  s.plan_id = r.integer(1);
  s.referral_id = r.integer(2);
  s.case_id = r.integer(3);
  s.person_id = r.integer(4);
  s.position = static_cast<int>(r.integer(5));
  s.window_from = r.opt_text(6);
  s.window_to = r.opt_text(7);
  s.address = r.opt_text(8);
  s.note = r.opt_text(9);
  s.outcome = r.opt_text(10);
  s.outcome_note = r.opt_text(11);
  s.delivery_id = r.opt_integer(12);
  s.recorded_by = r.opt_integer(13);
  s.recorded_at = r.opt_text(14);
  s.version = r.integer(15);
  s.created_at = r.text(16);
  s.visible = !r.is_null(17);
  s.person_name = s.visible ? r.text(17) : "";
  s.phone = s.visible ? r.opt_text(18) : std::nullopt;
  return s;
}

// The items of the stops `stops` (filled in place).
Result<void> fill_items(storage::Connection& c, std::vector<MobileStop>& stops) {
  if (stops.empty()) return ok();
  std::vector<std::int64_t> ids;
  for (const MobileStop& s : stops) ids.push_back(s.id);
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT stop_id, phase, item, quantity FROM mobile_stop_item"
                               " WHERE stop_id IN (" +
                                   in + ") ORDER BY stop_id, id",
                               ps));
  for (const storage::Row& r : rows) {
    for (MobileStop& s : stops) {
      if (s.id != r.integer(0)) continue;
      StopItem item{r.text(2), static_cast<int>(r.integer(3))};
      (r.text(1) == "planned" ? s.planned : s.delivered).push_back(item);
    }
  }
  return ok();
}

Result<void> insert_items(storage::Connection& c, std::int64_t stop_id, const char* phase,
                          const std::vector<StopItem>& items) {
  for (const StopItem& i : items) {
    ATB_TRY(c.execute(
        "INSERT INTO mobile_stop_item (stop_id, phase, item, quantity) VALUES (?, ?, ?, ?)",
        params(stop_id, std::string(phase), i.item, i.quantity)));
  }
  return ok();
}

// The crew and stops of `plan` (filled in place).
Result<void> fill_plan(storage::Connection& c, DayPlan& plan, const std::string& visible_sql) {
  ATB_TRY_ASSIGN(crew,
                 c.query("SELECT u.id, u.full_name FROM mobile_day_crew k JOIN app_user u"
                         " ON u.id = k.user_id WHERE k.plan_id = ? ORDER BY u.full_name, u.id",
                         params(plan.id)));
  for (const storage::Row& r : crew) plan.crew.push_back({r.integer(0), r.text(1)});
  ATB_TRY_ASSIGN(
      rows, c.query(stop_select(visible_sql) + " WHERE s.plan_id = ? ORDER BY s.position, s.id",
                    params(plan.id)));
  for (const storage::Row& r : rows) plan.stops.push_back(stop_from(r));
  return fill_items(c, plan.stops);
}

constexpr const char* kPlanSelect =
    "SELECT id, service_id, day, route, vehicle, note, version, created_by, created_at, "
    "updated_at FROM mobile_day_plan";

DayPlan plan_from(const storage::Row& r) {
  DayPlan p;
  p.id = r.integer(0);
  p.service_id = r.integer(1);
  p.day = r.text(2);
  p.route = r.text(3);
  p.vehicle = r.opt_text(4);
  p.note = r.opt_text(5);
  p.version = r.integer(6);
  p.created_by = r.integer(7);
  p.created_at = r.text(8);
  p.updated_at = r.text(9);
  return p;
}

}  // namespace

Result<std::vector<DayPlan>> day_plans(storage::Connection& c, std::int64_t service_id,
                                       const std::string& day, const std::string& visible_sql) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kPlanSelect) +
                                   " WHERE service_id = ? AND day = ? ORDER BY route, id",
                               params(service_id, day)));
  std::vector<DayPlan> out;
  for (const storage::Row& r : rows) {
    out.push_back(plan_from(r));
    ATB_TRY(fill_plan(c, out.back(), visible_sql));
  }
  return out;
}

Result<std::optional<DayPlan>> load_plan(storage::Connection& c, std::int64_t id,
                                         const std::string& visible_sql) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kPlanSelect) + " WHERE id = ?", params(id)));
  if (rows.empty()) return std::optional<DayPlan>{};
  DayPlan p = plan_from(rows[0]);
  ATB_TRY(fill_plan(c, p, visible_sql));
  return std::optional(std::move(p));
}

Result<bool> route_taken(storage::Connection& c, std::int64_t service_id, const std::string& day,
                         const std::string& route) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM mobile_day_plan WHERE service_id = ? AND day = ?"
                               " AND route = ?",
                               params(service_id, day, route)));
  return !rows.empty();
}

Result<std::vector<CrewMember>> crew_members(storage::Connection& c, std::int64_t municipality_id,
                                             const std::vector<std::int64_t>& ids) {
  std::vector<CrewMember> out;
  for (std::int64_t id : ids) {
    ATB_TRY_ASSIGN(rows, c.query("SELECT full_name FROM app_user WHERE id = ? AND municipality_id"
                                 " = ? AND disabled = 0",
                                 params(id, municipality_id)));
    if (!rows.empty()) out.push_back({id, rows[0].text(0)});
  }
  return out;
}

Result<std::int64_t> insert_plan(storage::Connection& c, const DayPlan& p) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO mobile_day_plan (service_id, day, route, vehicle, note,"
                               " version, created_by, created_at, updated_at)"
                               " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                               params(p.service_id, p.day, p.route, p.vehicle, p.note, p.created_by,
                                      p.created_at, p.created_at)));
  const std::int64_t id = rows[0].integer(0);
  for (const CrewMember& m : p.crew) {
    ATB_TRY(c.execute("INSERT INTO mobile_day_crew (plan_id, user_id) VALUES (?, ?)",
                      params(id, m.user_id)));
  }
  return id;
}

Result<bool> update_plan(storage::Connection& c, const DayPlan& p, std::int64_t expected_version) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE mobile_day_plan SET route = ?, vehicle = ?, note = ?,"
                              " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                              params(p.route, p.vehicle, p.note, p.updated_at, p.id,
                                     expected_version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM mobile_day_crew WHERE plan_id = ?", params(p.id)));
  for (const CrewMember& m : p.crew) {
    ATB_TRY(c.execute("INSERT INTO mobile_day_crew (plan_id, user_id) VALUES (?, ?)",
                      params(p.id, m.user_id)));
  }
  return true;
}

Result<bool> delete_plan(storage::Connection& c, std::int64_t id, std::int64_t expected_version) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM mobile_day_plan p WHERE p.id = ? AND p.version = ?"
                               " AND NOT EXISTS (SELECT 1 FROM mobile_stop s WHERE s.plan_id = p.id"
                               " AND s.outcome IS NOT NULL)",
                               params(id, expected_version)));
  if (rows.empty()) return false;
  ATB_TRY(c.execute("DELETE FROM mobile_stop_item WHERE stop_id IN"
                    " (SELECT id FROM mobile_stop WHERE plan_id = ?)",
                    params(id)));
  ATB_TRY(c.execute("DELETE FROM mobile_stop WHERE plan_id = ?", params(id)));
  ATB_TRY(c.execute("DELETE FROM mobile_day_crew WHERE plan_id = ?", params(id)));
  ATB_TRY(c.execute("DELETE FROM mobile_day_plan WHERE id = ?", params(id)));
  return true;
}

Result<std::string> municipality_name(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT name FROM municipality WHERE id = ?", params(id)));
  return rows.empty() ? std::string() : rows[0].text(0);
}

Result<std::optional<std::string>> person_route_on(storage::Connection& c, std::int64_t service_id,
                                                   const std::string& day, std::int64_t person_id,
                                                   std::int64_t except_stop) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT p.route FROM mobile_stop s JOIN mobile_day_plan p"
                               " ON p.id = s.plan_id WHERE s.person_id = ? AND p.service_id = ?"
                               " AND p.day = ? AND s.id <> ? ORDER BY p.route",
                               params(person_id, service_id, day, except_stop)));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional(rows[0].text(0));
}

Result<std::optional<std::string>> registry_address(storage::Connection& c,
                                                    std::int64_t person_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT a.municipality, a.locality, a.street, a.house, a.flat,"
                               " a.postal_code FROM person pe JOIN address a"
                               " ON a.id = COALESCE(pe.actual_address_id, pe.declared_address_id)"
                               " WHERE pe.id = ?",
                               params(person_id)));
  if (rows.empty()) return std::optional<std::string>{};
  const storage::Row& r = rows[0];
  const registry::Address a{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
  const std::string line = registry::address_line(a);
  if (line.empty()) return std::optional<std::string>{};
  return std::optional(line);
}

Result<std::optional<MobileStop>> load_stop(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(stop_select("1=1") + " WHERE s.id = ?", params(id)));
  if (rows.empty()) return std::optional<MobileStop>{};
  std::vector<MobileStop> one{stop_from(rows[0])};
  ATB_TRY(fill_items(c, one));
  return std::optional(std::move(one[0]));
}

Result<std::vector<std::int64_t>> stop_order(storage::Connection& c, std::int64_t plan_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM mobile_stop WHERE plan_id = ? ORDER BY position, id",
                               params(plan_id)));
  std::vector<std::int64_t> out;
  for (const storage::Row& r : rows) out.push_back(r.integer(0));
  return out;
}

Result<void> set_order(storage::Connection& c, const std::vector<std::int64_t>& ids) {
  for (std::size_t n = 0; n < ids.size(); ++n) {
    ATB_TRY(c.execute(
        "UPDATE mobile_stop SET position = ? WHERE id = ? AND position <> ?",
        params(static_cast<std::int64_t>(n + 1), ids[n], static_cast<std::int64_t>(n + 1))));
  }
  return ok();
}

Result<std::int64_t> insert_stop(storage::Connection& c, const MobileStop& s,
                                 std::int64_t created_by) {
  ATB_TRY_ASSIGN(rows,
                 c.query("INSERT INTO mobile_stop (plan_id, referral_id, person_id, position,"
                         " window_from, window_to, address, note, version, created_by, created_at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                         params(s.plan_id, s.referral_id, s.person_id, s.position, s.window_from,
                                s.window_to, s.address, s.note, created_by, s.created_at)));
  const std::int64_t id = rows[0].integer(0);
  ATB_TRY(insert_items(c, id, "planned", s.planned));
  return id;
}

Result<bool> update_stop(storage::Connection& c, const MobileStop& s,
                         std::int64_t expected_version) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE mobile_stop SET plan_id = ?, position = ?, window_from = ?,"
                              " window_to = ?, address = ?, note = ?, version = version + 1"
                              " WHERE id = ? AND version = ? AND outcome IS NULL",
                              params(s.plan_id, s.position, s.window_from, s.window_to, s.address,
                                     s.note, s.id, expected_version)));
  if (n != 1) return false;
  ATB_TRY(c.execute("DELETE FROM mobile_stop_item WHERE stop_id = ? AND phase = 'planned'",
                    params(s.id)));
  ATB_TRY(insert_items(c, s.id, "planned", s.planned));
  return true;
}

Result<bool> record_visit(storage::Connection& c, const MobileStop& s,
                          std::int64_t expected_version) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE mobile_stop SET outcome = ?, outcome_note = ?,"
                              " delivery_id = ?, recorded_by = ?, recorded_at = ?,"
                              " version = version + 1"
                              " WHERE id = ? AND version = ? AND outcome IS NULL",
                              params(s.outcome, s.outcome_note, s.delivery_id, s.recorded_by,
                                     s.recorded_at, s.id, expected_version)));
  if (n != 1) return false;
  ATB_TRY(insert_items(c, s.id, "delivered", s.delivered));
  return true;
}

Result<bool> delete_stop(storage::Connection& c, std::int64_t id, std::int64_t expected_version) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM mobile_stop WHERE id = ? AND version = ?"
                               " AND outcome IS NULL",
                               params(id, expected_version)));
  if (rows.empty()) return false;
  ATB_TRY(c.execute("DELETE FROM mobile_stop_item WHERE stop_id = ?", params(id)));
  ATB_TRY(c.execute("DELETE FROM mobile_stop WHERE id = ?", params(id)));
  return true;
}

}  // namespace atb::services
