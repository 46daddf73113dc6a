// Cases: flow, duration and the risk levels of their assessments (figures.h).
#include <map>

#include "reports/figures.h"
#include "storage/sql_dates.h"

namespace atb::reports {

Result<Figure> case_flow(const FigureQuery& q) {
  Figure f{"cases", "case_flow", {"Gadījumi", "Cases"}, {"department", "measure"}, "cases", {}, {}};
  const std::string from = q.period.from.iso(), to = q.period.to.iso();
  // Each measure from its own index range (migration 0024), not one pass over every case ever
  // opened; the last branch keeps a department whose cases all fall outside the three (zeros).
  storage::Params params;
  std::string sql =
      "SELECT d.code, SUM(x.open_at_end), SUM(x.opened), SUM(x.closed) FROM (" +
      open_cases_on(q, to,
                    "c.department_id AS department_id, 1 AS open_at_end, 0 AS opened, 0 AS closed",
                    params);
  sql +=
      " UNION ALL SELECT c.department_id, 0, 1, 0 FROM case_file c"
      " WHERE c.opened_on >= ? AND c.opened_on <= ?";
  params.push_back(from);
  params.push_back(to);
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  sql +=
      " UNION ALL SELECT c.department_id, 0, 0, 1 FROM case_file c"
      " WHERE c.closed_on >= ? AND c.closed_on <= ? AND c.opened_on <= ?";
  params.push_back(from);
  params.push_back(to);
  params.push_back(to);
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  sql +=
      " UNION ALL SELECT e.id, 0, 0, 0 FROM department e WHERE EXISTS (SELECT 1 FROM case_file c"
      " WHERE c.department_id = e.id AND c.opened_on <= ?";
  params.push_back(to);
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  sql += ")) x JOIN department d ON d.id = x.department_id GROUP BY d.code ORDER BY d.code";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows) {
    const char* measures[] = {"open_at_end", "opened", "closed"};
    for (int i = 0; i < 3; ++i)
      f.rows.push_back({{r.text(0), measures[i]}, r.integer(1 + i), {}, false});
  }
  return f;
}

Result<Figure> case_duration(const FigureQuery& q) {
  Figure f{"cases",
           "case_duration",
           {"Slēgto gadījumu ilgums", "Duration of closed cases"},
           {"department"},
           "closed_cases",
           {"average_days", "median_days"},
           {}};
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql =
      "SELECT d.code, " + storage::days_between_sql(q.c.engine(), "c.opened_on", "c.closed_on") +
      " AS days, COUNT(*) FROM case_file c JOIN department d ON d.id = c.department_id"
      " WHERE c.closed_on >= ? AND c.closed_on <= ?";
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  sql += " GROUP BY d.code, days";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::map<std::int64_t, std::int64_t>> by_department;
  std::map<std::int64_t, std::int64_t> all;
  for (const storage::Row& r : rows) {
    by_department[r.text(0)][r.integer(1)] += r.integer(2);
    all[r.integer(1)] += r.integer(2);
  }
  by_department[kTotalKey] = all;  // the total of the scope
  for (const auto& [department, histogram] : by_department) {
    const Distribution d = summarise(histogram);
    f.rows.push_back({{department}, d.count, {d.average, d.median}, false});
  }
  return f;
}

Result<Figure> risk_levels(const FigureQuery& q) {
  Figure f{"assessments",
           "risk_levels",
           {"Izvērtējumu riska līmeņi", "Risk levels of assessments"},
           {"level"},
           "assessments",
           {},
           {}};
  storage::Params params{q.period.from_instant(), q.period.end_instant()};
  std::string sql =
      "SELECT a.overall_level, COUNT(*) FROM case_assessment a JOIN case_file c ON c.id = a.case_id"
      " WHERE a.status = 'completed' AND a.completed_at >= ? AND a.completed_at < ?";
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  sql += " GROUP BY a.overall_level";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::int64_t> counts;
  for (const storage::Row& r : rows) counts[r.text(0)] = r.integer(1);
  for (const char* level : {"low", "medium", "high", "very_high"})
    f.rows.push_back({{level}, counts[level], {}, false});
  return f;
}

}  // namespace atb::reports
