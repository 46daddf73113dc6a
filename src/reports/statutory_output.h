// A computed statutory report as the API and the CLI give it: JSON, a flat table (CSV, the
// command line), and an XLSX laid out like the form (title, period, municipality, then each
// section with its columns; row code, label, and the numbers as numbers, never formulas).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "core/text.h"
#include "reports/statistics_output.h"
#include "reports/statutory_report.h"

namespace atb::reports::statutory {

/// {"name","title":{lv,en},"form":{lv,en},"frequency","period","from","to","due_on","municipality",
///  "sections":[{"code","title","columns":[{"code","label"}],"rows":[{"code","label","cells":[n|null]}]}]}.
nlohmann::json report_json(const StatutoryReport& r);

/// One row per filled cell: section, row code, label (in `lang`), column (code and label), value
/// (a whole number, or euros with two decimals; decimal comma in Latvian, point in English).
Table report_table(const StatutoryReport& r, Lang lang);

/// The report as a CSV document (UTF-8 with BOM, ';'), the rows of report_table.
std::string report_csv(const StatutoryReport& r, Lang lang);

/// The report as an XLSX workbook (bytes), one sheet laid out like the form.
Result<std::string> report_xlsx(const StatutoryReport& r, Lang lang);

/// The download's file name: "NAME-PERIOD.csv|xlsx".
std::string file_name(const StatutoryReport& r, const std::string& format);

}  // namespace atb::reports::statutory
