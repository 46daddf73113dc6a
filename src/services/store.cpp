#include "services/store.h"

#include "storage/id_list.h"

namespace atb::services {

using storage::params;

namespace {

// Service columns over alias s with the provider's name (department dp or partner pp): 23 columns.
constexpr const char* kServiceSelect =
    "SELECT s.id, s.municipality_id, s.name_lv, s.name_en, s.kind, s.provider_department_id, "
    "s.provider_partner_id,"
    " COALESCE(dp.name_lv, pp.name, ''), s.contract_from, s.contract_to, s.age_min, s.age_max, "
    "s.capacity,"
    " s.capacity_unit, s.unit, s.price_cents, s.funding, s.project_number, s.active, s.version, "
    "s.created_at,"
    " s.updated_at, s.roster_version"
    " FROM service s LEFT JOIN department dp ON dp.id = s.provider_department_id"
    " LEFT JOIN partner pp ON pp.id = s.provider_partner_id";

std::optional<int> opt_int(const storage::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return static_cast<int>(r.integer(i));
}

Service service_from(const storage::Row& r) {
  Service s;
  s.id = r.integer(0);
  s.municipality_id = r.integer(1);
  s.name_lv = r.text(2);
  s.name_en = r.text(3);
  s.kind = r.text(4);
  s.provider_department_id = r.opt_integer(5);
  s.provider_partner_id = r.opt_integer(6);
  s.provider_name = r.text(7);
  s.contract_from = r.opt_text(8);
  s.contract_to = r.opt_text(9);
  s.eligibility.age_min = opt_int(r, 10);
  s.eligibility.age_max = opt_int(r, 11);
  s.capacity = static_cast<int>(r.integer(12));
  s.capacity_unit = r.text(13);
  s.unit = r.text(14);
  s.price_cents = r.integer(15);
  s.funding = r.text(16);
  s.project_number = r.opt_text(17);
  s.active = r.integer(18) != 0;
  s.version = r.integer(19);
  s.created_at = r.text(20);
  s.updated_at = r.text(21);
  s.roster_version = r.integer(22);
  return s;
}

// Fills the target groups of `list` in one query.
Result<void> fill_target_groups(storage::Connection& c, std::vector<Service>& list) {
  if (list.empty()) return ok();
  std::vector<std::int64_t> ids;
  for (const Service& s : list) ids.push_back(s.id);
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(
      rows,
      c.query("SELECT service_id, target_group FROM service_target_group WHERE service_id IN (" +
                  in + ") ORDER BY target_group",
              ps));
  for (Service& s : list) {
    for (const storage::Row& r : rows) {
      if (r.integer(0) == s.id) s.eligibility.target_groups.push_back(r.text(1));
    }
  }
  return ok();
}

Result<void> write_target_groups(storage::Connection& c, const Service& s) {
  ATB_TRY(c.execute("DELETE FROM service_target_group WHERE service_id = ?", params(s.id)));
  for (const std::string& g : s.eligibility.target_groups) {
    ATB_TRY(c.execute("INSERT INTO service_target_group (service_id, target_group) VALUES (?, ?)",
                      params(s.id, g)));
  }
  return ok();
}

std::optional<std::int64_t> opt(const std::optional<int>& v) {
  if (!v) return std::nullopt;
  return static_cast<std::int64_t>(*v);
}

// Referral columns over alias r with the service sv, person pe and users: 34 columns.
constexpr const char* kReferralSelect =
    "SELECT r.id, r.service_id, r.case_id, r.person_id, sv.name_lv, sv.name_en, pe.given_names || "
    "' ' || pe.surname,"
    " r.target_group, r.quantity, r.note, r.state, r.version, r.requested_on, r.requested_by, "
    "ru.full_name,"
    " r.requested_at, r.decision_due_on, r.decision, r.decision_reason, r.decided_by, "
    "du.full_name, r.decided_at,"
    " r.priority, r.waiting_since, r.start_on, r.placed_by, pu.full_name, r.placed_at, "
    "r.override_reason, r.end_on,"
    " r.end_reason, r.ended_by, eu.full_name, r.ended_at"
    " FROM referral r JOIN service sv ON sv.id = r.service_id JOIN person pe ON pe.id = r.person_id"
    " JOIN app_user ru ON ru.id = r.requested_by LEFT JOIN app_user du ON du.id = r.decided_by"
    " LEFT JOIN app_user pu ON pu.id = r.placed_by LEFT JOIN app_user eu ON eu.id = r.ended_by";

std::optional<UserRef> user_at(const storage::Row& r, std::size_t id_at) {
  if (r.is_null(id_at)) return std::nullopt;
  return UserRef{r.integer(id_at), r.text(id_at + 1)};
}

Referral referral_from(const storage::Row& r) {
  Referral x;
  x.id = r.integer(0);
  x.service_id = r.integer(1);
  x.case_id = r.integer(2);
  x.person_id = r.integer(3);
  x.service_name_lv = r.text(4);
  x.service_name_en = r.text(5);
  x.person_name = r.text(6);
  x.target_group = r.opt_text(7);
  x.quantity = static_cast<int>(r.integer(8));
  x.note = r.opt_text(9);
  x.state = r.text(10);
  x.version = r.integer(11);
  x.requested_on = r.text(12);
  x.requested_by = {r.integer(13), r.text(14)};
  x.requested_at = r.text(15);
  x.decision_due_on = r.text(16);
  x.decision = r.opt_text(17);
  x.decision_reason = r.opt_text(18);
  x.decided_by = user_at(r, 19);
  x.decided_at = r.opt_text(21);
  x.priority = opt_int(r, 22);
  x.waiting_since = r.opt_text(23);
  x.start_on = r.opt_text(24);
  x.placed_by = user_at(r, 25);
  x.placed_at = r.opt_text(27);
  x.override_reason = r.opt_text(28);
  x.end_on = r.opt_text(29);
  x.end_reason = r.opt_text(30);
  x.ended_by = user_at(r, 31);
  x.ended_at = r.opt_text(33);
  return x;
}

}  // namespace

Result<std::vector<Service>> list_services(storage::Connection& c, std::int64_t municipality_id,
                                           bool with_inactive) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kServiceSelect) + " WHERE s.municipality_id = ?" +
                                   (with_inactive ? "" : " AND s.active = 1") +
                                   " ORDER BY s.kind, s.name_lv, s.id",
                               params(municipality_id)));
  std::vector<Service> out;
  for (const storage::Row& r : rows) out.push_back(service_from(r));
  ATB_TRY(fill_target_groups(c, out));
  return out;
}

Result<std::optional<Service>> load_service(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kServiceSelect) + " WHERE s.id = ?", params(id)));
  if (rows.empty()) return std::optional<Service>{};
  std::vector<Service> one{service_from(rows[0])};
  ATB_TRY(fill_target_groups(c, one));
  return std::optional(std::move(one[0]));
}

Result<std::int64_t> insert_service(storage::Connection& c, const Service& s,
                                    const std::string& now) {
  ATB_TRY_ASSIGN(
      rows,
      c.query(
          "INSERT INTO service (municipality_id, name_lv, name_en, kind, provider_department_id, "
          "provider_partner_id,"
          " contract_from, contract_to, age_min, age_max, capacity, capacity_unit, unit, "
          "price_cents, funding,"
          " project_number, active, version, created_at, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
          params(s.municipality_id, s.name_lv, s.name_en, s.kind, s.provider_department_id,
                 s.provider_partner_id, s.contract_from, s.contract_to, opt(s.eligibility.age_min),
                 opt(s.eligibility.age_max), s.capacity, s.capacity_unit, s.unit, s.price_cents,
                 s.funding, s.project_number, s.active, now, now)));
  Service made = s;
  made.id = rows[0].integer(0);
  ATB_TRY(write_target_groups(c, made));
  return made.id;
}

Result<bool> update_service(storage::Connection& c, const Service& s, std::int64_t expected_version,
                            const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE service SET name_lv = ?, name_en = ?, kind = ?, "
                              "provider_department_id = ?, provider_partner_id = ?,"
                              " contract_from = ?, contract_to = ?, age_min = ?, age_max = ?, "
                              "capacity = ?, capacity_unit = ?, unit = ?,"
                              " price_cents = ?, funding = ?, project_number = ?, active = ?, "
                              "version = version + 1, updated_at = ?"
                              " WHERE id = ? AND version = ?",
                              params(s.name_lv, s.name_en, s.kind, s.provider_department_id,
                                     s.provider_partner_id, s.contract_from, s.contract_to,
                                     opt(s.eligibility.age_min), opt(s.eligibility.age_max),
                                     s.capacity, s.capacity_unit, s.unit, s.price_cents, s.funding,
                                     s.project_number, s.active, now, s.id, expected_version)));
  if (n == 0) return false;
  ATB_TRY(write_target_groups(c, s));
  return true;
}

Result<bool> department_exists(storage::Connection& c, std::int64_t municipality_id,
                               std::int64_t department_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM department WHERE id = ? AND municipality_id = ?",
                               params(department_id, municipality_id)));
  return !rows.empty();
}

Result<bool> partner_exists(storage::Connection& c, std::int64_t municipality_id,
                            std::int64_t partner_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM partner WHERE id = ? AND municipality_id = ?",
                               params(partner_id, municipality_id)));
  return !rows.empty();
}

Result<void> lock_service(storage::Connection& c, std::int64_t service_id) {
  ATB_TRY(c.execute("UPDATE service SET version = version WHERE id = ?", params(service_id)));
  return ok();
}

Result<int> occupied(storage::Connection& c, std::int64_t service_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT COALESCE(SUM(quantity), 0) FROM referral WHERE service_id = "
                               "? AND state = 'placed'",
                               params(service_id)));
  return static_cast<int>(rows[0].integer(0));
}

Result<std::map<std::int64_t, ServiceLoad>> service_loads(storage::Connection& c,
                                                          std::int64_t municipality_id,
                                                          const Date& today) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("SELECT r.service_id, r.state, COUNT(*), COALESCE(SUM(r.quantity), 0),"
              " SUM(CASE WHEN r.decision_due_on < ? THEN 1 ELSE 0 END) FROM referral r"
              " JOIN service s ON s.id = r.service_id WHERE s.municipality_id = ?"
              " AND r.state IN ('requested', 'waiting', 'placed') GROUP BY r.service_id, r.state",
              params(today.iso(), municipality_id)));
  std::map<std::int64_t, ServiceLoad> out;
  for (const storage::Row& r : rows) {
    ServiceLoad& load = out[r.integer(0)];
    const std::string state = r.text(1);
    if (state == "placed") {
      load.occupied = static_cast<int>(r.integer(3));
    } else if (state == "waiting") {
      load.waiting = static_cast<int>(r.integer(2));
    } else {
      load.requested = static_cast<int>(r.integer(2));
      load.overdue = static_cast<int>(r.integer(4));
    }
  }
  return out;
}

Result<std::optional<Date>> birth_date(storage::Connection& c, std::int64_t person_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT birth_date FROM person WHERE id = ?", params(person_id)));
  if (rows.empty()) return std::optional<Date>{};
  return parse_date(rows[0].text(0));
}

Result<std::int64_t> insert_referral(storage::Connection& c, const Referral& r) {
  ATB_TRY_ASSIGN(
      rows, c.query("INSERT INTO referral (service_id, case_id, person_id, target_group, quantity, "
                    "note, state, version,"
                    " requested_on, requested_by, requested_at, decision_due_on, municipality_id, department_id)"
                    " SELECT ?, c.id, ?, ?, ?, ?, 'requested', 1, ?, ?, ?, ?, c.municipality_id, c.department_id"
                    " FROM case_file c WHERE c.id = ? RETURNING id",
                    params(r.service_id, r.person_id, r.target_group, r.quantity, r.note,
                           r.requested_on, r.requested_by.id, r.requested_at, r.decision_due_on, r.case_id)));
  if (rows.empty()) return Error::internal("insert_referral: no such case");
  return rows[0].integer(0);
}

Result<void> fill_referral_scopes(storage::Connection& c) {
  ATB_TRY(c.execute("UPDATE referral SET"
                    " municipality_id = (SELECT c.municipality_id FROM case_file c WHERE c.id = referral.case_id),"
                    " department_id = (SELECT c.department_id FROM case_file c WHERE c.id = referral.case_id)"
                    " WHERE municipality_id IS NULL"));
  return ok();
}

Result<std::optional<Referral>> load_referral(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kReferralSelect) + " WHERE r.id = ?", params(id)));
  if (rows.empty()) return std::optional<Referral>{};
  return std::optional(referral_from(rows[0]));
}

Result<std::vector<Referral>> case_referrals(storage::Connection& c, std::int64_t case_id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string(kReferralSelect) +
                                   " WHERE r.case_id = ? ORDER BY r.requested_at DESC, r.id DESC",
                               params(case_id)));
  std::vector<Referral> out;
  for (const storage::Row& r : rows) out.push_back(referral_from(r));
  return out;
}

Result<bool> decide_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                             const DecisionChange& d, std::int64_t by, const std::string& now) {
  ATB_TRY_ASSIGN(
      n,
      c.execute("UPDATE referral SET state = ?, decision = ?, decision_reason = ?, decided_by = ?,"
                " decided_at = ?, priority = ?, waiting_since = ?, version = version + 1"
                " WHERE id = ? AND version = ?",
                params(d.state, d.decision, d.reason, by, now, opt(d.priority), d.waiting_since, id,
                       expected_version)));
  return n == 1;
}

Result<bool> place_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                            const std::string& start_on,
                            const std::optional<std::string>& override_reason, std::int64_t by,
                            const std::string& now) {
  ATB_TRY_ASSIGN(
      n,
      c.execute(
          "UPDATE referral SET state = 'placed', start_on = ?, override_reason = ?, placed_by = ?,"
          " placed_at = ?, version = version + 1 WHERE id = ? AND version = ?",
          params(start_on, override_reason, by, now, id, expected_version)));
  return n == 1;
}

Result<bool> end_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                          const std::string& end_on, const std::string& reason, std::int64_t by,
                          const std::string& now) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE referral SET state = 'ended', end_on = ?, end_reason = ?, "
                              "ended_by = ?, ended_at = ?,"
                              " version = version + 1 WHERE id = ? AND version = ?",
                              params(end_on, reason, by, now, id, expected_version)));
  return n == 1;
}

Result<std::vector<Delivery>> list_deliveries(storage::Connection& c, std::int64_t referral_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT d.id, d.referral_id, d.delivered_on, d.quantity, "
                               "d.attended, d.note, d.recorded_by,"
                               " u.full_name, d.recorded_at FROM referral_delivery d JOIN app_user "
                               "u ON u.id = d.recorded_by"
                               " WHERE d.referral_id = ? ORDER BY d.delivered_on, d.id",
                               params(referral_id)));
  std::vector<Delivery> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0),
                   r.integer(1),
                   r.text(2),
                   static_cast<int>(r.integer(3)),
                   r.integer(4) != 0,
                   r.opt_text(5),
                   {r.integer(6), r.text(7)},
                   r.text(8)});
  }
  return out;
}

Result<std::int64_t> insert_delivery(storage::Connection& c, const Delivery& d) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("INSERT INTO referral_delivery (referral_id, delivered_on, quantity, attended, note,"
              " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
              params(d.referral_id, d.delivered_on, d.quantity, d.attended, d.note,
                     d.recorded_by.id, d.recorded_at)));
  return rows[0].integer(0);
}

Result<int> waiting_ahead(storage::Connection& c, std::int64_t service_id, int priority,
                          const std::string& waiting_since, std::int64_t id) {
  // Before it in the waiting list's order (priority 1 first, then the longest waiting, then the
  // lowest id: load_roster's ORDER BY): a lower priority, or the same and an earlier date, or both the
  // same and a lower id.
  ATB_TRY_ASSIGN(rows, c.query("SELECT COUNT(*) FROM referral WHERE service_id = ? AND state = 'waiting'"
                               " AND (priority < ? OR (priority = ? AND (waiting_since < ?"
                               " OR (waiting_since = ? AND id < ?))))",
                               params(service_id, priority, priority, waiting_since, waiting_since, id)));
  return static_cast<int>(rows[0].integer(0));
}

}  // namespace atb::services
