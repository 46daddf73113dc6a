// Reading generated files back in tests: PDFs with pdftotext (Debian poppler-utils), and any
// file with a command-line tool (e.g. unzip for XLSX).
#pragma once

#include <string>

namespace atb::test {

/// Writes `bytes` to a temporary file and returns the standard output of the shell command
/// `before 'FILE' after` (standard error discarded). Empty when the command cannot run.
std::string tool_output(const std::string& bytes, const std::string& before, const std::string& after = "");

/// What pdftotext reads from the PDF `bytes` (UTF-8; with `layout`, -layout keeps the columns
/// of each line). Pages end with '\f'. Empty when pdftotext cannot run.
std::string pdf_text(const std::string& bytes, bool layout = false);

/// The text with every run of whitespace (line breaks, page breaks) made one space.
std::string flat(const std::string& text);

/// The number of pages in pdftotext's output (form feeds).
int pdf_pages(const std::string& text);

}  // namespace atb::test
