// CSV written row by row to a sink, in pieces of a bounded size, so that an export of any length
// never holds more than one piece in memory. The format is the one Latvian Excel opens directly:
// UTF-8 with a BOM, ';' between cells (',' on request), CRLF after every row, a cell quoted (its
// quotes doubled) when it holds the delimiter, '"', CR or LF, and every cell neutralised against
// formula injection (tabular::neutralise_cell).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace atb::tabular {

/// Takes the next piece of output; returns false when the reader is gone (writing stops).
using PieceSink = std::function<bool(std::string piece)>;

/// The delimiter a `delimiter` parameter names: absent or "" or "semicolon" or ";" → ';',
/// "comma" or "," → ','; anything else is refused (invalid, naming `field`, lv and en).
Result<char> parse_delimiter(const std::optional<std::string>& text,
                             std::string_view field = "delimiter");

/// Appends one row (cells neutralised and quoted as needed, then CRLF) to `out`.
void append_csv_row(std::string& out, const std::vector<std::string>& cells, char delimiter = ';');

/// Rows of one CSV document, written to a sink in pieces of about `piece_size` bytes.
class CsvWriter {
 public:
  explicit CsvWriter(PieceSink sink, char delimiter = ';', std::size_t piece_size = 64 * 1024);

  /// The BOM and the header row. Call once, first.
  Result<void> header(const std::vector<std::string>& cells);
  /// One row. Fails (unavailable) once the sink has refused a piece.
  Result<void> row(const std::vector<std::string>& cells);
  /// Sends what is left. Call once, last.
  Result<void> finish();

  /// Rows written so far (the header not counted).
  std::size_t rows() const { return rows_; }

 private:
  Result<void> send();

  PieceSink sink_;
  char delimiter_;
  std::size_t piece_size_;
  std::string buffer_;
  std::size_t rows_ = 0;
};

/// The error of a sink that refused a piece (the client went away).
Error reader_gone();

}  // namespace atb::tabular
