// Each measure's SQL. Where a statistics figure (figures.h) already counts exactly the measure,
// the measure reads that figure rather than repeating its SQL.
#include "reports/statutory_measures.h"

#include "reports/figures.h"

namespace atb::reports::statutory {
namespace {

using Compute = Result<MeasureValues> (*)(const FigureQuery&);

constexpr const char* kApplicationJoins =
    " FROM assistance_decision d JOIN assistance_application a ON a.id = d.application_id";
constexpr const char* kPaymentJoins =
    " FROM assistance_payment p JOIN assistance_decision d ON d.id = p.decision_id"
    " JOIN assistance_application a ON a.id = d.application_id";
/// The benefit parameter of a paid benefit: GMI, housing, or any of the municipality's own.
constexpr const char* kBenefitKey =
    "CASE WHEN a.kind IN ('gmi', 'housing') THEN a.kind ELSE 'municipal' END";

/// Rows of (key…, number) as values; `keys` leading text columns.
MeasureValues values_of(const storage::Rows& rows, std::size_t keys, double scale = 1.0) {
  MeasureValues out;
  for (const storage::Row& r : rows) {
    std::vector<std::string> key;
    for (std::size_t i = 0; i < keys; ++i) key.push_back(r.text(i));
    out[key] += static_cast<double>(r.opt_integer(keys).value_or(0)) / scale;
  }
  return out;
}

std::string assistance_scope(const FigureQuery& q, storage::Params& params) {
  return scope_condition(q.scope, "a.municipality_id", "a.department_id", params);
}

/// Households or persons with a granted status decision whose period overlaps the report's.
Result<MeasureValues> with_status(const FigureQuery& q, const char* counted, const char* join) {
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  const std::string sql =
      std::string(
          "SELECT CASE a.kind WHEN 'needy_status' THEN 'needy' ELSE 'low_income' END, "
          "COUNT(DISTINCT ") +
      counted + ")" + kApplicationJoins + join +
      " WHERE a.kind IN ('needy_status', 'low_income_status') AND d.outcome = 'granted'"
      " AND d.period_to >= ? AND d.period_from <= ?";
  ATB_TRY_ASSIGN(rows, q.c.query(sql + assistance_scope(q, params) + " GROUP BY a.kind", params));
  return values_of(rows, 1);
}

Result<MeasureValues> households_with_status(const FigureQuery& q) {
  ATB_TRY_ASSIGN(f, assistance_status(q));  // the statistics figure counts exactly this
  MeasureValues out;
  for (const FigureRow& r : f.rows) out[r.keys] = static_cast<double>(r.count);
  return out;
}

Result<MeasureValues> persons_with_status(const FigureQuery& q) {
  return with_status(q, "m.person_id", " JOIN assistance_member m ON m.application_id = a.id");
}

/// An aggregate over the benefit payments (planned or paid, not stopped or superseded) of the
/// period's months, by benefit.
Result<MeasureValues> over_payments(const FigureQuery& q, const char* aggregate, const char* join,
                                    double scale = 1.0) {
  storage::Params params{q.period.from_month(), q.period.to_month()};
  const std::string sql = std::string("SELECT ") + kBenefitKey + ", " + aggregate + kPaymentJoins +
                          join +
                          " WHERE p.status IN ('planned', 'paid') AND p.month >= ? AND p.month <= ?"
                          " AND a.kind NOT IN ('needy_status', 'low_income_status')";
  ATB_TRY_ASSIGN(rows, q.c.query(sql + assistance_scope(q, params) + " GROUP BY 1", params));
  return values_of(rows, 1, scale);
}

Result<MeasureValues> benefit_recipients(const FigureQuery& q) {
  return over_payments(q, "COUNT(DISTINCT a.household_id)", "");
}
Result<MeasureValues> benefit_persons(const FigureQuery& q) {
  return over_payments(q, "COUNT(DISTINCT m.person_id)",
                       " JOIN assistance_member m ON m.application_id = a.id");
}
Result<MeasureValues> benefit_paid_eur(const FigureQuery& q) {
  return over_payments(q, "SUM(p.amount)", "", 100.0);
}

Result<MeasureValues> decisions(const FigureQuery& q) {
  ATB_TRY_ASSIGN(f, benefit_decisions(q));  // (kind, outcome) → decisions
  MeasureValues out;
  for (const FigureRow& r : f.rows) {
    const std::string& kind = r.keys[0];
    const bool builtin =
        kind == "needy_status" || kind == "low_income_status" || kind == "gmi" || kind == "housing";
    out[{builtin ? kind : "municipal", r.keys[1]}] += static_cast<double>(r.count);
  }
  return out;
}

/// One count of the cases in scope whose `column` is in the period.
Result<MeasureValues> cases_dated(const FigureQuery& q, const char* column) {
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql = std::string("SELECT COUNT(*) FROM case_file c WHERE c.") + column +
                    " >= ? AND c." + column + " <= ?";
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  return values_of(rows, 0);
}

Result<MeasureValues> cases_opened(const FigureQuery& q) {
  return cases_dated(q, "opened_on");
}
Result<MeasureValues> cases_closed(const FigureQuery& q) {
  return cases_dated(q, "closed_on");
}

Result<MeasureValues> cases_open_at_end(const FigureQuery& q) {
  storage::Params params;
  const std::string sql =
      "SELECT COUNT(*) FROM (" + open_cases_on(q, q.period.to.iso(), "c.id", params) + ") x";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  return values_of(rows, 0);
}

Result<MeasureValues> intakes_received(const FigureQuery& q) {
  storage::Params params{q.period.from_instant(), q.period.end_instant()};
  std::string sql =
      "SELECT i.urgency, COUNT(*) FROM intake i WHERE i.received_at >= ? AND i.received_at < ?";
  sql += scope_condition(q.scope, "i.municipality_id", "i.department_id", params);
  ATB_TRY_ASSIGN(rows, q.c.query(sql + " GROUP BY i.urgency", params));
  return values_of(rows, 1);
}

Result<MeasureValues> service_clients(const FigureQuery& q) {
  // Placed in the period: started by its last day and not ended before its first (the end day
  // is free, as for occupancy).
  storage::Params params{q.period.to.iso(), q.period.from.iso()};
  std::string sql =
      "SELECT s.kind, COUNT(DISTINCT r.person_id) FROM referral r JOIN service s ON s.id = "
      "r.service_id"
      " JOIN case_file c ON c.id = r.case_id"
      " WHERE r.start_on IS NOT NULL AND r.start_on <= ? AND (r.end_on IS NULL OR r.end_on > ?)";
  sql += scope_condition(q.scope, "c.municipality_id", "c.department_id", params);
  ATB_TRY_ASSIGN(rows, q.c.query(sql + " GROUP BY s.kind", params));
  return values_of(rows, 1);
}

Result<MeasureValues> service_referrals(const FigureQuery& q) {
  ATB_TRY_ASSIGN(f, referrals(q));  // (service kind, event) → referrals
  MeasureValues out;
  for (const FigureRow& r : f.rows) out[r.keys] = static_cast<double>(r.count);
  return out;
}

Result<MeasureValues> staff_by_role(const FigureQuery& q) {
  storage::Params params;
  std::string sql =
      "SELECT ur.role, COUNT(DISTINCT u.id) FROM app_user u JOIN user_role ur ON ur.user_id = u.id"
      " JOIN user_team ut ON ut.user_id = u.id JOIN team t ON t.id = ut.team_id"
      " JOIN department d ON d.id = t.department_id WHERE u.disabled = 0";
  sql += scope_condition(q.scope, "d.municipality_id", "d.id", params);
  ATB_TRY_ASSIGN(rows, q.c.query(sql + " GROUP BY ur.role", params));
  return values_of(rows, 1);
}

struct Entry {
  const char* name;
  Compute compute;
};

constexpr Entry kMeasures[] = {
    {"households_with_status", households_with_status},
    {"persons_with_status", persons_with_status},
    {"benefit_recipients", benefit_recipients},
    {"benefit_persons", benefit_persons},
    {"benefit_paid_eur", benefit_paid_eur},
    {"benefit_decisions", decisions},
    {"cases_opened", cases_opened},
    {"cases_closed", cases_closed},
    {"cases_open_at_end", cases_open_at_end},
    {"intakes_received", intakes_received},
    {"service_clients", service_clients},
    {"service_referrals", service_referrals},
    {"staff", staff_by_role},
};

const Entry* find(std::string_view name) {
  for (const Entry& e : kMeasures) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

}  // namespace

Result<MeasureValues> compute_measure(const FigureQuery& q, std::string_view name) {
  const Entry* e = find(name);
  if (!e) return Error::internal("statutory measure without SQL: " + std::string(name));
  return e->compute(q);
}

bool has_sql(std::string_view name) {
  return find(name) != nullptr;
}

}  // namespace atb::reports::statutory
