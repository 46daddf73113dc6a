#include "core/table_writer.h"

#include <nlohmann/json.hpp>

#include "core/tabular_pdf.h"
#include "core/xlsx_stream.h"

namespace atb::tabular {
namespace {

constexpr std::size_t kPiece = 64 * 1024;

class CsvTable final : public TableWriter {
 public:
  CsvTable(PieceSink sink, char delimiter) : csv_(std::move(sink), delimiter, kPiece) {}
  Result<void> header(const std::vector<std::string>& cells) override { return csv_.header(cells); }
  Result<void> row(const std::vector<std::string>& cells) override { return csv_.row(cells); }
  Result<void> finish() override { return csv_.finish(); }

 private:
  CsvWriter csv_;
};

class XlsxTable final : public TableWriter {
 public:
  XlsxTable(std::string title, PieceSink sink) : title_(std::move(title)), sink_(std::move(sink)) {}
  Result<void> header(const std::vector<std::string>& cells) override {
    ATB_TRY_ASSIGN(writer, XlsxWriter::create(title_, cells));
    writer_ = std::move(writer);
    return ok();
  }
  Result<void> row(const std::vector<std::string>& cells) override {
    if (!writer_) return Error::internal("xlsx: row before header");
    return writer_->row(cells);
  }
  Result<void> finish() override {
    if (!writer_) return Error::internal("xlsx: finish before header");
    return writer_->finish(sink_, kPiece);
  }

 private:
  std::string title_;
  PieceSink sink_;
  std::unique_ptr<XlsxWriter> writer_;
};

class PdfTable final : public TableWriter {
 public:
  PdfTable(std::string title, PieceSink sink) : title_(std::move(title)), sink_(std::move(sink)) {}
  Result<void> header(const std::vector<std::string>& cells) override {
    header_ = cells;
    return ok();
  }
  Result<void> row(const std::vector<std::string>& cells) override {
    if (rows_.size() >= kPdfMaxRows) return pdf_too_many_rows();
    rows_.push_back(cells);
    return ok();
  }
  Result<void> finish() override {
    ATB_TRY_ASSIGN(bytes, pdf_document(title_, header_, rows_));
    for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
      if (!sink_(bytes.substr(at, kPiece))) return reader_gone();
    }
    return ok();
  }

 private:
  std::string title_;
  PieceSink sink_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

class JsonTable final : public TableWriter {
 public:
  explicit JsonTable(PieceSink sink) : sink_(std::move(sink)) {}
  Result<void> header(const std::vector<std::string>& cells) override {
    header_ = cells;
    buffer_ = "[";
    return ok();
  }
  Result<void> row(const std::vector<std::string>& cells) override {
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i < cells.size() && i < header_.size(); ++i) object[header_[i]] = cells[i];
    if (rows_++ > 0) buffer_ += ",";
    buffer_ += "\n";
    buffer_ += object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (buffer_.size() >= kPiece) return send();
    return ok();
  }
  Result<void> finish() override {
    buffer_ += "\n]\n";
    return send();
  }

 private:
  Result<void> send() {
    std::string piece;
    piece.swap(buffer_);
    if (!sink_(std::move(piece))) return reader_gone();
    return ok();
  }

  PieceSink sink_;
  std::vector<std::string> header_;
  std::string buffer_;
  std::size_t rows_ = 0;
};

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::csv: return "csv";
    case Format::xlsx: return "xlsx";
    case Format::pdf: return "pdf";
    case Format::json: return "json";
  }
  return "csv";
}

std::string_view content_type(Format f) {
  switch (f) {
    case Format::csv: return "text/csv; charset=utf-8";
    case Format::xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case Format::pdf: return "application/pdf";
    case Format::json: return "application/json";
  }
  return "application/octet-stream";
}

Result<Format> parse_format(std::string_view text, const std::vector<Format>& allowed,
                            std::string_view field) {
  std::string names;
  for (Format f : allowed) {
    if (format_name(f) == text) return f;
    names += (names.empty() ? "" : ", ") + std::string(format_name(f));
  }
  return Error::invalid_field(std::string(field),
                              {"Formāts ir viens no: " + names + ".", "The format is one of: " + names + "."});
}

std::unique_ptr<TableWriter> table_writer(Format format, TableOptions options, PieceSink sink) {
  switch (format) {
    case Format::xlsx: return std::make_unique<XlsxTable>(std::move(options.title), std::move(sink));
    case Format::pdf: return std::make_unique<PdfTable>(std::move(options.title), std::move(sink));
    case Format::json: return std::make_unique<JsonTable>(std::move(sink));
    case Format::csv: break;
  }
  return std::make_unique<CsvTable>(std::move(sink), options.delimiter);
}

}  // namespace atb::tabular
