// `atbalsts report NAME --from --to --format csv|xlsx|pdf|json [--output FILE]
//  [--municipality ID|national] [--department ID] [--delimiter semicolon|comma]`:
// a report or list written to a file (or standard output) as it is read, with a progress meter
// on standard error, audited as a command-line export. The reports are a small table of
// producers (report_commands.cpp, kReports): a new report is one entry there.
//
// The command reads the database only (plus its one audit entry): it never migrates it, and
// refuses a database whose schema is older than this binary.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// Options of `atbalsts report`.
struct ReportCommandOptions {
  std::string name;                          ///< a report of report_names(): statistics, persons, or a statutory report
  std::optional<std::string> from, to;       ///< the period, YYYY-MM-DD (defaults as the API's)
  std::string format = "csv";                ///< csv, xlsx, pdf or json
  std::optional<std::string> output;         ///< a file; standard output when absent or "-"
  std::optional<std::string> municipality;   ///< an id or "national" (default: national)
  std::optional<std::string> department;     ///< an id of a department of that municipality
  std::string delimiter = "semicolon";       ///< CSV: semicolon or comma
  std::string lang = "lv";                   ///< lv or en: column titles and texts
  int max_period_years = 20;                 ///< [reports] max_period_years
  int min_cell_count = 5;                    ///< [reports] min_cell_count (national statistics)
  std::string statutory_dir = "config/reports";  ///< [reports] statutory_dir: the statutory forms
  std::optional<bool> progress_terminal;     ///< force the meter's style (tests); else isatty(2)
};

/// The names of the reports, in the order of the table.
std::vector<std::string> report_names();

/// Refuses (unavailable, naming the missing migrations) a database whose schema lacks a
/// migration this binary knows; changes nothing.
Result<void> require_current_schema(storage::Database& db);

/// Runs the report. Exit codes: 0 written; 1 failed while writing (a file is removed, never
/// left half-written); 2 refused (unknown report, bad format, delimiter, period, municipality
/// or department, out-of-date schema), with the reason on `err`.
int report_command(storage::Database& db, const ReportCommandOptions& o, std::ostream& out,
                   std::ostream& err);

}  // namespace atb::app
