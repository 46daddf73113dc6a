// A table as a PDF: the printable counterpart of tabular_export's CSV and XLSX. A landscape A4
// page in DejaVu Sans (every Latvian letter right and copyable), the title on the first page, a
// bold header row repeated at the top of every page, the cells wrapped within their columns, and
// "Lapa N no M" at the foot of every page.
//
// A PDF is built whole in memory (libhpdf cannot stream), so it is meant for reports and short
// lists: a table over kPdfMaxRows rows is refused (Errc::invalid, "use CSV or XLSX") rather than
// let a national list grow a document of tens of thousands of pages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace atb::tabular {

/// The most rows a table PDF holds (about 500 pages); more is refused with a message that
/// suggests CSV or XLSX.
inline constexpr std::size_t kPdfMaxRows = 10000;

/// The refusal of a table over kPdfMaxRows rows (invalid, naming `format`, suggesting CSV or XLSX).
Error pdf_too_many_rows();

/// The bytes of a landscape A4 PDF with `title` as its heading and one table: `header` in bold
/// (repeated on every page), then `rows` (a row shorter than the header is padded with empty
/// cells; a longer one is an error). Column widths follow the length of the columns' text.
/// Fails with Errc::invalid over kPdfMaxRows rows, Errc::internal when libhpdf or a font fails.
Result<std::string> pdf_document(std::string_view title, const std::vector<std::string>& header,
                                 const std::vector<std::vector<std::string>>& rows);

}  // namespace atb::tabular
