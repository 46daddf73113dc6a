// A statutory report's form as data (config/reports/NAME.json): its title, how often it is due,
// and its sections of rows, each row's cells naming a measure of the catalogue with parameters,
// so a changed form is a change of configuration. Loaded and checked once at start; a bad
// definition (unknown measure or parameter, missing label, duplicate row code, …) is refused
// with a message naming the file and the row. Format: docs/api-reports.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/text.h"
#include "reports/statutory_period.h"

namespace atb::reports::statutory {

/// A cell's measure: its name and the values of its parameters, in the catalogue's order.
struct MeasureCall {
  std::string measure;
  std::vector<std::string> args;  ///< one per MeasureSpec::params
};

/// A column (aile) of a section.
struct ReportColumn {
  std::string code;  ///< as on the form, e.g. "1"
  Text label;
};

/// A row of a section: one cell per column of the section; an empty cell is not asked for.
struct ReportRow {
  std::string code;  ///< as on the form, e.g. "1.2"; unique in the report
  Text label;
  std::vector<std::optional<MeasureCall>> cells;
};

/// A section (table) of the form.
struct ReportSection {
  std::string code;
  Text title;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
};

/// One report's definition.
struct ReportDefinition {
  std::string name;  ///< [a-z0-9-]+, the file's name without ".json"
  Text title;
  Text form;  ///< the legal basis, e.g. "MK noteikumi Nr. 324, 1. pielikums"
  Frequency frequency = Frequency::monthly;
  DueRule due;
  std::vector<ReportSection> sections;
  std::string file;  ///< where it was read from (for messages)
};

/// Parses and checks one definition (the text of `file`); the error names `file` and the row.
Result<ReportDefinition> parse_definition(std::string_view json_text, const std::string& file);

/// Every *.json of `dir`, sorted by name; refuses a missing folder, an empty one, a bad
/// definition, a name that is not the file's, and two reports of the same name. Errors are
/// invalid_field("statutory_dir", …) with the file and row in the message.
Result<std::vector<ReportDefinition>> load_definitions(const std::filesystem::path& dir);

}  // namespace atb::reports::statutory
