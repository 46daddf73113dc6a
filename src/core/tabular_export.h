// Exports of tables for spreadsheets: CSV the way Latvian Excel reads it, and XLSX.
// Every cell is text, and a text that a spreadsheet would run as a formula is neutralised.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct lxw_workbook;  // libxlsxwriter's workbook (xlsxwriter.h), for xlsx_workbook's callers

namespace atb::tabular {

/// The cell text made safe against formula (CSV) injection: when it starts with = + - @, a tab or
/// a carriage return, a single quote ' is put in front; otherwise it is returned unchanged.
std::string neutralise_cell(std::string_view text);

/// A CSV document: UTF-8 with a BOM, `delimiter` (';' by default, or ',') between cells, CRLF
/// after each row, a cell quoted (with quotes doubled) when it holds the delimiter, '"', CR or LF,
/// every cell neutralised. (The same rows as core/csv_stream.h's CsvWriter, all in memory.)
std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows, char delimiter = ';');

/// A sheet name Excel accepts: []:*?/\ replaced by '_', no apostrophe at either end, at most 31
/// characters, "Sheet1" when nothing is left.
std::string excel_sheet_name(std::string_view name);

/// An XLSX workbook (the bytes of the file) with one sheet: a bold, frozen header row, then the
/// rows; every cell is written as a neutralised string (never a formula), columns sized to their
/// text. Fails when a cell is longer than Excel allows (32,767 characters) or there are too many
/// rows, or on an I/O error of the temporary file (in TMPDIR or /tmp, always removed).
Result<std::string> xlsx_document(std::string_view sheet_name,
                                  const std::vector<std::string>& header,
                                  const std::vector<std::vector<std::string>>& rows);

/// An XLSX workbook laid out by `fill` (which adds sheets and cells to the open workbook and
/// returns 0 or a libxlsxwriter lxw_error; it must not close it), written to a temporary file
/// (in TMPDIR or /tmp, always removed) and returned as bytes. For layouts other than one table
/// (e.g. a statutory form); the caller neutralises the strings it writes (neutralise_cell).
Result<std::string> xlsx_workbook(const std::function<int(lxw_workbook*)>& fill);

}  // namespace atb::tabular
