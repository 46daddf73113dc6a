#include "reports/figure_query.h"

#include "storage/id_list.h"

namespace atb::reports {

std::string scope_condition(const StatisticsScope& scope, std::string_view municipality_column,
                            std::string_view department_column, storage::Params& params) {
  std::string sql;
  if (scope.municipality_id) {
    sql += " AND +" + std::string(municipality_column) + " = ?";
    params.emplace_back(*scope.municipality_id);  // (push_back of a temporary Value trips GCC 12
                                                  // -O3 maybe-uninitialized)
  }
  if (!scope.department_ids.empty()) {
    sql += " AND +" + std::string(department_column) + " IN (" +
           storage::id_placeholders(scope.department_ids, params) + ")";
  }
  return sql;
}

std::string open_cases_on(const FigureQuery& q, const std::string& day, std::string_view columns,
                          storage::Params& params) {
  const std::string select = "SELECT " + std::string(columns) + " FROM case_file c WHERE ";
  params.push_back(day);
  std::string sql = select + "c.closed_on IS NULL AND c.opened_on <= ?" +
                    scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  params.push_back(day);
  params.push_back(day);
  sql += " UNION ALL " + select + "c.closed_on > ? AND c.opened_on <= ?" +
         scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  return sql;
}

}  // namespace atb::reports
