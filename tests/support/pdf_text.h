// Reading PDFs back in tests with pdftotext (Debian poppler-utils).
#pragma once

#include <string>

namespace atb::test {

/// What pdftotext reads from the PDF `bytes` (UTF-8; with `layout`, -layout keeps the columns
/// of each line). Pages end with '\f'. Empty when pdftotext cannot run.
std::string pdf_text(const std::string& bytes, bool layout = false);

/// The text with every run of whitespace (line breaks, page breaks) made one space.
std::string flat(const std::string& text);

/// The number of pages in pdftotext's output (form feeds).
int pdf_pages(const std::string& text);

}  // namespace atb::test
