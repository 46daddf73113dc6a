#include "org/store.h"

#include "core/time.h"

namespace atb::org {

using storage::params;

Result<std::optional<Municipality>> load_municipality(storage::Connection& c) {
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT m.id, m.code, m.name, m.inhabitants, d.id, d.code, d.name_lv, d.name_en,"
      " t.id, t.code, t.name_lv, t.name_en"
      " FROM municipality m"
      " LEFT JOIN department d ON d.municipality_id = m.id"
      " LEFT JOIN team t ON t.department_id = d.id"
      " WHERE m.id = (SELECT MIN(id) FROM municipality)"
      " ORDER BY d.id, t.id"));
  if (rows.empty()) return std::optional<Municipality>{};
  Municipality m;
  m.id = rows[0].integer(0);
  m.code = rows[0].text(1);
  m.name = rows[0].text(2);
  m.inhabitants = rows[0].opt_integer(3);
  for (const storage::Row& r : rows) {
    if (r.is_null(4)) continue;
    if (m.departments.empty() || m.departments.back().id != r.integer(4)) {
      m.departments.push_back(Department{r.integer(4), r.text(5), {r.text(6), r.text(7)}, {}});
    }
    if (!r.is_null(8)) {
      m.departments.back().teams.push_back(Team{r.integer(8), r.text(9), {r.text(10), r.text(11)}});
    }
  }
  return std::optional<Municipality>(std::move(m));
}

Result<std::vector<Team>> load_teams(storage::Connection& c, const std::vector<std::int64_t>& ids) {
  std::vector<Team> out;
  for (std::int64_t id : ids) {
    ATB_TRY_ASSIGN(rows, c.query("SELECT id, code, name_lv, name_en FROM team WHERE id = ?", params(id)));
    if (!rows.empty()) out.push_back(Team{rows[0].integer(0), rows[0].text(1), {rows[0].text(2), rows[0].text(3)}});
  }
  return out;
}

Result<std::optional<std::int64_t>> department_municipality(storage::Connection& c,
                                                           std::int64_t department_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT municipality_id FROM department WHERE id = ?", params(department_id)));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>(rows[0].integer(0));
}

Result<std::optional<std::pair<std::int64_t, std::int64_t>>> team_owner(storage::Connection& c,
                                                                       std::int64_t team_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT d.municipality_id, d.id FROM team t"
                               " JOIN department d ON d.id = t.department_id WHERE t.id = ?",
                               params(team_id)));
  if (rows.empty()) return std::optional<std::pair<std::int64_t, std::int64_t>>{};
  return std::optional(std::pair{rows[0].integer(0), rows[0].integer(1)});
}

Result<void> rename_team(storage::Connection& c, std::int64_t team_id, const Text& name) {
  ATB_TRY(c.execute("UPDATE team SET name_lv = ?, name_en = ? WHERE id = ?", params(name.lv, name.en, team_id)));
  return ok();
}

Result<Ensured> ensure_municipality(storage::Connection& c, std::string_view code,
                                    std::string_view name, std::optional<std::int64_t> inhabitants) {
  ATB_TRY_ASSIGN(found, c.query("SELECT id FROM municipality WHERE code = ?", params(code)));
  if (!found.empty()) return Ensured{found[0].integer(0), false};
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO municipality (code, name, inhabitants, created_at)"
                               " VALUES (?, ?, ?, ?) RETURNING id",
                               params(code, name, inhabitants, now_utc_iso())));
  return Ensured{rows[0].integer(0), true};
}

Result<Ensured> ensure_department(storage::Connection& c, std::int64_t municipality_id,
                                  std::string_view code, const Text& name) {
  ATB_TRY_ASSIGN(found, c.query("SELECT id FROM department WHERE municipality_id = ? AND code = ?",
                                params(municipality_id, code)));
  if (!found.empty()) return Ensured{found[0].integer(0), false};
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en)"
                               " VALUES (?, ?, ?, ?) RETURNING id",
                               params(municipality_id, code, name.lv, name.en)));
  return Ensured{rows[0].integer(0), true};
}

Result<Ensured> ensure_team(storage::Connection& c, std::int64_t department_id,
                            std::string_view code, const Text& name) {
  ATB_TRY_ASSIGN(found, c.query("SELECT id FROM team WHERE department_id = ? AND code = ?",
                                params(department_id, code)));
  if (!found.empty()) return Ensured{found[0].integer(0), false};
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO team (department_id, code, name_lv, name_en)"
                               " VALUES (?, ?, ?, ?) RETURNING id",
                               params(department_id, code, name.lv, name.en)));
  return Ensured{rows[0].integer(0), true};
}

}  // namespace atb::org
