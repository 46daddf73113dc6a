#include "reports/statutory_definition.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reports/statutory_catalogue.h"

namespace atb::reports::statutory {
namespace {

using nlohmann::json;

/// Where in the definitions a problem is: the file, and the section or row when known.
struct Where {
  std::string file;
  std::string section;
  std::string row;

  std::string in(Lang lang) const {
    std::string s = file;
    if (!row.empty())
      s += (lang == Lang::lv ? ", rinda " : ", row ") + row;
    else if (!section.empty())
      s += (lang == Lang::lv ? ", sadaļa " : ", section ") + section;
    return s;
  }
};

Error bad(const Where& w, const std::string& lv, const std::string& en) {
  const Text message{w.in(Lang::lv) + ": " + lv, w.in(Lang::en) + ": " + en};
  Error e = Error::invalid_field("statutory_dir", message);
  e.message = message;  // said at start: the headline names the file and the row
  return e;
}

Result<void> only_keys(const json& object, std::initializer_list<const char*> allowed,
                       const Where& w) {
  for (const auto& [key, value] : object.items()) {
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) ==
        allowed.end())
      return bad(w, "nezināms lauks \"" + key + "\"", "unknown field \"" + key + "\"");
  }
  return ok();
}

Result<std::string> text_field(const json& object, const char* field, const Where& w) {
  if (!object.contains(field) || !object[field].is_string() ||
      object[field].get<std::string>().empty())
    return bad(w, std::string("trūkst teksta lauka \"") + field + "\"",
               std::string("missing text field \"") + field + "\"");
  return object[field].get<std::string>();
}

/// A {"lv": …, "en": …} label, both non-empty.
Result<Text> label_field(const json& object, const char* field, const Where& w) {
  if (!object.contains(field) || !object[field].is_object())
    return bad(w, std::string("trūkst nosaukuma \"") + field + "\" (lv un en)",
               std::string("missing label \"") + field + "\" (lv and en)");
  const json& l = object[field];
  ATB_TRY(only_keys(l, {"lv", "en"}, w));
  for (const char* lang : {"lv", "en"}) {
    if (!l.contains(lang) || !l[lang].is_string() || l[lang].get<std::string>().empty())
      return bad(w, std::string("nosaukumam \"") + field + "\" trūkst valodas " + lang,
                 std::string("label \"") + field + "\" has no " + lang + " text");
  }
  return Text{l["lv"].get<std::string>(), l["en"].get<std::string>()};
}

Result<const json*> array_field(const json& object, const char* field, const Where& w) {
  if (!object.contains(field) || !object[field].is_array() || object[field].empty())
    return bad(w, std::string("trūkst saraksta \"") + field + "\"",
               std::string("missing list \"") + field + "\"");
  return &object[field];
}

int int_or(const json& object, const char* field, int fallback) {
  return object.contains(field) && object[field].is_number_integer() ? object[field].get<int>()
                                                                     : fallback;
}

Result<DueRule> due_rule(const json& d, Frequency f, const Where& w) {
  const Text monthly{"\"due\" ir {\"day\": 1–28} (nākamā mēneša diena)",
                     "\"due\" is {\"day\": 1–28} (a day of the next month)"};
  const Text annual{"\"due\" ir {\"month\": 1–12, \"day\": 1–28} (nākamā gada diena)",
                    "\"due\" is {\"month\": 1–12, \"day\": 1–28} (a day of the next year)"};
  const Text& how = f == Frequency::monthly ? monthly : annual;
  if (!d.is_object()) return bad(w, how.lv, how.en);
  ATB_TRY(only_keys(d, {"month", "day"}, w));
  DueRule rule{int_or(d, "month", 0), int_or(d, "day", 0)};
  const bool month_ok =
      f == Frequency::monthly ? !d.contains("month") : rule.month >= 1 && rule.month <= 12;
  if (!month_ok || rule.day < 1 || rule.day > 28) return bad(w, how.lv, how.en);
  return rule;
}

/// A cell: null, or {"measure": NAME, PARAM: VALUE, …} with exactly the measure's parameters.
Result<std::optional<MeasureCall>> cell(const json& c, const Where& w) {
  if (c.is_null()) return std::optional<MeasureCall>{};
  if (!c.is_object() || !c.contains("measure") || !c["measure"].is_string())
    return bad(w, "šūna ir null vai {\"measure\": …}", "a cell is null or {\"measure\": …}");
  const std::string name = c["measure"].get<std::string>();
  const MeasureSpec* spec = find_measure(name);
  if (!spec)
    return bad(w, "nezināms rādītājs \"" + name + "\"", "unknown measure \"" + name + "\"");
  MeasureCall call{name, {}};
  for (const auto& [key, value] : c.items()) {
    if (key == "measure") continue;
    if (std::none_of(spec->params.begin(), spec->params.end(),
                     [&](const MeasureParam& p) { return p.name == key; }))
      return bad(w, "rādītājam \"" + name + "\" nav parametra \"" + key + "\"",
                 "measure \"" + name + "\" has no parameter \"" + key + "\"");
  }
  for (const MeasureParam& p : spec->params) {
    if (!c.contains(p.name) || !c[p.name].is_string())
      return bad(w, "rādītājam \"" + name + "\" trūkst parametra \"" + p.name + "\"",
                 "measure \"" + name + "\" needs the parameter \"" + p.name + "\"");
    const std::string v = c[p.name].get<std::string>();
    if (std::find(p.values.begin(), p.values.end(), v) == p.values.end())
      return bad(w, "parametram \"" + p.name + "\" nav vērtības \"" + v + "\"",
                 "parameter \"" + p.name + "\" has no value \"" + v + "\"");
    call.args.push_back(v);
  }
  return std::optional<MeasureCall>{std::move(call)};
}

Result<ReportSection> section(const json& s, std::set<std::string>& row_codes, Where w) {
  if (!s.is_object()) return bad(w, "sadaļa ir objekts", "a section is an object");
  ATB_TRY(only_keys(s, {"code", "title", "columns", "rows"}, w));
  ReportSection out;
  ATB_TRY_ASSIGN_TO(out.code, text_field(s, "code", w));
  w.section = out.code;
  ATB_TRY_ASSIGN_TO(out.title, label_field(s, "title", w));
  ATB_TRY_ASSIGN(columns, array_field(s, "columns", w));
  for (const json& c : *columns) {
    if (!c.is_object()) return bad(w, "aile ir objekts", "a column is an object");
    ATB_TRY(only_keys(c, {"code", "label"}, w));
    ReportColumn col;
    ATB_TRY_ASSIGN_TO(col.code, text_field(c, "code", w));
    ATB_TRY_ASSIGN_TO(col.label, label_field(c, "label", w));
    out.columns.push_back(std::move(col));
  }
  ATB_TRY_ASSIGN(rows, array_field(s, "rows", w));
  for (const json& r : *rows) {
    Where at = w;
    if (!r.is_object()) return bad(at, "rinda ir objekts", "a row is an object");
    ReportRow row;
    ATB_TRY_ASSIGN_TO(row.code, text_field(r, "code", at));
    at.row = row.code;
    ATB_TRY(only_keys(r, {"code", "label", "cells"}, at));
    if (!row_codes.insert(row.code).second)
      return bad(at, "rindas kods atkārtojas", "the row code is used twice");
    ATB_TRY_ASSIGN_TO(row.label, label_field(r, "label", at));
    if (!r.contains("cells") || !r["cells"].is_array() || r["cells"].size() != out.columns.size()) {
      const std::string n = std::to_string(out.columns.size());
      return bad(at, "\"cells\" jābūt " + n + " šūnām (pa vienai katrai ailei)",
                 "\"cells\" must have " + n + " cells (one per column)");
    }
    for (const json& c : r["cells"]) {
      ATB_TRY_ASSIGN(parsed, cell(c, at));
      row.cells.push_back(std::move(parsed));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

bool valid_name(const std::string& name) {
  return !name.empty() && name.size() <= 60 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

Result<ReportDefinition> parse_definition(std::string_view json_text, const std::string& file) {
  const Where w{file, "", ""};
  const json d = json::parse(json_text, nullptr, false);
  if (d.is_discarded() || !d.is_object())
    return bad(w, "nav derīgs JSON objekts", "not a valid JSON object");
  ATB_TRY(only_keys(d, {"name", "title", "form", "frequency", "due", "sections"}, w));
  ReportDefinition def;
  def.file = file;
  ATB_TRY_ASSIGN_TO(def.name, text_field(d, "name", w));
  if (!valid_name(def.name))
    return bad(w, "nosaukums ir mazie burti, cipari un '-'",
               "the name is lower-case letters, digits and '-'");
  ATB_TRY_ASSIGN_TO(def.title, label_field(d, "title", w));
  ATB_TRY_ASSIGN_TO(def.form, label_field(d, "form", w));
  ATB_TRY_ASSIGN(frequency, text_field(d, "frequency", w));
  if (frequency != "monthly" && frequency != "annual")
    return bad(w, "\"frequency\" ir monthly vai annual", "\"frequency\" is monthly or annual");
  def.frequency = frequency == "monthly" ? Frequency::monthly : Frequency::annual;
  if (!d.contains("due")) return bad(w, "trūkst \"due\"", "missing \"due\"");
  ATB_TRY_ASSIGN_TO(def.due, due_rule(d["due"], def.frequency, w));
  ATB_TRY_ASSIGN(sections, array_field(d, "sections", w));
  std::set<std::string> row_codes;
  for (const json& s : *sections) {
    ATB_TRY_ASSIGN(parsed, section(s, row_codes, w));
    def.sections.push_back(std::move(parsed));
  }
  return def;
}

Result<std::vector<ReportDefinition>> load_definitions(const std::filesystem::path& dir) {
  std::error_code ec;
  const Where folder{dir.string(), "", ""};
  if (!std::filesystem::is_directory(dir, ec))
    return bad(folder, "pārskatu veidlapu mape nav atrasta",
               "the folder of report forms was not found");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  if (ec) return Error::internal("cannot list " + dir.string() + ": " + ec.message());
  if (files.empty())
    return bad(folder, "mapē nav neviena pārskata (*.json)", "the folder holds no report (*.json)");
  std::sort(files.begin(), files.end());
  std::vector<ReportDefinition> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return bad({f.string(), "", ""}, "nevar nolasīt", "cannot be read");
    ATB_TRY_ASSIGN(def, parse_definition(text.str(), f.string()));
    if (def.name != f.stem().string())
      return bad({f.string(), "", ""}, "\"name\" nav faila nosaukums \"" + f.stem().string() + "\"",
                 "\"name\" is not the file's name \"" + f.stem().string() + "\"");
    out.push_back(std::move(def));  // one name per file, so no name twice
  }
  return out;
}

}  // namespace atb::reports::statutory
