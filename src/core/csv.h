// A CSV reader for imports: the whole file in memory, UTF-8 (or Windows-1257 when asked), ';' or
// ',' separated (detected from the header line), RFC 4180 quoting, LF or CRLF line ends.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace atb::csv {

/// How to read a file.
struct Options {
  bool windows1257 = false;            ///< the bytes are Windows-1257 (Baltic); convert to UTF-8
  std::size_t max_field_bytes = 4096;  ///< a longer field is an error for its row
  std::size_t max_columns = 100;       ///< a record with more fields is an error for its row
};

/// True when `bytes` is well-formed UTF-8. `ascii`, when given, is set to whether all bytes < 0x80.
bool valid_utf8(std::string_view bytes, bool* ascii = nullptr);

/// Reads records one by one. The first non-blank record is the header; blank records (no field
/// with anything but spaces or tabs, e.g. empty lines or ";;;") are skipped and not counted.
///
/// Errors of one record (a field over max_field_bytes, more than max_columns fields) consume that
/// record, so the caller may report them and call next() again. An unclosed quote runs to the end
/// of the file: next() reports it once and then returns false. A record whose field count differs
/// from the header's is NOT an error of next(): the caller checks it with check_width().
class Reader {
 public:
  /// Takes the file's bytes (copied), skips a UTF-8 BOM, checks or converts the encoding, detects
  /// the separator and reads the header. Fails on bad encoding, an empty file or a bad header.
  static Result<Reader> open(std::string_view bytes, const Options& options = {});

  /// The header's names, trimmed of spaces and tabs.
  const std::vector<std::string>& header() const { return header_; }
  /// The index of the header column called `name` (trimmed, compared case-insensitively in any
  /// script: "VĀRDS" finds "Vārds"); nullopt when there is none.
  std::optional<std::size_t> column(std::string_view name) const;

  /// Reads the next record into `fields` (its strings are reused; fields.size() becomes the
  /// record's field count). Returns false at the end, or an error naming the row and line.
  Result<bool> next(std::vector<std::string>& fields);
  /// An error naming the row and line when `fields` (the record just read) does not have as many
  /// fields as the header; ok otherwise.
  Result<void> check_width(const std::vector<std::string>& fields) const;

  /// 1-based data row number of the record just read (the header is row 0).
  std::size_t row() const { return row_; }
  /// 1-based physical line of the file where the record just read starts.
  std::size_t line() const { return record_line_; }
  /// Bytes of the (UTF-8) text read so far; with total_bytes() for progress reports.
  std::size_t consumed_bytes() const { return pos_; }
  /// Bytes of the (UTF-8) text in all, without a BOM.
  std::size_t total_bytes() const { return data_.size(); }
  /// ';' or ','.
  char separator() const { return sep_; }

 private:
  enum class Status { ok, end, unclosed_quote, field_too_long, too_many_columns };

  Reader() = default;
  /// Parses the next non-blank record at pos_; `count` is set to its number of fields.
  Status parse_record(std::vector<std::string>& fields, std::size_t& count);
  /// Parses one field at pos_ into `out`; false when its quote is not closed.
  bool parse_field(std::string& out, bool& too_long);
  /// Skips one line end (LF, CRLF or a lone CR) at pos_, counting the line.
  void skip_line_end();
  /// The error for the record just read: `lv` and `en` follow "row N (line L): ".
  Error record_error(const std::string& lv, const std::string& en) const;

  std::string data_;
  Options options_;
  std::vector<std::string> header_;
  std::array<bool, 256> stops_{};  ///< the bytes that end an unquoted field
  std::string overflow_;           ///< where fields past max_columns are parsed and dropped
  char sep_ = ';';
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t row_ = 0;
  std::size_t record_line_ = 0;
  std::size_t bad_field_ = 0;  ///< 1-based field that was over max_field_bytes
};

}  // namespace atb::csv
