#include "reports/statutory_report.h"

#include <map>

#include "reports/statutory_measures.h"
#include "storage/snapshot.h"

namespace atb::reports::statutory {
namespace {

/// Every measure the definition names, computed once each.
Result<std::map<std::string, MeasureValues>> measures_of(const FigureQuery& q,
                                                         const ReportDefinition& def) {
  std::map<std::string, MeasureValues> out;
  for (const ReportSection& s : def.sections) {
    for (const ReportRow& r : s.rows) {
      for (const auto& cell : r.cells) {
        if (!cell || out.count(cell->measure)) continue;
        ATB_TRY_ASSIGN(values, compute_measure(q, cell->measure));
        out.emplace(cell->measure, std::move(values));
      }
    }
  }
  return out;
}

Result<std::string> municipality_name(storage::Connection& c, const StatisticsScope& scope) {
  if (!scope.municipality_id) return std::string();
  ATB_TRY_ASSIGN(rows, c.query("SELECT name FROM municipality WHERE id = ?",
                               storage::params(*scope.municipality_id)));
  if (rows.empty())
    return Error::internal("no municipality " + std::to_string(*scope.municipality_id));
  return rows[0].text(0);
}

StatutoryReport fill(const ReportDefinition& def, const ReportPeriod& period,
                     const std::map<std::string, MeasureValues>& measures) {
  StatutoryReport report{def.name, def.title, def.form, period, due_date(period, def.due), "", {}};
  for (const ReportSection& s : def.sections) {
    SectionValues section{s.code, s.title, s.columns, {}};
    for (const ReportRow& r : s.rows) {
      RowValues row{r.code, r.label, {}};
      for (const auto& cell : r.cells) {
        CellValue v;
        if (cell) {
          v.unit = find_measure(cell->measure)->unit;
          const MeasureValues& values = measures.at(cell->measure);
          const auto found = values.find(cell->args);
          v.value = found == values.end() ? 0.0 : found->second;
        }
        row.cells.push_back(v);
      }
      section.rows.push_back(std::move(row));
    }
    report.sections.push_back(std::move(section));
  }
  return report;
}

}  // namespace

Result<StatutoryReport> compute_report(storage::Connection& c, const ReportDefinition& def,
                                       const ReportPeriod& period, const StatisticsScope& scope) {
  const Period days = period.as_period();
  const FigureQuery q{c, days, scope};
  return storage::in_snapshot(c, [&]() -> Result<StatutoryReport> {
    ATB_TRY_ASSIGN(measures, measures_of(q, def));
    ATB_TRY_ASSIGN(name, municipality_name(c, scope));
    StatutoryReport report = fill(def, period, measures);
    report.municipality = std::move(name);
    return report;
  });
}

}  // namespace atb::reports::statutory
