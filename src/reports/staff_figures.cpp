// Staff, caseloads and the staffing norm (figures.h).
#include <cmath>
#include <map>

#include "reports/figures.h"

namespace atb::reports {
namespace {

/// "EXISTS a role of `roles` for the user alias u" (roles are fixed words, not input).
std::string has_role(const char* roles) {
  return std::string(
             " AND EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.role IN (") +
         roles + "))";
}

}  // namespace

Result<Figure> staff(const FigureQuery& q) {
  Figure f{
      "staff", "staff", {"Darbinieki pa daļām", "Staff per department"}, {"department"}, "staff",
      {},      {}};
  storage::Params params;
  std::string sql =
      "SELECT d.code, COUNT(DISTINCT u.id) FROM app_user u JOIN user_team ut ON ut.user_id = u.id"
      " JOIN team t ON t.id = ut.team_id JOIN department d ON d.id = t.department_id WHERE "
      "u.disabled = 0" +
      has_role("'social_worker', 'supervisor', 'department_head', 'benefits_officer'");
  sql += scope_condition(q.scope, "d.municipality_id", "d.id", params);
  sql += " GROUP BY d.code ORDER BY d.code";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows) f.rows.push_back({{r.text(0)}, r.integer(1), {}, false});
  return f;
}

Result<Figure> caseload(const FigureQuery& q) {
  Figure f{"staff",
           "caseload",
           {"Aktīvā slodze uz vienu darbinieku", "Active caseload per worker"},
           {"department"},
           "workers",
           {"open_cases", "average_cases", "median_cases"},
           {}};
  storage::Params params;
  std::string sql =
      "SELECT code, n, COUNT(*) FROM (SELECT d.code AS code, o.worker AS worker, COUNT(*) AS n"
      " FROM (" +
      open_cases_on(q, q.period.to.iso(),
                    "c.department_id AS department_id, c.lead_worker_id AS worker", params) +
      ") o JOIN department d ON d.id = o.department_id GROUP BY d.code, o.worker) x"
      " GROUP BY code, n";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::map<std::int64_t, std::int64_t>>
      by_department;  // cases per worker → workers
  for (const storage::Row& r : rows) by_department[r.text(0)][r.integer(1)] += r.integer(2);
  for (const auto& [department, histogram] : by_department) {
    const Distribution d = summarise(histogram);
    std::int64_t cases = 0;
    for (const auto& [n, workers] : histogram) cases += n * workers;
    f.rows.push_back(
        {{department}, d.count, {static_cast<double>(cases), d.average, d.median}, false});
  }
  return f;
}

Result<Figure> staffing_norm(const FigureQuery& q) {
  Figure f{"staff",
           "staffing_norm",
           {"Sociālā darba speciālisti uz 1000 iedzīvotājiem",
            "Social work specialists per 1,000 inhabitants"},
           {},
           "specialists",
           {"inhabitants", "required", "per_1000_inhabitants"},
           {}};
  if (!q.scope.department_ids.empty()) return f;  // the norm is the municipality's
  storage::Params params;
  std::string where;
  if (q.scope.municipality_id) {
    where = " WHERE m.id = ?";
    params.push_back(*q.scope.municipality_id);
  }
  std::string sql =
      "SELECT (SELECT COUNT(*) FROM app_user u WHERE u.disabled = 0 AND u.municipality_id IN "
      "(SELECT m.id FROM municipality m" +
      where + ")" + has_role("'social_worker', 'supervisor'") +
      "), (SELECT SUM(m.inhabitants) FROM municipality m" + where + ")";
  if (q.scope.municipality_id) params.push_back(*q.scope.municipality_id);
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  const std::int64_t specialists = rows[0].integer(0);
  std::vector<std::optional<double>> measures{std::nullopt, std::nullopt, std::nullopt};
  if (auto inhabitants = rows[0].opt_integer(1); inhabitants && *inhabitants > 0) {
    measures = {
        static_cast<double>(*inhabitants), std::ceil(static_cast<double>(*inhabitants) / 1000.0),
        round1(1000.0 * static_cast<double>(specialists) / static_cast<double>(*inhabitants))};
  }
  f.rows.push_back({{}, specialists, measures, false});
  return f;
}

}  // namespace atb::reports
