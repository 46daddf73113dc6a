// One interface over the export formats of a table, so that a report or a list is written the
// same way whatever the format, to any sink (an HTTP stream, a file, standard output):
// header(), row() for each row, finish(). CSV and JSON are written as they come (bounded memory);
// XLSX goes row by row to a temporary file (constant memory) and is sent at finish(); PDF keeps
// the rows (at most kPdfMaxRows) and is laid out at finish().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_stream.h"
#include "core/result.h"

namespace atb::tabular {

/// The formats of an export.
enum class Format { csv, xlsx, pdf, json };

/// "csv", "xlsx", "pdf", "json".
std::string_view format_name(Format f);

/// The MIME type of a format (CSV with charset=utf-8).
std::string_view content_type(Format f);

/// The format `text` names among `allowed`; refused (invalid, naming `field`, listing the
/// allowed ones) otherwise.
Result<Format> parse_format(std::string_view text, const std::vector<Format>& allowed,
                            std::string_view field = "format");

/// How a table is written.
struct TableOptions {
  std::string title;      ///< PDF heading, XLSX sheet name (cut to Excel's rules)
  char delimiter = ';';   ///< CSV only
};

/// A table being written in one format.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  /// The column titles. Call once, first.
  virtual Result<void> header(const std::vector<std::string>& cells) = 0;
  /// One row (as many cells as the header).
  virtual Result<void> row(const std::vector<std::string>& cells) = 0;
  /// Completes the document and sends what is left to the sink. Call once, last.
  virtual Result<void> finish() = 0;
};

/// A writer of `format` to `sink`. JSON is an array of objects keyed by the header's titles.
std::unique_ptr<TableWriter> table_writer(Format format, TableOptions options, PieceSink sink);

}  // namespace atb::tabular
