#include "core/csv.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>

namespace atb::csv {
namespace {

Error file_error(std::string lv, std::string en) {
  Text text{std::move(lv), std::move(en)};
  return Error{Errc::invalid, text, {FieldError{"file", text}}, {}};
}

Error not_utf8() {
  return file_error(
      "Fails nav UTF-8 kodējumā. Ja tas saglabāts Windows-1257 (Baltic) kodējumā, norādiet "
      "--encoding windows-1257.",
      "The file is not UTF-8. If it was saved as Windows-1257 (Baltic), give --encoding "
      "windows-1257.");
}

/// Converts Windows-1257 bytes to UTF-8 with ICU; fails on bytes the code page does not define.
Result<std::string> from_windows1257(std::string_view bytes) {
  if (bytes.size() > INT32_MAX / 3)
    return file_error("Fails ir pārāk liels, lai to pārkodētu.",
                      "The file is too large to convert.");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open("windows-1257", &status),
                                                         ucnv_close);
  if (U_FAILURE(status)) return Error::internal("ICU has no windows-1257 converter");
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(bytes.size() * 3 + 4, '\0');
  const int32_t size =
      ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status))
    return file_error("Failā ir baiti, kas Windows-1257 kodējumā nav definēti.",
                      "The file contains bytes that Windows-1257 does not define.");
  out.resize(static_cast<std::size_t>(size));
  return out;
}

/// The Latvian noun form after the number `n`: `one` for 1, 21, 31… (not 11), else `many`.
const char* lv_plural(std::size_t n, const char* one, const char* many) {
  return n % 10 == 1 && n % 100 != 11 ? one : many;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

/// ';' or ',', whichever occurs more often outside quotes in the first line from `pos`; ';' on a
/// tie, as Latvian Excel writes it.
char detect_separator(std::string_view data, std::size_t pos) {
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (; pos < data.size(); ++pos) {
    const char c = data[pos];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      break;
    else if (!quoted && c == ';')
      ++semicolons;
    else if (!quoted && c == ',')
      ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

}  // namespace

bool valid_utf8(std::string_view bytes, bool* ascii) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const std::size_t n = bytes.size();
  bool all_ascii = true;
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {  // eight ASCII bytes at a time
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    all_ascii = false;
    // U8_NEXT takes an int32_t length: check a bounded window around the sequence.
    const auto window = static_cast<int32_t>(std::min<std::size_t>(n - i, 4));
    int32_t j = 0;
    UChar32 c;
    U8_NEXT(s + i, j, window, c);
    if (c < 0) {
      if (ascii) *ascii = false;
      return false;
    }
    i += static_cast<std::size_t>(j);
  }
  if (ascii) *ascii = all_ascii;
  return true;
}

Result<Reader> Reader::open(std::string_view bytes, const Options& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  Reader r;
  r.options_ = options;
  bool ascii = true;
  const bool utf8 = valid_utf8(bytes, &ascii);
  if (!options.windows1257) {
    if (!utf8) return not_utf8();
    r.data_.assign(bytes);
  } else if (ascii) {
    r.data_.assign(bytes);
  } else if (utf8) {
    return file_error("Fails jau ir UTF-8 kodējumā; nenorādiet --encoding windows-1257.",
                      "The file already is UTF-8; do not give --encoding windows-1257.");
  } else {
    ATB_TRY_ASSIGN_TO(r.data_, from_windows1257(bytes));
  }
  r.sep_ = detect_separator(r.data_, r.data_.find_first_not_of("\r\n"));
  for (unsigned char c : {static_cast<unsigned char>(r.sep_), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r')})
    r.stops_[c] = true;
  std::size_t count = 0;
  const Status status = r.parse_record(r.header_, count);
  r.row_ = 0;  // the header is row 0; data rows count from 1
  switch (status) {
    case Status::ok:
      break;
    case Status::end:
      return file_error("Fails ir tukšs: tajā nav galvenes rindas.",
                        "The file is empty: it has no header row.");
    case Status::unclosed_quote:
      return r.record_error("pēdiņas nav aizvērtas līdz faila beigām.",
                            "a quote is not closed before the end of the file.");
    case Status::field_too_long:
    case Status::too_many_columns:
      return r.record_error("galvenē ir pārāk daudz kolonnu vai pārāk gari nosaukumi.",
                            "the header has too many columns or too long names.");
  }
  r.header_.resize(count);
  for (std::string& name : r.header_) name = std::string(trim(name));
  return r;
}

std::optional<std::size_t> Reader::column(std::string_view name) const {
  const auto wanted = icu::UnicodeString::fromUTF8(std::string(trim(name)));
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (icu::UnicodeString::fromUTF8(header_[i]).caseCompare(wanted, U_FOLD_CASE_DEFAULT) == 0)
      return i;
  }
  return std::nullopt;
}

Result<bool> Reader::next(std::vector<std::string>& fields) {
  std::size_t count = 0;
  const Status status = parse_record(fields, count);
  fields.resize(std::min(count, fields.size()));
  const std::size_t max = options_.max_columns;
  switch (status) {
    case Status::ok:
      return true;
    case Status::end:
      return false;
    case Status::unclosed_quote:
      return record_error("pēdiņas nav aizvērtas līdz faila beigām.",
                          "a quote is not closed before the end of the file.");
    case Status::field_too_long: {
      const std::size_t bytes = options_.max_field_bytes;
      return record_error(std::to_string(bad_field_) + ". lauks ir garāks par " +
                              std::to_string(bytes) + " " + lv_plural(bytes, "baitu", "baitiem") +
                              ".",
                          "field " + std::to_string(bad_field_) + " is longer than " +
                              std::to_string(bytes) + " bytes.");
    }
    case Status::too_many_columns:
      return record_error(
          "vairāk nekā " + std::to_string(max) + " " + lv_plural(max, "kolonna", "kolonnas") + ".",
          "more than " + std::to_string(max) + " columns.");
  }
  return false;
}

Result<void> Reader::check_width(const std::vector<std::string>& fields) const {
  const std::size_t n = fields.size(), h = header_.size();
  if (n == h) return ok();
  return record_error(std::to_string(n) + " " + lv_plural(n, "kolonna", "kolonnas") +
                          ", bet galvenē ir " + std::to_string(h) + ".",
                      std::to_string(n) + (n == 1 ? " column" : " columns") +
                          ", but the header has " + std::to_string(h) + ".");
}

Error Reader::record_error(const std::string& lv, const std::string& en) const {
  const std::string line = std::to_string(record_line_);
  if (row_ == 0)
    return file_error("Galvenes rinda (faila " + line + ". rindiņa): " + lv,
                      "The header row (line " + line + " of the file): " + en);
  const std::string row = std::to_string(row_);
  return file_error(row + ". datu rinda (faila " + line + ". rindiņa): " + lv,
                    "Data row " + row + " (line " + line + " of the file): " + en);
}

void Reader::skip_line_end() {
  if (pos_ < data_.size() && data_[pos_] == '\r') ++pos_;
  if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
  ++line_;
}

bool Reader::parse_field(std::string& out, bool& too_long) {
  const std::size_t max = options_.max_field_bytes;
  const char* data = data_.data();
  const std::size_t size = data_.size();
  const auto append = [&](std::size_t from, std::size_t to) {
    if (out.size() + (to - from) > max) {
      too_long = true;
      return;
    }
    out.append(data + from, to - from);
  };
  out.clear();
  if (pos_ < size && data[pos_] == '"') {
    ++pos_;
    for (;;) {
      const void* found = std::memchr(data + pos_, '"', size - pos_);
      if (!found) {
        line_ += static_cast<std::size_t>(std::count(data + pos_, data + size, '\n'));
        pos_ = size;
        return false;
      }
      const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - data);
      line_ += static_cast<std::size_t>(std::count(data + pos_, data + quote, '\n'));
      append(pos_, quote);
      pos_ = quote + 1;
      if (pos_ < size && data[pos_] == '"') {  // a doubled quote stands for one
        append(pos_, pos_ + 1);
        ++pos_;
        continue;
      }
      break;
    }
  }
  // Unquoted text, or text after a closing quote (kept as it is, as spreadsheets do).
  std::size_t end = pos_;
  while (end < size && !stops_[static_cast<unsigned char>(data[end])]) ++end;
  if (end > pos_) append(pos_, end);
  pos_ = end;
  return true;
}

Reader::Status Reader::parse_record(std::vector<std::string>& fields, std::size_t& count) {
  for (;;) {
    // Skip empty lines.
    while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) skip_line_end();
    if (pos_ >= data_.size()) return Status::end;
    record_line_ = line_;
    count = 0;
    bool too_long = false, too_many = false, blank = true;
    for (;;) {
      const bool overflow = count >= options_.max_columns;
      if (overflow) too_many = true;
      if (!overflow && count == fields.size()) fields.emplace_back();
      std::string& target = overflow ? overflow_ : fields[count];
      const bool was_too_long = too_long;
      if (!parse_field(target, too_long)) {
        ++row_;
        return Status::unclosed_quote;
      }
      if (too_long && !was_too_long) bad_field_ = count + 1;
      if (blank && !is_blank(target)) blank = false;
      if (!overflow) ++count;
      if (pos_ < data_.size() && data_[pos_] == sep_) {
        ++pos_;
        continue;
      }
      if (pos_ < data_.size()) skip_line_end();
      break;
    }
    if (blank && !too_long && !too_many) continue;
    ++row_;
    if (too_many) return Status::too_many_columns;
    if (too_long) return Status::field_too_long;
    return Status::ok;
  }
}

}  // namespace atb::csv
