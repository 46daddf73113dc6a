#include "reports/statutory_output.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>

#include "core/tabular_export.h"

namespace atb::reports::statutory {
namespace {

using nlohmann::json;

json text_json(const Text& t) {
  return {{"lv", t.lv}, {"en", t.en}};
}

std::string number_text(double value, Unit unit, Lang lang) {
  char buffer[64];
  if (unit == Unit::count) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s = buffer;
  if (lang == Lang::lv) {
    if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  }
  return s;
}

/// Writes the form into `sheet`; returns an lxw_error.
struct FormWriter {
  lxw_workbook* book;
  lxw_worksheet* sheet;
  const StatutoryReport& r;
  Lang lang;
  lxw_format *title = nullptr, *bold = nullptr, *header = nullptr, *whole = nullptr,
             *euro = nullptr;
  lxw_row_t row = 0;
  lxw_error err = LXW_NO_ERROR;

  void text(lxw_col_t col, const std::string& value, lxw_format* format = nullptr) {
    if (err == LXW_NO_ERROR && !value.empty())
      err =
          worksheet_write_string(sheet, row, col, tabular::neutralise_cell(value).c_str(), format);
  }
  void number(lxw_col_t col, double value, lxw_format* format) {
    if (err == LXW_NO_ERROR) err = worksheet_write_number(sheet, row, col, value, format);
  }
  void formats() {
    title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 14);
    bold = workbook_add_format(book);
    format_set_bold(bold);
    header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    whole = workbook_add_format(book);
    format_set_num_format(whole, "0");
    format_set_border(whole, LXW_BORDER_THIN);
    euro = workbook_add_format(book);
    format_set_num_format(euro, "0.00");
    format_set_border(euro, LXW_BORDER_THIN);
  }
  void heading() {
    const bool lv = lang == Lang::lv;
    text(0, r.title.in(lang), title);
    ++row;
    text(0, r.form.in(lang));
    row += 2;
    const std::pair<std::string, std::string> facts[] = {
        {lv ? "Periods" : "Period", r.period.text()},
        {lv ? "No" : "From", r.period.first().iso()},
        {lv ? "Līdz" : "To", r.period.last().iso()},
        {lv ? "Pašvaldība" : "Municipality", r.municipality.empty()
                                                 ? (lv ? "Visas pašvaldības" : "All municipalities")
                                                 : r.municipality},
        {lv ? "Iesniegšanas termiņš" : "Due on", r.due.iso()}};
    for (const auto& [name, value] : facts) {
      text(0, name, bold);
      text(1, value);
      ++row;
    }
  }
  void section(const SectionValues& s) {
    ++row;
    text(0, s.code, bold);
    text(1, s.title.in(lang), bold);
    ++row;
    text(0, lang == Lang::lv ? "Kods" : "Code", header);
    text(1, lang == Lang::lv ? "Rādītājs" : "Indicator", header);
    for (std::size_t c = 0; c < s.columns.size(); ++c)
      text(static_cast<lxw_col_t>(c + 2), s.columns[c].code + ". " + s.columns[c].label.in(lang),
           header);
    ++row;
    for (const RowValues& v : s.rows) {
      text(0, v.code);
      text(1, v.label.in(lang));
      for (std::size_t c = 0; c < v.cells.size(); ++c) {
        if (v.cells[c].value)
          number(static_cast<lxw_col_t>(c + 2), *v.cells[c].value,
                 v.cells[c].unit == Unit::eur ? euro : whole);
      }
      ++row;
    }
  }
  int write() {
    if (!sheet) return LXW_ERROR_MEMORY_MALLOC_FAILED;
    formats();
    worksheet_set_column(sheet, 0, 0, 10, nullptr);
    worksheet_set_column(sheet, 1, 1, 60, nullptr);
    worksheet_set_column(sheet, 2, 20, 16, nullptr);
    heading();
    for (const SectionValues& s : r.sections) section(s);
    return err;
  }
};

}  // namespace

json report_json(const StatutoryReport& r) {
  json sections = json::array();
  for (const SectionValues& s : r.sections) {
    json columns = json::array(), rows = json::array();
    for (const ReportColumn& c : s.columns)
      columns.push_back({{"code", c.code}, {"label", text_json(c.label)}});
    for (const RowValues& v : s.rows) {
      json cells = json::array();
      for (const CellValue& c : v.cells) {
        if (!c.value)
          cells.push_back(nullptr);
        else if (c.unit == Unit::count)
          cells.push_back(static_cast<std::int64_t>(std::llround(*c.value)));
        else
          cells.push_back(std::round(*c.value * 100.0) / 100.0);
      }
      rows.push_back({{"code", v.code}, {"label", text_json(v.label)}, {"cells", cells}});
    }
    sections.push_back(
        {{"code", s.code}, {"title", text_json(s.title)}, {"columns", columns}, {"rows", rows}});
  }
  return {{"name", r.name},
          {"title", text_json(r.title)},
          {"form", text_json(r.form)},
          {"frequency", std::string(frequency_code(r.period.frequency))},
          {"period", r.period.text()},
          {"from", r.period.first().iso()},
          {"to", r.period.last().iso()},
          {"due_on", r.due.iso()},
          {"municipality", r.municipality},
          {"sections", sections}};
}

Table report_table(const StatutoryReport& r, Lang lang) {
  const bool lv = lang == Lang::lv;
  Table t;
  t.header = {lv ? "Sadaļa" : "Section", lv ? "Rindas kods" : "Row code",
              lv ? "Rādītājs" : "Indicator", lv ? "Aile" : "Column", lv ? "Vērtība" : "Value"};
  for (const SectionValues& s : r.sections) {
    for (const RowValues& v : s.rows) {
      for (std::size_t c = 0; c < v.cells.size(); ++c) {
        if (!v.cells[c].value) continue;
        t.rows.push_back({s.code + ". " + s.title.in(lang), v.code, v.label.in(lang),
                          s.columns[c].code + ". " + s.columns[c].label.in(lang),
                          number_text(*v.cells[c].value, v.cells[c].unit, lang)});
      }
    }
  }
  return t;
}

std::string report_csv(const StatutoryReport& r, Lang lang) {
  const Table t = report_table(r, lang);
  return tabular::csv_document(t.header, t.rows);
}

Result<std::string> report_xlsx(const StatutoryReport& r, Lang lang) {
  return tabular::xlsx_workbook([&](lxw_workbook* book) {
    const std::string name = tabular::excel_sheet_name(lang == Lang::lv ? "Pārskats" : "Report");
    FormWriter w{book, workbook_add_worksheet(book, name.c_str()), r, lang};
    return w.write();
  });
}

std::string file_name(const StatutoryReport& r, const std::string& format) {
  return r.name + "-" + r.period.text() + "." + format;
}

}  // namespace atb::reports::statutory
