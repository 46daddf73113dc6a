#include "reports/statutory.h"

namespace atb::reports::statutory {

Result<Definitions> Definitions::load(const std::filesystem::path& dir) {
  ATB_TRY_ASSIGN(all, load_definitions(dir));
  return Definitions(std::move(all));
}

const ReportDefinition* Definitions::find(std::string_view name) const {
  for (const ReportDefinition& d : all_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

Result<void> may_report(const access::Principal& p) {
  if (p.has(access::Role::director)) return ok();
  return Error{Errc::forbidden,
               {"Valsts pārskatus sagatavo un iesniedz sociālā dienesta direktors.",
                "Statutory reports are prepared and submitted by the social service's director."},
               {},
               {}};
}

Error unknown_report(std::string_view name) {
  const std::string n(name);
  return Error{Errc::not_found,
               {"Nav pārskata \"" + n + "\".", "There is no report \"" + n + "\"."},
               {},
               {}};
}

Result<StatutoryReport> compute_named(storage::Connection& c, const Definitions& defs,
                                      std::string_view name, std::string_view period_text,
                                      const StatisticsScope& scope, const Date& today) {
  const ReportDefinition* def = defs.find(name);
  if (!def) return unknown_report(name);
  ATB_TRY_ASSIGN(period, parse_report_period(period_text, def->frequency, today));
  return compute_report(c, *def, period, scope);
}

DueState due_state(const ReportDefinition& def, const Date& today, bool submitted) {
  DueState s;
  s.period = latest_ended_period(def.frequency, today);
  s.due = due_date(s.period, def.due);
  s.days_left = days_from(today, s.due);
  s.submitted = submitted;
  s.overdue = !submitted && s.days_left < 0;
  return s;
}

}  // namespace atb::reports::statutory
