#include "core/tabular_pdf.h"

#include <algorithm>
#include <cctype>

#include "core/pdf_document.h"

namespace atb::tabular {
namespace {

/// Rows sampled to size the columns (the first ones are representative enough).
constexpr std::size_t kSampleRows = 200;

/// Code points of UTF-8 text.
std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// Code points of the longest space-separated word of `text`.
std::size_t longest_word(std::string_view text) {
  std::size_t longest = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    longest = std::max(longest, code_points(text.substr(0, space)));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return longest;
}

/// True when the text is a number as the exports print it ("12", "-3", "4,5", "12.5").
bool numeric(std::string_view text) {
  if (text.empty()) return false;
  std::size_t i = text.front() == '-' ? 1 : 0;
  if (i == text.size()) return false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',' && c != '.') return false;
  }
  return true;
}

/// Columns weighted by the length of their text (header and sampled rows, clamped so a long
/// text column does not squeeze the others to nothing); all-numeric columns align right.
std::vector<PdfColumn> columns_for(const std::vector<std::string>& header,
                                   const std::vector<std::vector<std::string>>& rows) {
  std::vector<PdfColumn> columns;
  const std::size_t sample = std::min(rows.size(), kSampleRows);
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::size_t longest = longest_word(header[c]);  // a header wraps at spaces, never in a word
    bool all_numeric = sample > 0;
    for (std::size_t r = 0; r < sample; ++r) {
      const std::string_view cell = c < rows[r].size() ? std::string_view(rows[r][c]) : "";
      longest = std::max(longest, code_points(cell));
      if (!cell.empty() && !numeric(cell)) all_numeric = false;
    }
    const double weight = static_cast<double>(std::clamp<std::size_t>(longest, 4, 40) + 2);  // + padding
    columns.push_back({header[c], weight, all_numeric ? PdfAlign::right : PdfAlign::left});
  }
  return columns;
}

}  // namespace

Error pdf_too_many_rows() {
  return Error{Errc::invalid,
               Text{"PDF var būt ne vairāk kā " + std::to_string(kPdfMaxRows) +
                        " rindas; lielākam sarakstam izvēlieties CSV vai XLSX.",
                    "A PDF holds at most " + std::to_string(kPdfMaxRows) +
                        " rows; choose CSV or XLSX for a larger list."},
               {FieldError{"format", Text{"PDF šim apjomam nav pieejams; izvēlieties CSV vai XLSX.",
                                          "PDF is not available for this size; choose CSV or XLSX."}}},
               {}};
}

Result<std::string> pdf_document(std::string_view title, const std::vector<std::string>& header,
                                 const std::vector<std::vector<std::string>>& rows) {
  if (rows.size() > kPdfMaxRows) return pdf_too_many_rows();
  if (header.empty()) return Error::internal("tabular::pdf_document: no columns");
  PdfOptions options;
  options.title = std::string(title);
  options.landscape = true;
  options.margin_left = options.margin_right = 42.5;  // 15 mm each side: room for wide tables
  options.margin_top = options.margin_bottom = 42.5;
  auto document = PdfDocument::create(std::move(options));
  if (!document) return document.error();
  document->heading(title, 2);
  document->table(columns_for(header, rows), rows);
  return document->finish();
}

}  // namespace atb::tabular
