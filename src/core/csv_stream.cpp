#include "core/csv_stream.h"

#include "core/tabular_export.h"

namespace atb::tabular {
namespace {

void append_cell(std::string& out, std::string_view cell, char delimiter) {
  const std::string safe = neutralise_cell(cell);
  const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
  if (safe.find_first_of(specials) == std::string::npos) {
    out += safe;
    return;
  }
  out += '"';
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Result<char> parse_delimiter(const std::optional<std::string>& text, std::string_view field) {
  const std::string t = text.value_or("");
  if (t.empty() || t == "semicolon" || t == ";") return ';';
  if (t == "comma" || t == ",") return ',';
  return Error::invalid_field(std::string(field),
                              {"Atdalītājs ir semicolon (;) vai comma (,).",
                               "The delimiter is semicolon (;) or comma (,)."});
}

void append_csv_row(std::string& out, const std::vector<std::string>& cells, char delimiter) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += delimiter;
    append_cell(out, cells[i], delimiter);
  }
  out += "\r\n";
}

Error reader_gone() {
  return Error{Errc::unavailable, Text{"Saņēmējs pārtrauca lejupielādi.", "The reader went away."},
               {}, "export sink refused a piece"};
}

CsvWriter::CsvWriter(PieceSink sink, char delimiter, std::size_t piece_size)
    : sink_(std::move(sink)), delimiter_(delimiter), piece_size_(piece_size) {
  buffer_.reserve(piece_size_ + 4096);
}

Result<void> CsvWriter::header(const std::vector<std::string>& cells) {
  buffer_ += "\xEF\xBB\xBF";
  append_csv_row(buffer_, cells, delimiter_);
  return ok();
}

Result<void> CsvWriter::row(const std::vector<std::string>& cells) {
  append_csv_row(buffer_, cells, delimiter_);
  ++rows_;
  if (buffer_.size() >= piece_size_) return send();
  return ok();
}

Result<void> CsvWriter::finish() { return send(); }

Result<void> CsvWriter::send() {
  if (buffer_.empty()) return ok();
  std::string piece;
  piece.reserve(piece_size_ + 4096);
  piece.swap(buffer_);
  if (!sink_(std::move(piece))) return reader_gone();
  return ok();
}

}  // namespace atb::tabular
