#include "reports/statistics_output.h"

#include <cmath>
#include <cstdio>

namespace atb::reports {
namespace {

nlohmann::json number_or_null(const std::optional<double>& v) {
  if (!v) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<std::int64_t>(*v);
  return *v;
}

std::string number_text(double v, Lang lang) {
  char buffer[64];
  if (std::floor(v) == v && std::fabs(v) < 9e15) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0') s.pop_back();  // 12.50 → 12.5 (never past the point: v is not whole)
    if (lang == Lang::lv) s[s.find('.')] = ',';
    return s;
  }
  return buffer;
}

}  // namespace

nlohmann::json statistics_json(const Statistics& s) {
  nlohmann::json sections = nlohmann::json::object();
  for (const Figure& f : s.figures) {
    nlohmann::json rows = nlohmann::json::array();
    for (const FigureRow& r : f.rows) {
      nlohmann::json row = nlohmann::json::object();
      for (std::size_t k = 0; k < f.keys.size(); ++k) row[f.keys[k]] = r.keys.at(k);
      row[f.count_name] = r.suppressed ? nlohmann::json(nullptr) : nlohmann::json(r.count);
      for (std::size_t m = 0; m < f.measures.size(); ++m) {
        row[f.measures[m]] =
            r.suppressed ? nlohmann::json(nullptr) : number_or_null(r.measures.at(m));
      }
      row["suppressed"] = r.suppressed;
      rows.push_back(std::move(row));
    }
    sections[f.section][f.id] = {{"title", {{"lv", f.title.lv}, {"en", f.title.en}}},
                                 {"keys", f.keys},
                                 {"count", f.count_name},
                                 {"measures", f.measures},
                                 {"rows", std::move(rows)}};
  }
  nlohmann::json scope = {
      {"national", s.scope.national},
      {"municipality_id",
       s.scope.municipality_id ? nlohmann::json(*s.scope.municipality_id) : nullptr},
      {"department_ids", s.scope.department_ids}};
  return {{"period", {{"from", s.period.from.iso()}, {"to", s.period.to.iso()}}},
          {"scope", std::move(scope)},
          {"suppression",
           {{"applied", s.suppressed},
            {"min_count", s.suppressed ? nlohmann::json(s.min_count) : nullptr}}},
          {"sections", std::move(sections)}};
}

Table statistics_table(const Statistics& s, Lang lang) {
  const bool lv = lang == Lang::lv;
  Table t;
  t.header =
      lv ? std::vector<std::string>{"Sadaļa",  "Rādītājs", "Grupējums",
                                    "Lielums", "Vērtība",  "Piezīme"}
         : std::vector<std::string>{"Section", "Figure", "Breakdown", "Quantity", "Value", "Note"};
  const std::string note = lv ? "slēpts: mazāk par " + std::to_string(s.min_count)
                              : "suppressed: fewer than " + std::to_string(s.min_count);
  for (const Figure& f : s.figures) {
    for (const FigureRow& r : f.rows) {
      std::string breakdown;
      for (std::size_t k = 0; k < f.keys.size(); ++k) {
        if (k > 0) breakdown += ", ";
        breakdown += f.keys[k] + "=" + r.keys.at(k);
      }
      auto add = [&](const std::string& quantity, const std::optional<double>& value) {
        t.rows.push_back({f.section, lv ? f.title.lv : f.title.en, breakdown, quantity,
                          r.suppressed || !value ? "" : number_text(*value, lang),
                          r.suppressed ? note : ""});
      };
      add(f.count_name, static_cast<double>(r.count));
      for (std::size_t m = 0; m < f.measures.size(); ++m) add(f.measures[m], r.measures.at(m));
    }
  }
  return t;
}

}  // namespace atb::reports
