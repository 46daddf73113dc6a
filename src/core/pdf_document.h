// A small PDF writer for A4 documents in Latvian (decisions, certificates, letters) over libhpdf
// (Haru). Text is UTF-8, set in embedded DejaVu Sans / DejaVu Sans Bold, so every Latvian letter
// (ā č ē ģ ī ķ ļ ņ š ū ž, €, —) comes out right and can be copied back from the PDF.
//
// The document is a flow: headings, paragraphs, key/value rows, tables and signature blocks are
// laid out top to bottom between the margins, each wrapped at word boundaries, and a new page
// starts whenever the next line would not fit. finish() writes "Lapa N no M" at the foot of every
// page and returns the bytes.
//
// Failures are sticky: the first libhpdf error (reported through its error handler) or invalid
// input is remembered, later calls do nothing, and finish() returns it as Error::internal.
// Every member function locks the instance, so one document may be filled from several threads
// (in whatever order they come); separate documents are independent.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace atb {

/// Horizontal alignment of a line of text within its box.
enum class PdfAlign { left, center, right };

/// How a paragraph is set.
struct PdfTextStyle {
  double size = 10.5;         ///< font size in points
  bool bold = false;          ///< DejaVu Sans Bold instead of DejaVu Sans
  PdfAlign align = PdfAlign::left;
  double indent = 0;          ///< extra left indent of every line, points
  double space_after = 6;     ///< vertical space after the paragraph, points
};

/// One column of a table.
struct PdfColumn {
  std::string title;          ///< header text (bold, may wrap)
  double weight = 1;          ///< share of the text width, relative to the other columns' weights
  PdfAlign align = PdfAlign::left;  ///< alignment of the column's cells (the header follows it)
};

/// Page set-up and document information. Lengths are in points (1 mm ≈ 2.835 pt).
struct PdfOptions {
  std::string title;          ///< document information: title
  std::string author;         ///< document information: author (e.g. the municipality)
  std::string footer_note;    ///< printed at the left of every page's foot (e.g. a reference)
  double margin_left = 70.9;  ///< 25 mm
  double margin_right = 42.5; ///< 15 mm
  double margin_top = 56.7;   ///< 20 mm
  double margin_bottom = 56.7;///< 20 mm; the page number sits in the lower half of it
  bool landscape = false;     ///< A4 landscape (wide tables) instead of portrait
  /// Directory of DejaVuSans.ttf and DejaVuSans-Bold.ttf (Debian package fonts-dejavu-core).
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
};

/// `text` with every space replaced by a no-break space, so that it is never split across lines
/// ("1 234,56 €" stays whole). The PDF shows, and pdftotext reads back, plain spaces.
std::string pdf_no_break(std::string_view text);

/// A date as Latvian documents print it: "2026-02-03" → "03.02.2026."; anything that is not a
/// real "YYYY-MM-DD" date is returned as given.
std::string pdf_date(std::string_view iso);

/// An A4 portrait PDF being written. Movable, not copyable. A moved-from document may only be
/// destroyed or assigned to.
class PdfDocument {
 public:
  /// A new document with one empty page; loads and embeds the two fonts. Fails (internal) when
  /// libhpdf cannot start or a font file is missing or unreadable.
  static Result<PdfDocument> create(PdfOptions options = {});

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  /// A bold heading: level 1 is 16 pt, level 2 is 13 pt, 3 and below are 11 pt. It moves to a new
  /// page rather than stand alone at the foot of one (keeps room for two more lines below it).
  void heading(std::string_view text, int level = 1, PdfAlign align = PdfAlign::left);

  /// A paragraph wrapped at spaces within the text width (a word longer than a line is broken
  /// between letters). '\n' starts a new line within the paragraph. A no-break space (U+00A0,
  /// see pdf_no_break) keeps its neighbours on one line and is printed as a plain space.
  void paragraph(std::string_view text, const PdfTextStyle& style = {});

  /// A numbered list ("1.", "2.", …): the numbers right-aligned in a narrow column, each item
  /// wrapped beside its number (a hanging indent); `style.space_after` follows every item.
  void numbered_list(const std::vector<std::string>& items, const PdfTextStyle& style = {});

  /// A row of two columns: `key` in bold in the first `key_share` of the text width, `value`
  /// wrapped in the rest. Rows in a sequence line up.
  void key_value(std::string_view key, std::string_view value, double key_share = 0.35);

  /// A table with a bold header row and thin rules around every cell; cells wrap within their
  /// column. A row never splits across pages; the header is repeated on every new page.
  /// Rows with fewer cells than columns are padded with empty cells; extra cells are an error.
  void table(const std::vector<PdfColumn>& columns,
             const std::vector<std::vector<std::string>>& rows);

  /// A signature block: `role` at the left, a line to sign on with "(paraksts)" under it, and
  /// `name` at the right. With a `date_caption` (e.g. "(datums)"), a second line to write the
  /// date on follows under the first, the caption under it. Kept together on one page.
  void signature(std::string_view role, std::string_view name,
                 std::string_view date_caption = {});

  /// Vertical space in points (nothing at the top of a page).
  void space(double points);

  /// Starts a new page now.
  void page_break();

  /// The number of pages so far.
  int page_count() const;

  /// Numbers the pages ("Lapa N no M"), adds the footer note and returns the PDF's bytes, or the
  /// first error met while writing. Call once; the document accepts nothing after it.
  Result<std::string> finish();

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace atb
