#include "registry/person_export.h"

#include "registry/personal_code.h"
#include "registry/rules.h"
#include "storage/id_list.h"

namespace atb::registry {
namespace {

/// The WHERE clause of the filter (after "WHERE "), its parameters appended to `ps`.
std::string where_of(const PersonExportFilter& f, storage::Params& ps) {
  std::string where = "p.merged_into_id IS NULL AND " + f.visible_sql;
  if (f.municipality_id) {
    where += " AND p.municipality_id = ?";
    ps.push_back(*f.municipality_id);
  }
  if (!f.department_ids.empty() || f.registered_from || f.registered_to) {
    where += " AND EXISTS (SELECT 1 FROM person_registration er WHERE er.person_id = p.id";
    if (!f.department_ids.empty()) {
      where += " AND er.department_id IN (" + storage::id_placeholders(f.department_ids, ps) + ")";
    }
    if (f.registered_from) {
      where += " AND er.first_registered_on >= ?";
      ps.push_back(*f.registered_from);
    }
    if (f.registered_to) {
      where += " AND er.first_registered_on <= ?";
      ps.push_back(*f.registered_to);
    }
    where += ")";
  }
  return where;
}

}  // namespace

std::vector<std::string> person_export_header(Lang lang) {
  if (lang == Lang::lv)
    return {"ID", "Vārdi", "Uzvārds", "Personas kods", "Dzimšanas datums", "Adrese",
            "Pirmoreiz reģistrēta", "Pašvaldība"};
  return {"ID", "Given names", "Surname", "Personal code", "Birth date", "Address",
          "First registered", "Municipality"};
}

Result<std::int64_t> count_export_persons(storage::Database& db, const PersonExportFilter& filter) {
  return db.read([&](storage::Connection& c) -> Result<std::int64_t> {
    storage::Params ps;
    const std::string where = where_of(filter, ps);
    ATB_TRY_ASSIGN(rows, c.query("SELECT COUNT(*) FROM person p WHERE " + where, ps));
    return rows[0].integer(0);
  });
}

Result<std::int64_t> for_each_export_person(
    storage::Database& db, const PersonExportFilter& filter,
    const std::function<Result<void>(const std::vector<std::string>& cells)>& row,
    std::size_t batch) {
  storage::Params filter_params;
  const std::string where = where_of(filter, filter_params);
  const std::string sql =
      "SELECT p.id, p.given_names, p.surname, p.personal_code, p.birth_date,"
      " a.street, a.house, a.flat, a.locality, a.postal_code,"
      " (SELECT MIN(fr.first_registered_on) FROM person_registration fr WHERE fr.person_id = p.id),"
      " m.code"
      " FROM person p LEFT JOIN address a ON a.id = p.declared_address_id"
      " JOIN municipality m ON m.id = p.municipality_id"
      " WHERE p.id > ? AND " + where + " ORDER BY p.id LIMIT " + std::to_string(batch);
  std::int64_t last = 0, count = 0;
  std::vector<std::string> cells(8);
  for (;;) {
    storage::Params ps{last};
    ps.insert(ps.end(), filter_params.begin(), filter_params.end());
    ATB_TRY_ASSIGN(rows, db.read([&](storage::Connection& c) { return c.query(sql, ps); }));
    for (const storage::Row& r : rows) {
      last = r.integer(0);
      cells[0] = std::to_string(last);
      cells[1] = r.text(1);
      cells[2] = r.text(2);
      const auto code = r.opt_text(3);
      cells[3] = code ? format_personal_code(*code) : "";
      cells[4] = r.text(4);
      const auto street = r.opt_text(5);
      cells[5] = street ? address_line(Address{"", r.text(8), *street, r.text(6), r.text(7), r.text(9)})
                        : "";
      cells[6] = r.opt_text(10).value_or("");
      cells[7] = r.text(11);
      ATB_TRY(row(cells));
      ++count;
    }
    if (rows.size() < batch) return count;
  }
}

}  // namespace atb::registry
