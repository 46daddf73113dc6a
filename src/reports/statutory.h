// Statutory reports (Cabinet Regulation 324/2017): the monthly report on social assistance and
// the annual report on social services and social assistance, their forms defined as data
// (config/reports/*.json). The one header a caller needs (the HTTP routes, a CLI command):
// load the definitions, compute a report by name for a period and scope, and render it as a
// table of strings, CSV, JSON or XLSX bytes; and each report's due state for a dashboard.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "core/date.h"
#include "core/result.h"
#include "reports/scope.h"
#include "reports/statutory_definition.h"
#include "reports/statutory_output.h"
#include "reports/statutory_period.h"
#include "reports/statutory_report.h"
#include "storage/connection.h"

namespace atb::reports::statutory {

/// The loaded, checked definitions (read once at start; then read-only).
class Definitions {
 public:
  /// Every definition of `dir` (see load_definitions: a bad one fails naming file and row).
  static Result<Definitions> load(const std::filesystem::path& dir);
  explicit Definitions(std::vector<ReportDefinition> all) : all_(std::move(all)) {}

  const std::vector<ReportDefinition>& all() const { return all_; }
  /// The report named `name`, or nullptr.
  const ReportDefinition* find(std::string_view name) const;

 private:
  std::vector<ReportDefinition> all_;
};

/// The report `name` for `period_text` ("2026-10" / "2026") and `scope`: 404 naming the name
/// when there is no such report; 422 naming `period` when the text is not a period of the
/// report's frequency, is out of range or in the future (parse_report_period).
Result<StatutoryReport> compute_named(storage::Connection& c, const Definitions& defs,
                                      std::string_view name, std::string_view period_text,
                                      const StatisticsScope& scope, const Date& today);

/// Statutory reports are the director's: she prepares and submits them for her municipality;
/// anyone else is refused (403).
Result<void> may_report(const access::Principal& p);

/// The 404 for a report name that does not exist (naming it).
Error unknown_report(std::string_view name);

/// Where a report stands for a dashboard: its latest period that has ended, when that is due,
/// and whether it was submitted.
struct DueState {
  ReportPeriod period;
  Date due;
  int days_left = 0;  ///< from today to the due day; negative when it has passed
  bool submitted = false;
  bool overdue = false;  ///< not submitted and the due day has passed
};

/// The due state of `def` on `today`, `submitted` telling whether its latest period was marked.
DueState due_state(const ReportDefinition& def, const Date& today, bool submitted);

}  // namespace atb::reports::statutory
