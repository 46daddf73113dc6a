// First-time registrations of families (figures.h).
#include "reports/figures.h"

namespace atb::reports {

Result<Figure> first_registrations(const FigureQuery& q) {
  Figure f{"registrations",
           "first_registrations",
           {"Pirmreizēji reģistrētās ģimenes", "Families registered for the first time"},
           {"year", "department", "family_kind"},
           "households",
           {},
           {}};
  // The family kind is recorded on the registration (registry/family_kind.h).
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql =
      "SELECT substr(hr.first_registered_on, 1, 4) AS y, d.code, hr.family_kind, COUNT(*)"
      " FROM household_registration hr JOIN department d ON d.id = hr.department_id"
      " WHERE hr.first_registered_on >= ? AND hr.first_registered_on <= ?";
  sql += scope_condition(q.scope, "d.municipality_id", "hr.department_id", params);
  sql += " GROUP BY y, d.code, hr.family_kind ORDER BY y, d.code, hr.family_kind";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows)
    f.rows.push_back({{r.text(0), r.text(1), r.text(2)}, r.integer(3), {}, false});
  return f;
}

}  // namespace atb::reports
