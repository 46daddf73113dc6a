// Social assistance: needy and low-income households, decisions and payments (figures.h).
#include <map>

#include "reports/figures.h"

namespace atb::reports {
namespace {

constexpr const char* kDecisionJoins =
    " FROM assistance_decision d JOIN assistance_application a ON a.id = d.application_id";

std::string in_scope(const FigureQuery& q, storage::Params& params) {
  return scope_condition(q.scope, "a.municipality_id", "a.department_id", params);
}

}  // namespace

Result<Figure> assistance_status(const FigureQuery& q) {
  Figure f{"assistance",
           "household_status",
           {"Trūcīgās un maznodrošinātās mājsaimniecības", "Needy and low-income households"},
           {"status"},
           "households",
           {},
           {}};
  storage::Params params{q.period.to.iso(), q.period.from.iso()};
  std::string sql =
      std::string("SELECT a.kind, COUNT(DISTINCT a.household_id)") + kDecisionJoins +
      " WHERE a.kind IN ('needy_status', 'low_income_status') AND d.outcome = 'granted'"
      " AND d.period_from <= ? AND d.period_to >= ?" +
      in_scope(q, params) + " GROUP BY a.kind";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::int64_t> counts;
  for (const storage::Row& r : rows) counts[r.text(0)] = r.integer(1);
  f.rows.push_back({{"needy"}, counts["needy_status"], {}, false});
  f.rows.push_back({{"low_income"}, counts["low_income_status"], {}, false});
  return f;
}

Result<Figure> benefit_decisions(const FigureQuery& q) {
  Figure f{"assistance",
           "benefit_decisions",
           {"Lēmumi par pabalstiem un statusu", "Decisions on benefits and status"},
           {"kind", "outcome"},
           "decisions",
           {},
           {}};
  storage::Params params{q.period.from_instant(), q.period.end_instant()};
  std::string sql = std::string("SELECT a.kind, d.outcome, COUNT(*)") + kDecisionJoins +
                    " WHERE d.decided_at >= ? AND d.decided_at < ?" + in_scope(q, params) +
                    " GROUP BY a.kind, d.outcome ORDER BY a.kind, d.outcome";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows)
    f.rows.push_back({{r.text(0), r.text(1)}, r.integer(2), {}, false});
  return f;
}

Result<Figure> benefit_payments(const FigureQuery& q) {
  Figure f{"assistance",
           "benefit_payments",
           {"Pabalstu izmaksas perioda mēnešos", "Benefit payments of the period's months"},
           {"kind", "status"},
           "households",
           {"payments", "amount_eur"},
           {}};
  storage::Params params{q.period.from_month(), q.period.to_month()};
  std::string sql =
      std::string(
          "SELECT a.kind, p.status, COUNT(DISTINCT a.household_id), COUNT(*), SUM(p.amount)") +
      " FROM assistance_payment p JOIN assistance_decision d ON d.id = p.decision_id"
      " JOIN assistance_application a ON a.id = d.application_id"
      " WHERE p.status IN ('planned', 'paid') AND p.month >= ? AND p.month <= ?" +
      in_scope(q, params) + " GROUP BY a.kind, p.status ORDER BY a.kind, p.status";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows) {
    f.rows.push_back(
        {{r.text(0), r.text(1)},
         r.integer(2),
         {static_cast<double>(r.integer(3)), static_cast<double>(r.integer(4)) / 100.0},
         false});
  }
  return f;
}

}  // namespace atb::reports
