#include "core/tabular_export.h"

#include "core/csv_stream.h"
#include "core/temp_file.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace atb::tabular {
namespace {

/// Code points of UTF-8 text (bytes that do not continue a sequence).
std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// The first `n` code points of UTF-8 text.
std::string_view first_code_points(std::string_view utf8, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return utf8.substr(0, i);
}

Error export_error(std::string lv, std::string en, std::string detail = {}) {
  return Error{Errc::invalid, Text{std::move(lv), std::move(en)}, {}, std::move(detail)};
}

/// Writes one row of neutralised strings; widens `widths` to fit them.
lxw_error write_row(lxw_worksheet* sheet, lxw_row_t row, const std::vector<std::string>& cells,
                    lxw_format* format, std::vector<std::size_t>& widths) {
  for (std::size_t col = 0; col < cells.size(); ++col) {
    const std::string safe = neutralise_cell(cells[col]);
    if (safe.empty()) continue;
    const lxw_error err =
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(col), safe.c_str(), format);
    if (err != LXW_NO_ERROR) return err;
    if (col >= widths.size()) widths.resize(col + 1, 0);
    widths[col] = std::max(widths[col], code_points(safe));
  }
  return LXW_NO_ERROR;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::internal("cannot read the exported workbook " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::string neutralise_cell(std::string_view text) {
  if (!text.empty()) {
    const char c = text.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
      return "'" + std::string(text);
  }
  return std::string(text);
}

std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows, char delimiter) {
  std::string out = "\xEF\xBB\xBF";
  append_csv_row(out, header, delimiter);
  for (const auto& row : rows) append_csv_row(out, row, delimiter);
  return out;
}

std::string excel_sheet_name(std::string_view name) {
  std::string clean;
  for (char c : name)
    clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  std::string_view view = clean;
  while (!view.empty() && view.front() == '\'') view.remove_prefix(1);
  view = first_code_points(view, 31);
  while (!view.empty() && view.back() == '\'') view.remove_suffix(1);
  return view.empty() ? "Sheet1" : std::string(view);
}

Result<std::string> xlsx_document(std::string_view sheet_name,
                                  const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows) {
  if (rows.size() + 1 > LXW_ROW_MAX)
    return export_error("Eksportam ir pārāk daudz rindu (Excel atļauj ne vairāk kā 1 048 576).",
                        "The export has too many rows (Excel allows at most 1,048,576).");
  std::size_t columns = header.size();
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (columns > LXW_COL_MAX)
    return export_error("Eksportam ir pārāk daudz kolonnu (Excel atļauj ne vairāk kā 16 384).",
                        "The export has too many columns (Excel allows at most 16,384).");

  TempFile file(".xlsx");
  if (!file.ok()) return Error::internal("mkstemps failed in " + file.dir());
  lxw_workbook_options options{LXW_FALSE, file.dir().data(), LXW_FALSE};
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (!workbook) return Error::internal("libxlsxwriter could not create " + file.path());
  const std::string name = excel_sheet_name(sheet_name);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  lxw_error err = sheet && bold ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
  std::vector<std::size_t> widths(columns, 0);
  if (err == LXW_NO_ERROR) {
    format_set_bold(bold);
    err = write_row(sheet, 0, header, bold, widths);
  }
  for (std::size_t r = 0; r < rows.size() && err == LXW_NO_ERROR; ++r)
    err = write_row(sheet, static_cast<lxw_row_t>(r + 1), rows[r], nullptr, widths);
  if (err == LXW_NO_ERROR) {
    for (std::size_t col = 0; col < widths.size(); ++col) {
      const double width = static_cast<double>(std::clamp<std::size_t>(widths[col] + 2, 8, 60));
      worksheet_set_column(sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width,
                           nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
  }
  const lxw_error closed = workbook_close(workbook);  // writes the file and frees the workbook
  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    return export_error("Eksporta šūnā ir vairāk nekā 32 767 rakstzīmes, ko Excel neatļauj.",
                        "A cell of the export has more than 32,767 characters, which Excel does "
                        "not allow.");
  if (err != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(err));
  if (closed != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(closed));
  return read_file(file.path());
}

Result<std::string> xlsx_workbook(const std::function<int(lxw_workbook*)>& fill) {
  TempFile file(".xlsx");
  if (!file.ok()) return Error::internal("mkstemps failed in " + file.dir());
  lxw_workbook_options options{LXW_FALSE, file.dir().data(), LXW_FALSE};
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (!workbook) return Error::internal("libxlsxwriter could not create " + file.path());
  const auto err = static_cast<lxw_error>(fill(workbook));
  const lxw_error closed = workbook_close(workbook);  // writes the file and frees the workbook
  if (err != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(err));
  if (closed != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(closed));
  return read_file(file.path());
}

}  // namespace atb::tabular
