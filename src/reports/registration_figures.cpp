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
  // A child on day D: born on or before D, and D's YYYYMMDD minus the birth's is under 180000
  // (not yet 18 years: the usual whole-years rule, the same as core age_on).
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql =
      "SELECT y, code, kind, COUNT(*) FROM (SELECT substr(hr.first_registered_on, 1, 4) AS y, "
      "d.code AS code,"
      " CASE WHEN EXISTS (SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id"
      "   WHERE m.household_id = hr.household_id AND m.since <= hr.first_registered_on"
      "   AND (m.until IS NULL OR m.until > hr.first_registered_on) AND p.birth_date <= "
      "hr.first_registered_on"
      "   AND CAST(REPLACE(hr.first_registered_on, '-', '') AS BIGINT) - "
      "CAST(REPLACE(p.birth_date, '-', '') AS BIGINT) < 180000)"
      " THEN 'with_children' ELSE 'adults' END AS kind"
      " FROM household_registration hr JOIN department d ON d.id = hr.department_id"
      " WHERE hr.first_registered_on >= ? AND hr.first_registered_on <= ?";
  sql += scope_condition(q.scope, "d.municipality_id", "hr.department_id", params);
  sql += ") x GROUP BY y, code, kind ORDER BY y, code, kind";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows)
    f.rows.push_back({{r.text(0), r.text(1), r.text(2)}, r.integer(3), {}, false});
  return f;
}

}  // namespace atb::reports
