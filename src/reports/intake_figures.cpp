// Intakes: problem categories, their combinations and rapid response (figures.h).
#include <algorithm>
#include <map>

#include "reports/figures.h"

namespace atb::reports {
namespace {

/// " FROM … WHERE intake in scope, received in the period" for the intake alias `i`.
std::string received_in_period(const FigureQuery& q, storage::Params& params) {
  params.push_back(q.period.from_instant());
  params.push_back(q.period.end_instant());
  return " i.received_at >= ? AND i.received_at < ?" +
         scope_condition(q.scope, "i.municipality_id", "i.department_id", params);
}

/// Most frequent first, then by keys.
void sort_by_count(Figure& f) {
  std::sort(f.rows.begin(), f.rows.end(), [](const FigureRow& a, const FigureRow& b) {
    return a.count != b.count ? a.count > b.count : a.keys < b.keys;
  });
}

}  // namespace

Result<Figure> problem_categories(const FigureQuery& q) {
  Figure f{"intakes",
           "problem_categories",
           {"Problēmu kategorijas", "Problem categories"},
           {"problem"},
           "intakes",
           {},
           {}};
  storage::Params params;
  const std::string sql =
      "SELECT p.problem, COUNT(*) FROM intake_problem p JOIN intake i ON i.id = p.intake_id WHERE" +
      received_in_period(q, params) + " GROUP BY p.problem";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  for (const storage::Row& r : rows) f.rows.push_back({{r.text(0)}, r.integer(1), {}, false});
  sort_by_count(f);
  return f;
}

Result<Figure> problem_pairs(const FigureQuery& q) {
  Figure f{"intakes",
           "problem_pairs",
           {"Biežākās problēmu kombinācijas", "Most frequent combinations of problems"},
           {"problem", "with_problem"},
           "intakes",
           {},
           {}};
  storage::Params params;
  // Each unordered pair once (a < b in the engine's collation); the pair is then written in
  // byte order here, so both engines name it alike.
  const std::string sql =
      "SELECT a.problem, b.problem, COUNT(*) FROM intake_problem a"
      " JOIN intake_problem b ON b.intake_id = a.intake_id AND a.problem < b.problem"
      " JOIN intake i ON i.id = a.intake_id WHERE" +
      received_in_period(q, params) + " GROUP BY a.problem, b.problem";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::pair<std::string, std::string>, std::int64_t> pairs;
  for (const storage::Row& r : rows) {
    std::string x = r.text(0), y = r.text(1);
    if (y < x) std::swap(x, y);
    pairs[{x, y}] += r.integer(2);
  }
  for (const auto& [pair, n] : pairs) f.rows.push_back({{pair.first, pair.second}, n, {}, false});
  sort_by_count(f);
  if (f.rows.size() > 10) f.rows.resize(10);
  return f;
}

Result<Figure> rapid_response(const FigureQuery& q) {
  Figure f{"intakes",
           "rapid_response",
           {"Ātrā reaģēšana: pirmais kontakts 24 stundās",
            "Rapid response: first contact within 24 hours"},
           {"result"},
           "intakes",
           {},
           {}};
  storage::Params params;
  const std::string sql =
      "SELECT CASE WHEN i.decided_at IS NULL THEN 'undecided'"
      " WHEN i.first_contact_due_at IS NOT NULL AND i.decided_at <= i.first_contact_due_at THEN "
      "'met' ELSE 'late' END AS result,"
      " COUNT(*) FROM intake i WHERE i.urgency = 'acute' AND" +
      received_in_period(q, params) + " GROUP BY result";
  ATB_TRY_ASSIGN(rows, q.c.query(sql, params));
  std::map<std::string, std::int64_t> counts;
  for (const storage::Row& r : rows) counts[r.text(0)] = r.integer(1);
  for (const char* result : {"met", "late", "undecided"})
    f.rows.push_back({{result}, counts[result], {}, false});
  return f;
}

}  // namespace atb::reports
