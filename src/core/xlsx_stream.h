// XLSX written row by row with libxlsxwriter's constant_memory mode: each row goes to the
// library's temporary sheet file as it comes, so memory stays flat however many rows there are.
// The workbook is finished into a temporary file, which is then sent to a sink in pieces and
// removed. Every cell is a neutralised string (never a formula); the header row is bold and frozen.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_stream.h"
#include "core/result.h"

namespace atb::tabular {

/// The most data rows a sheet holds (Excel's 1,048,576 rows, less the header row).
inline constexpr std::size_t kXlsxMaxRows = 1048575;

/// The refusal of more rows than a sheet holds (invalid, naming `format`, suggesting CSV).
Error xlsx_too_many_rows();

/// One streamed workbook with one sheet.
class XlsxWriter {
 public:
  /// Opens the workbook (in TMPDIR or /tmp) and writes the header row; column widths follow the
  /// header (8–40 characters). Fails (internal) when the temporary files cannot be made.
  static Result<std::unique_ptr<XlsxWriter>> create(std::string_view sheet_name,
                                                    const std::vector<std::string>& header);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  /// One row. Fails (invalid) past Excel's 1,048,576 rows or for a cell over 32,767 characters.
  Result<void> row(const std::vector<std::string>& cells);
  /// Closes the workbook and sends the file to `sink` in pieces of `piece_size` bytes.
  Result<void> finish(const PieceSink& sink, std::size_t piece_size = 64 * 1024);

  /// Rows written so far (the header not counted).
  std::size_t rows() const { return rows_; }

 private:
  struct Impl;
  explicit XlsxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::size_t rows_ = 0;
};

}  // namespace atb::tabular
