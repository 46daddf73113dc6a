// The statistics as the API sends them: JSON sections of figures, and one flat table (for CSV
// and XLSX) with a row per value. A suppressed cell is null (JSON) or empty with a note (table),
// never its number.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/text.h"
#include "reports/statistics.h"

namespace atb::reports {

/// {"period":{from,to},"scope":{national,municipality_id,department_ids},
///  "suppression":{applied,min_count},"sections":{SECTION:{FIGURE:{title,keys,count,measures,rows}}}};
/// a row: each key by name, the count by the figure's count name, each measure by name (null
/// when none or suppressed), and "suppressed".
nlohmann::json statistics_json(const Statistics& s);

/// A flat table of every value.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// Columns: section, figure (its title in `lang`), breakdown ("year=2025, department=social_work"),
/// quantity (the count's or measure's name), value (decimal comma in Latvian, point in English;
/// empty when none or suppressed), note (why it is empty when suppressed).
Table statistics_table(const Statistics& s, Lang lang);

}  // namespace atb::reports
