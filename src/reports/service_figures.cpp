// Services: referrals, waiting times and occupancy (figures.h).
#include <map>

#include "reports/figures.h"
#include "storage/sql_dates.h"

namespace atb::reports {
namespace {

// A referral carries its case's municipality and department (migration 0027).
constexpr const char* kReferralJoins = " FROM referral r JOIN service s ON s.id = r.service_id";

}  // namespace

Result<Figure> referrals(const FigureQuery& q) {
  Figure f{"services",
           "referrals",
           {"Nosūtījumi uz pakalpojumiem un lēmumi", "Referrals to services and decisions"},
           {"service_kind", "event"},
           "referrals",
           {},
           {}};
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql = std::string("SELECT s.kind, 'requested', COUNT(*)") + kReferralJoins +
                    " WHERE r.requested_on >= ? AND r.requested_on <= ?";
  sql += scope_condition(q.scope, "r.municipality_id", "r.department_id", params);
  sql += " GROUP BY s.kind UNION ALL SELECT s.kind, r.decision, COUNT(*)";
  sql += kReferralJoins;
  sql += " WHERE r.decision IS NOT NULL AND r.decided_at >= ? AND r.decided_at < ?";
  params.push_back(q.period.from_instant());
  params.push_back(q.period.end_instant());
  sql += scope_condition(q.scope, "r.municipality_id", "r.department_id", params);
  sql += " GROUP BY s.kind, r.decision";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::pair<std::string, int>, std::int64_t> counts;  // (kind, event order) → count
  const std::string events[] = {"requested", "granted", "refused"};
  for (const storage::Row& r : rows) {
    for (int e = 0; e < 3; ++e) {
      if (r.text(1) == events[e]) counts[{r.text(0), e}] += r.integer(2);
    }
  }
  for (const auto& [key, n] : counts)
    f.rows.push_back({{key.first, events[key.second]}, n, {}, false});
  return f;
}

Result<Figure> waiting_times(const FigureQuery& q) {
  Figure f{"services",
           "waiting_times",
           {"Gaidīšanas laiks līdz pakalpojuma sākumam", "Waiting time until a service starts"},
           {"service_kind"},
           "placements",
           {"average_days", "median_days"},
           {}};
  storage::Params params{q.period.from.iso(), q.period.to.iso()};
  std::string sql =
      "SELECT s.kind, " + storage::days_between_sql(q.c.engine(), "r.requested_on", "r.start_on") +
      " AS days, COUNT(*)" + kReferralJoins + " WHERE r.start_on >= ? AND r.start_on <= ?";
  sql += scope_condition(q.scope, "r.municipality_id", "r.department_id", params);
  sql += " GROUP BY s.kind, days";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::map<std::int64_t, std::int64_t>> by_kind;
  for (const storage::Row& r : rows) by_kind[r.text(0)][r.integer(1)] += r.integer(2);
  for (const auto& [kind, histogram] : by_kind) {
    const Distribution d = summarise(histogram);
    f.rows.push_back({{kind}, d.count, {d.average, d.median}, false});
  }
  return f;
}

Result<Figure> occupancy(const FigureQuery& q) {
  Figure f{
      "services",
      "occupancy",
      {"Pakalpojumu noslodze perioda beigās", "Occupancy of services at the end of the period"},
      {"service_kind", "capacity_unit"},
      "placements",
      {"occupied", "capacity", "occupancy_percent"},
      {}};
  const std::string day = q.period.to.iso();
  storage::Params params{day, day};
  std::string sql =
      "SELECT s.kind, s.capacity_unit, SUM(COALESCE(o.n, 0)), SUM(COALESCE(o.quantity, 0)), "
      "SUM(s.capacity)"
      " FROM service s LEFT JOIN (SELECT r.service_id, COUNT(*) AS n, SUM(r.quantity) AS quantity "
      "FROM referral r"
      "   WHERE r.start_on IS NOT NULL AND r.start_on <= ? AND (r.end_on IS NULL OR r.end_on > ?)"
      "   GROUP BY r.service_id) o ON o.service_id = s.id"
      " WHERE s.active = 1";
  sql += scope_condition(q.scope, "s.municipality_id", "s.provider_department_id", params);
  sql += " GROUP BY s.kind, s.capacity_unit ORDER BY s.kind, s.capacity_unit";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows) {
    const double occupied = static_cast<double>(r.integer(3)),
                 capacity = static_cast<double>(r.integer(4));
    std::optional<double> percent;
    if (capacity > 0) percent = round1(100.0 * occupied / capacity);
    f.rows.push_back({{r.text(0), r.text(1)}, r.integer(2), {occupied, capacity, percent}, false});
  }
  return f;
}

}  // namespace atb::reports
