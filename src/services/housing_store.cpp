#include "services/housing_store.h"

namespace atb::services {

using storage::params;

namespace {

// Stay columns over alias st with place hp, room hr, unit hu, referral r and person pe; the
// last column is the resident's name or NULL where `visible_sql` refuses it (20 columns).
std::string stay_select(const std::string& visible_sql) {
  return "SELECT st.id, hp.id, hr.id, hu.id, hu.service_id, hp.name, hr.name, hu.name,"
         " st.referral_id, r.case_id, st.person_id, st.move_in_on, st.move_out_on, "
         "st.move_out_reason,"
         " st.version, st.moved_in_by, st.moved_in_at, st.moved_out_by, st.moved_out_at,"
         " CASE WHEN " +
         visible_sql +
         " THEN pe.given_names || ' ' || pe.surname ELSE NULL END"
         " FROM housing_stay st JOIN housing_place hp ON hp.id = st.place_id"
         " JOIN housing_room hr ON hr.id = hp.room_id JOIN housing_unit hu ON hu.id = hr.unit_id"
         " JOIN referral r ON r.id = st.referral_id JOIN case_file c ON c.id = r.case_id"
         " JOIN person pe ON pe.id = st.person_id";
}

Stay stay_from(const storage::Row& r) {
  Stay s;
  s.id = r.integer(0);
  s.where = {r.integer(1), r.integer(2), r.integer(3), r.integer(4),
             r.text(5),    r.text(6),    r.text(7)};
  s.referral_id = r.integer(8);
  s.case_id = r.integer(9);
  s.person_id = r.integer(10);
  s.move_in_on = r.text(11);
  s.move_out_on = r.opt_text(12);
  s.move_out_reason = r.opt_text(13);
  s.version = r.integer(14);
  s.moved_in_by = r.integer(15);
  s.moved_in_at = r.text(16);
  s.moved_out_by = r.opt_integer(17);
  s.moved_out_at = r.opt_text(18);
  s.visible = !r.is_null(19);
  s.person_name = s.visible ? r.text(19) : "";
  return s;
}

Result<std::vector<StaySpan>> spans(storage::Connection& c, const char* column, std::int64_t id,
                                    const Date& from) {
  ATB_TRY_ASSIGN(
      rows, c.query(std::string("SELECT id, move_in_on, move_out_on FROM housing_stay WHERE ") +
                        column + " = ? AND (move_out_on IS NULL OR move_out_on > ?)",
                    params(id, from.iso())));
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

Result<bool> taken(storage::Connection& c, const char* table, const char* parent, std::int64_t id,
                   const std::string& name) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT 1 FROM ") + table + " WHERE " + parent +
                                   " = ? AND name = ?",
                               params(id, name)));
  return !rows.empty();
}

}  // namespace

Result<std::vector<HousingUnit>> list_units(storage::Connection& c, std::int64_t service_id) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("SELECT hu.id, hu.name, hu.address, hu.created_at, hr.id, hr.name, hp.id, hp.name,"
              " hu.version, hr.version, hp.version, hp.out_of_use_since, hp.out_of_use_reason,"
              " hp.out_of_use_by, ou.full_name"
              " FROM housing_unit hu LEFT JOIN housing_room hr ON hr.unit_id = hu.id"
              " LEFT JOIN housing_place hp ON hp.room_id = hr.id"
              " LEFT JOIN app_user ou ON ou.id = hp.out_of_use_by WHERE hu.service_id = ?"
              " ORDER BY hu.name, hu.id, hr.name, hr.id, hp.name, hp.id",
              params(service_id)));
  std::vector<HousingUnit> out;
  for (const storage::Row& r : rows) {
    if (out.empty() || out.back().id != r.integer(0)) {
      out.push_back({r.integer(0), service_id, r.text(1), r.opt_text(2), r.text(3), {}, r.integer(8)});
    }
    HousingUnit& u = out.back();
    if (r.is_null(4)) continue;
    if (u.rooms.empty() || u.rooms.back().id != r.integer(4))
      u.rooms.push_back({r.integer(4), u.id, r.text(5), {}, r.integer(9)});
    if (r.is_null(6)) continue;
    HousingPlace place{r.integer(6), r.integer(4), r.text(7), r.integer(10), std::nullopt};
    if (!r.is_null(11)) {
      place.out_of_use =
          OutOfUse{r.text(11), r.text(12), r.integer(13), r.opt_text(14).value_or("")};
    }
    u.rooms.back().places.push_back(std::move(place));
  }
  return out;
}

Result<std::optional<HousingUnit>> load_unit(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("SELECT id, service_id, name, address, created_at, version FROM housing_unit"
              " WHERE id = ?",
              params(id)));
  if (rows.empty()) return std::optional<HousingUnit>{};
  const storage::Row& r = rows[0];
  return std::optional(
      HousingUnit{r.integer(0), r.integer(1), r.text(2), r.opt_text(3), r.text(4), {}, r.integer(5)});
}

Result<std::optional<std::pair<HousingRoom, std::int64_t>>> load_room(storage::Connection& c,
                                                                      std::int64_t id) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT hr.id, hr.unit_id, hr.name, hu.service_id, hr.version"
                         " FROM housing_room hr"
                         " JOIN housing_unit hu ON hu.id = hr.unit_id WHERE hr.id = ?",
                         params(id)));
  if (rows.empty()) return std::optional<std::pair<HousingRoom, std::int64_t>>{};
  const storage::Row& r = rows[0];
  return std::optional(
      std::pair{HousingRoom{r.integer(0), r.integer(1), r.text(2), {}, r.integer(4)}, r.integer(3)});
}

Result<std::optional<PlaceWhere>> load_place(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT hp.id, hr.id, hu.id, hu.service_id, hp.name, hr.name, hu.name,"
                         " hp.version, hp.out_of_use_since"
                         " FROM housing_place hp JOIN housing_room hr ON hr.id = hp.room_id"
                         " JOIN housing_unit hu ON hu.id = hr.unit_id WHERE hp.id = ?",
                         params(id)));
  if (rows.empty()) return std::optional<PlaceWhere>{};
  const storage::Row& r = rows[0];
  return std::optional(PlaceWhere{r.integer(0), r.integer(1), r.integer(2), r.integer(3), r.text(4),
                                  r.text(5), r.text(6), r.integer(7), !r.is_null(8)});
}

Result<bool> unit_name_taken(storage::Connection& c, std::int64_t service_id,
                             const std::string& name) {
  return taken(c, "housing_unit", "service_id", service_id, name);
}
Result<bool> room_name_taken(storage::Connection& c, std::int64_t unit_id,
                             const std::string& name) {
  return taken(c, "housing_room", "unit_id", unit_id, name);
}
Result<bool> place_name_taken(storage::Connection& c, std::int64_t room_id,
                              const std::string& name) {
  return taken(c, "housing_place", "room_id", room_id, name);
}

Result<std::int64_t> insert_unit(storage::Connection& c, const HousingUnit& u,
                                 const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO housing_unit (service_id, name, address, created_at)"
                               " VALUES (?, ?, ?, ?) RETURNING id",
                               params(u.service_id, u.name, u.address, now)));
  return rows[0].integer(0);
}

Result<std::int64_t> insert_room(storage::Connection& c, std::int64_t unit_id,
                                 const std::string& name, const std::string& now) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("INSERT INTO housing_room (unit_id, name, created_at) VALUES (?, ?, ?) RETURNING id",
              params(unit_id, name, now)));
  return rows[0].integer(0);
}

Result<std::int64_t> insert_place(storage::Connection& c, std::int64_t room_id,
                                  const std::string& name, const std::string& now) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO housing_place (room_id, name, version, created_at)"
                               " VALUES (?, ?, 1, ?) RETURNING id",
                               params(room_id, name, now)));
  return rows[0].integer(0);
}

namespace {

// The places under a unit, room or place: a condition over housing_place with one `?`.
const char* places_under(HousingLevel level) {
  switch (level) {
    case HousingLevel::unit:
      return "room_id IN (SELECT id FROM housing_room WHERE unit_id = ?)";
    case HousingLevel::room:
      return "room_id = ?";
    case HousingLevel::place:
      break;
  }
  return "id = ?";
}

}  // namespace

Result<bool> update_unit(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& name, const std::optional<std::string>& address) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE housing_unit SET name = ?, address = ?, version = version + 1"
                              " WHERE id = ? AND version = ?",
                              params(name, address, id, expected_version)));
  return n == 1;
}

Result<bool> rename_room(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& name) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE housing_room SET name = ?, version = version + 1"
                              " WHERE id = ? AND version = ?",
                              params(name, id, expected_version)));
  return n == 1;
}

Result<void> lock_places_under(storage::Connection& c, HousingLevel level, std::int64_t id) {
  ATB_TRY(c.execute(std::string("UPDATE housing_place SET version = version WHERE ") +
                        places_under(level),
                    params(id)));
  return ok();
}

Result<std::int64_t> stays_under(storage::Connection& c, HousingLevel level, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT COUNT(*) FROM housing_stay WHERE place_id IN"
                                           " (SELECT id FROM housing_place WHERE ") +
                                   places_under(level) + ")",
                               params(id)));
  return rows[0].integer(0);
}

Result<bool> delete_housing(storage::Connection& c, HousingLevel level, std::int64_t id,
                            std::int64_t expected_version) {
  if (level == HousingLevel::place) {
    ATB_TRY_ASSIGN(n, c.execute("DELETE FROM housing_place WHERE id = ? AND version = ?",
                                params(id, expected_version)));
    return n == 1;
  }
  ATB_TRY(c.execute(std::string("DELETE FROM housing_place WHERE ") + places_under(level),
                    params(id)));
  if (level == HousingLevel::unit) {
    ATB_TRY(c.execute("DELETE FROM housing_room WHERE unit_id = ?", params(id)));
    ATB_TRY_ASSIGN(n, c.execute("DELETE FROM housing_unit WHERE id = ? AND version = ?",
                                params(id, expected_version)));
    return n == 1;
  }
  ATB_TRY_ASSIGN(n, c.execute("DELETE FROM housing_room WHERE id = ? AND version = ?",
                              params(id, expected_version)));
  return n == 1;
}

Result<bool> set_place_use(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                           const std::optional<OutOfUse>& out) {
  const std::optional<std::string> since = out ? std::optional(out->since) : std::nullopt;
  const std::optional<std::string> reason = out ? std::optional(out->reason) : std::nullopt;
  const std::optional<std::int64_t> by = out ? std::optional(out->by) : std::nullopt;
  ATB_TRY_ASSIGN(n, c.execute("UPDATE housing_place SET out_of_use_since = ?,"
                              " out_of_use_reason = ?, out_of_use_by = ?, version = version + 1"
                              " WHERE id = ? AND version = ?",
                              params(since, reason, by, id, expected_version)));
  return n == 1;
}

Result<void> lock_stay_rows(storage::Connection& c, std::int64_t place_id, std::int64_t person_id) {
  ATB_TRY(c.execute("UPDATE housing_place SET version = version WHERE id = ?", params(place_id)));
  ATB_TRY(c.execute("UPDATE person SET version = version WHERE id = ?", params(person_id)));
  return ok();
}

Result<std::vector<StaySpan>> place_spans(storage::Connection& c, std::int64_t place_id,
                                          const Date& from) {
  return spans(c, "place_id", place_id, from);
}

Result<std::vector<StaySpan>> person_spans(storage::Connection& c, std::int64_t person_id,
                                           const Date& from) {
  return spans(c, "person_id", person_id, from);
}

Result<std::int64_t> insert_stay(storage::Connection& c, const Stay& s) {
  ATB_TRY_ASSIGN(
      rows,
      c.query("INSERT INTO housing_stay (place_id, referral_id, person_id, move_in_on, version,"
              " moved_in_by, moved_in_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
              params(s.where.place_id, s.referral_id, s.person_id, s.move_in_on, s.moved_in_by,
                     s.moved_in_at)));
  return rows[0].integer(0);
}

Result<std::optional<Stay>> load_stay(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(stay_select("1=1") + " WHERE st.id = ?", params(id)));
  if (rows.empty()) return std::optional<Stay>{};
  return std::optional(stay_from(rows[0]));
}

Result<bool> move_out_stay(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                           const std::string& on, const std::string& reason, std::int64_t by,
                           const std::string& now) {
  ATB_TRY_ASSIGN(
      n, c.execute("UPDATE housing_stay SET move_out_on = ?, move_out_reason = ?, moved_out_by = ?,"
                   " moved_out_at = ?, version = version + 1"
                   " WHERE id = ? AND version = ? AND move_out_on IS NULL",
                   params(on, reason, by, now, id, expected_version)));
  return n == 1;
}

Result<std::vector<std::int64_t>> move_out_referral_stays(storage::Connection& c,
                                                          std::int64_t referral_id,
                                                          const std::string& on,
                                                          const std::string& reason, std::int64_t by,
                                                          const std::string& now) {
  ATB_TRY_ASSIGN(open, c.query("SELECT id FROM housing_stay WHERE referral_id = ? AND move_out_on IS NULL"
                               " ORDER BY id",
                               params(referral_id)));
  std::vector<std::int64_t> ids;
  for (const storage::Row& r : open) ids.push_back(r.integer(0));
  if (ids.empty()) return ids;
  ATB_TRY(c.execute("UPDATE housing_stay SET move_out_on = CASE WHEN move_in_on > ? THEN move_in_on ELSE ? END,"
                    " move_out_reason = ?, moved_out_by = ?, moved_out_at = ?, version = version + 1"
                    " WHERE referral_id = ? AND move_out_on IS NULL",
                    params(on, on, reason, by, now, referral_id)));
  return ids;
}

Result<std::vector<Stay>> unit_stays(storage::Connection& c, std::int64_t unit_id,
                                     const std::optional<Date>& on,
                                     const std::string& visible_sql) {
  std::string sql = stay_select(visible_sql) + " WHERE hu.id = ?";
  storage::Params ps = params(unit_id);
  if (on) {
    sql += " AND st.move_in_on <= ? AND (st.move_out_on IS NULL OR st.move_out_on > ?)";
    ps = params(unit_id, on->iso(), on->iso());
  }
  ATB_TRY_ASSIGN(
      rows, c.query(sql + " ORDER BY hr.name, hp.name, hp.id, st.move_in_on DESC, st.id DESC", ps));
  std::vector<Stay> out;
  for (const storage::Row& r : rows) out.push_back(stay_from(r));
  return out;
}

Result<std::vector<UnitOccupancy>> unit_occupancy(storage::Connection& c, std::int64_t service_id,
                                                  const Date& on) {
  ATB_TRY_ASSIGN(rows,
                 c.query("SELECT hu.id, hu.name, COUNT(hp.id), COUNT(st.id),"
                         " COUNT(CASE WHEN st.id IS NULL AND hp.out_of_use_since <= ? THEN 1 END)"
                         " FROM housing_unit hu"
                         " LEFT JOIN housing_room hr ON hr.unit_id = hu.id"
                         " LEFT JOIN housing_place hp ON hp.room_id = hr.id"
                         " LEFT JOIN housing_stay st ON st.place_id = hp.id AND st.move_in_on <= ?"
                         " AND (st.move_out_on IS NULL OR st.move_out_on > ?)"
                         " WHERE hu.service_id = ? GROUP BY hu.id, hu.name ORDER BY hu.name, hu.id",
                         params(on.iso(), on.iso(), on.iso(), service_id)));
  std::vector<UnitOccupancy> out;
  for (const storage::Row& r : rows) {
    out.push_back({r.integer(0), r.text(1), static_cast<int>(r.integer(2)),
                   static_cast<int>(r.integer(3)), static_cast<int>(r.integer(4))});
  }
  return out;
}

}  // namespace atb::services
