#include "reports/statistics.h"

#include "reports/figures.h"
#include "storage/snapshot.h"

namespace atb::reports {

Result<OrgFacts> load_org_facts(storage::Connection& c) {
  OrgFacts org;
  ATB_TRY_ASSIGN(municipalities, c.query("SELECT id FROM municipality"));
  for (const storage::Row& r : municipalities) org.municipalities.insert(r.integer(0));
  ATB_TRY_ASSIGN(departments, c.query("SELECT id, municipality_id FROM department"));
  for (const storage::Row& r : departments) org.department_owner[r.integer(0)] = r.integer(1);
  return org;
}

Result<Statistics> compute_statistics(storage::Connection& c, const Period& period,
                                      const StatisticsScope& scope,
                                      const SuppressionRules& suppression) {
  using Compute = Result<Figure> (*)(const FigureQuery&);
  static constexpr Compute kFigures[] = {
      first_registrations, case_flow,     case_duration,     risk_levels,
      problem_categories,  problem_pairs, rapid_response,    referrals,
      waiting_times,       occupancy,     assistance_status, benefit_decisions,
      benefit_payments,    staff,         caseload,          staffing_norm};
  Statistics s{period, scope, scope.national, scope.national ? suppression.min_count : 0, {}};
  const FigureQuery q{c, period, scope};
  // One snapshot, so the figures add up.
  ATB_TRY(storage::in_snapshot(c, [&]() -> Result<void> {
    for (Compute compute : kFigures) {
      ATB_TRY_ASSIGN(figure, compute(q));
      if (scope.national) suppress_small_cells(figure, suppression);
      s.figures.push_back(std::move(figure));
    }
    return ok();
  }));
  return s;
}

}  // namespace atb::reports
