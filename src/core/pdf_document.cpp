#include "core/pdf_document.h"

#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <utility>

#include "core/csv.h"
#include "core/date.h"

namespace atb {
namespace {

constexpr double kLeading = 1.35;     // line height as a multiple of the font size
constexpr double kCellPad = 3;        // padding inside table cells, points
constexpr double kRule = 0.5;         // width of table rules and the signature line, points
constexpr double kFooterSize = 8;     // font size of the page foot

double leading(double size) { return size * kLeading; }

double heading_size(int level) { return level <= 1 ? 16 : level == 2 ? 13 : 11; }

constexpr std::string_view kNoBreakSpace = "\u00A0";

/// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for anything unexpected).
std::size_t sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/// Width of `text` set in `f` at `size` points.
double measure(std::string_view text, HPDF_Font f, double size) {
  if (text.empty()) return 0;
  const HPDF_TextWidth tw = HPDF_Font_TextWidth(
      f, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
  return tw.width * size / 1000.0;
}

/// `text` broken into lines no wider than `width`: at spaces, at '\n', and between letters for a
/// word longer than a line. Tabs and '\r' count as spaces. Empty text is one empty line.
std::vector<std::string> wrap(std::string_view text, HPDF_Font f, double size, double width) {
  std::vector<std::string> lines;
  const double space = measure(" ", f, size);
  std::string line;
  double line_w = 0;
  auto flush = [&] {
    lines.push_back(std::move(line));
    line.clear();
    line_w = 0;
  };
  auto add_word = [&](std::string_view word) {
    double w = measure(word, f, size);
    if (!line.empty() && line_w + space + w <= width) {
      (line += ' ') += word;
      line_w += space + w;
      return;
    }
    if (!line.empty()) flush();
    while (w > width) {  // a word wider than a line: as many letters as fit, at least one
      std::size_t cut = 0;
      for (double cut_w = 0; cut < word.size();) {
        const auto n = std::min(sequence_length(static_cast<unsigned char>(word[cut])),
                                word.size() - cut);
        cut_w += measure(word.substr(cut, n), f, size);
        if (cut > 0 && cut_w > width) break;
        cut += n;
      }
      line = word.substr(0, cut);
      flush();
      word.remove_prefix(cut);
      w = measure(word, f, size);
    }
    line = word;
    line_w = w;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\n';
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') continue;
    if (i > start) add_word(text.substr(start, i - start));
    start = i + 1;
    if (c == '\n' && (i < text.size() || !line.empty() || lines.empty())) flush();
  }
  return lines;
}

/// Wrapped text in a box of the page: lines, their font, the box [x, x + width], alignment.
struct Column {
  std::vector<std::string> lines;
  HPDF_Font font;
  double x, width;
  PdfAlign align;
};

}  // namespace

struct PdfDocument::Impl {
  mutable std::mutex mutex;
  PdfOptions opt;
  HPDF_Doc pdf = nullptr;
  HPDF_Font regular = nullptr, bold = nullptr;
  std::vector<HPDF_Page> pages;
  double page_height = 0, page_width = 0;
  double y = 0;           // top of the next line's box, PDF coordinates (from the bottom)
  std::string error;      // the first failure; empty while all is well
  bool finished = false;

  ~Impl() {
    if (pdf != nullptr) HPDF_Free(pdf);
  }

  /// libhpdf's error handler: remembers the first error of the document `user_data`.
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "libhpdf error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
    static_cast<Impl*>(user_data)->fail(buf);
  }
  void fail(std::string what) {
    if (error.empty()) error = std::move(what);
  }
  bool ok() const { return error.empty() && !finished; }
  /// ok(), and every text valid UTF-8 (which libhpdf would otherwise turn into garbage).
  bool ready(std::initializer_list<std::string_view> texts) {
    for (std::string_view t : texts) {
      if (!csv::valid_utf8(t)) fail("PdfDocument: text is not valid UTF-8");
    }
    return ok();
  }
  double left() const { return opt.margin_left; }
  double text_width() const { return page_width - opt.margin_left - opt.margin_right; }
  double top() const { return page_height - opt.margin_top; }
  bool at_top() const { return y >= top(); }
  HPDF_Font font(bool is_bold) const { return is_bold ? bold : regular; }
  /// Baseline of a line of `size` whose box starts at the cursor.
  double baseline(double size) const { return y - size; }

  void new_page() {
    HPDF_Page page = HPDF_AddPage(pdf);
    if (page == nullptr) return fail("HPDF_AddPage failed");
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
                      opt.landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    pages.push_back(page);
    page_height = HPDF_Page_GetHeight(page);
    page_width = HPDF_Page_GetWidth(page);
    y = top();
  }

  /// Starts a new page unless `height` still fits above the bottom margin (or this page is empty).
  void ensure(double height) {
    if (y - height < opt.margin_bottom && !at_top()) new_page();
  }

  /// Draws one line in the box [x, x + width] with its baseline at `base` (no-break spaces
  /// printed as spaces), on `page` or else the current page.
  void draw(std::string_view text, HPDF_Font f, double size, double x, double width, double base,
            PdfAlign align, HPDF_Page page = nullptr) {
    if (text.empty()) return;
    const double w = measure(text, f, size);
    x += align == PdfAlign::center ? (width - w) / 2 : align == PdfAlign::right ? width - w : 0;
    std::string s(text);
    for (auto at = s.find(kNoBreakSpace); at != std::string::npos; at = s.find(kNoBreakSpace, at)) {
      s.replace(at, kNoBreakSpace.size(), " ");
    }
    page = page != nullptr ? page : pages.back();
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, f, static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(base), s.c_str());
    HPDF_Page_EndText(page);
  }

  /// Draws columns side by side, line i of each on the same baseline; each line moves to a new
  /// page when it does not fit.
  void draw_columns(const std::vector<Column>& columns, double size) {
    std::size_t n = 0;
    for (const Column& c : columns) n = std::max(n, c.lines.size());
    for (std::size_t i = 0; i < n; ++i) {
      ensure(leading(size));
      for (const Column& c : columns) {
        if (i < c.lines.size()) draw(c.lines[i], c.font, size, c.x, c.width, baseline(size), c.align);
      }
      y -= leading(size);
    }
  }

  /// Adds a rectangle (or, with zero height, a line) to the current path of the page.
  void path_box(double x, double bottom, double w, double h) {
    HPDF_Page page = pages.back();
    if (h == 0) {
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(bottom));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x + w), static_cast<HPDF_REAL>(bottom));
    } else {
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(bottom),
                          static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    }
  }

  /// The text lines of every cell of a table row (none for a missing cell).
  std::vector<std::vector<std::string>> wrap_cells(const std::vector<std::string>& cells,
                                                   const std::vector<double>& widths,
                                                   bool is_bold, double size) const {
    std::vector<std::vector<std::string>> out(widths.size());
    for (std::size_t c = 0; c < widths.size() && c < cells.size(); ++c) {
      out[c] = wrap(cells[c], font(is_bold), size, widths[c] - 2 * kCellPad);
    }
    return out;
  }

  /// Draws lines [from, to) of a wrapped row as one band of cells with rules around each (a grey
  /// background for the header).
  void draw_band(const std::vector<std::vector<std::string>>& cells,
                 const std::vector<double>& widths, const std::vector<PdfColumn>& columns,
                 std::size_t from, std::size_t to, bool is_header, double size) {
    const double h = static_cast<double>(to - from) * leading(size) + 2 * kCellPad;
    HPDF_Page page = pages.back();
    if (is_header) {
      HPDF_Page_SetGrayFill(page, 0.9);
      path_box(left(), y - h, std::accumulate(widths.begin(), widths.end(), 0.0), h);
      HPDF_Page_Fill(page);
      HPDF_Page_SetGrayFill(page, 0);
    }
    HPDF_Page_SetLineWidth(page, kRule);
    double x = left();
    for (double w : widths) {
      path_box(x, y - h, w, h);
      x += w;
    }
    HPDF_Page_Stroke(page);  // the rules first: text may not start inside a path
    x = left();
    for (std::size_t c = 0; c < widths.size(); x += widths[c], ++c) {
      for (std::size_t i = from; i < to && i < cells[c].size(); ++i) {
        const double base = y - kCellPad - static_cast<double>(i - from) * leading(size) - size;
        draw(cells[c][i], font(is_header), size, x + kCellPad, widths[c] - 2 * kCellPad, base,
             columns[c].align);
      }
    }
    y -= h;
  }

  /// Draws a wrapped row; when it does not fit, starts a new page and draws `header` (if any)
  /// there first. A row taller than a whole page is split between its lines.
  void draw_row(const std::vector<std::vector<std::string>>& cells,
                const std::vector<double>& widths, const std::vector<PdfColumn>& columns,
                bool is_header, double size,
                const std::vector<std::vector<std::string>>* header = nullptr) {
    std::size_t total = 1, done = 0;
    for (const auto& c : cells) total = std::max(total, c.size());
    bool fresh = false;  // nothing but (perhaps) the header on this page yet
    while (done < total && ok()) {
      const double room = y - opt.margin_bottom - 2 * kCellPad;
      auto fit = room > 0 ? static_cast<std::size_t>(std::floor(room / leading(size))) : 0;
      if (fresh || at_top()) fit = std::max<std::size_t>(fit, 1);  // always make progress
      if (fit >= total - done || fresh || at_top()) {
        const std::size_t to = std::min(total, done + fit);
        draw_band(cells, widths, columns, done, to, is_header, size);
        done = to;
        continue;
      }
      new_page();
      if (header != nullptr) draw_row(*header, widths, columns, true, size);
      fresh = true;
    }
  }
};

std::string pdf_no_break(std::string_view text) {
  std::string out;
  for (char c : text) out += c == ' ' ? kNoBreakSpace : std::string_view(&c, 1);
  return out;
}

std::string pdf_date(std::string_view iso) {
  const auto d = parse_date(iso);
  if (!d) return std::string(iso);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d.", d->day, d->month, d->year);
  return buf;
}

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::create(PdfOptions options) {
  auto impl = std::make_unique<Impl>();
  Impl& d = *impl;
  d.opt = std::move(options);
  d.pdf = HPDF_New(&Impl::on_error, &d);
  if (d.pdf == nullptr) return Error::internal("HPDF_New failed");
  HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(d.pdf);
  HPDF_SetCurrentEncoder(d.pdf, "UTF-8");
  for (auto [file, target] : {std::pair{"/DejaVuSans.ttf", &d.regular},
                              std::pair{"/DejaVuSans-Bold.ttf", &d.bold}}) {
    const std::string path = d.opt.font_dir + file;
    const char* name = HPDF_LoadTTFontFromFile(d.pdf, path.c_str(), HPDF_TRUE);
    if (name != nullptr) *target = HPDF_GetFont(d.pdf, name, "UTF-8");
    if (*target == nullptr) return Error::internal("PdfDocument: cannot load font " + path + ": " + d.error);
  }
  if (!d.ready({d.opt.title, d.opt.author, d.opt.footer_note})) return Error::internal(d.error);
  if (!d.opt.title.empty()) HPDF_SetInfoAttr(d.pdf, HPDF_INFO_TITLE, d.opt.title.c_str());
  if (!d.opt.author.empty()) HPDF_SetInfoAttr(d.pdf, HPDF_INFO_AUTHOR, d.opt.author.c_str());
  HPDF_SetInfoAttr(d.pdf, HPDF_INFO_CREATOR, "Atbalsts");
  d.new_page();
  if (!d.ok()) return Error::internal(d.error);
  return PdfDocument(std::move(impl));
}

void PdfDocument::heading(std::string_view text, int level, PdfAlign align) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ready({text})) return;
  const double size = heading_size(level);
  Column c{wrap(text, d.bold, size, d.text_width()), d.bold, d.left(), d.text_width(), align};
  if (!d.at_top()) d.y -= size * 0.6;
  d.ensure(static_cast<double>(c.lines.size()) * leading(size) + 2 * leading(PdfTextStyle{}.size));
  d.draw_columns({c}, size);
  d.y -= size * 0.4;
}

void PdfDocument::paragraph(std::string_view text, const PdfTextStyle& style) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ready({text})) return;
  const double width = d.text_width() - style.indent;
  const HPDF_Font f = d.font(style.bold);
  d.draw_columns({{wrap(text, f, style.size, width), f, d.left() + style.indent, width,
                   style.align}},
                 style.size);
  if (!d.at_top()) d.y -= style.space_after;
}

void PdfDocument::numbered_list(const std::vector<std::string>& items, const PdfTextStyle& style) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  const HPDF_Font f = d.font(style.bold);
  const double label_w = measure(std::to_string(items.size()) + ".", f, style.size);
  const double x = d.left() + style.indent + label_w + style.size * 0.4;
  const double width = d.left() + d.text_width() - x;
  for (std::size_t i = 0; i < items.size() && d.ready({items[i]}); ++i) {
    d.draw_columns({{{std::to_string(i + 1) + "."}, f, d.left() + style.indent, label_w,
                     PdfAlign::right},
                    {wrap(items[i], f, style.size, width), f, x, width, style.align}},
                   style.size);
    if (!d.at_top()) d.y -= style.space_after;
  }
}

void PdfDocument::key_value(std::string_view key, std::string_view value, double key_share) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ready({key, value})) return;
  const double size = PdfTextStyle{}.size;
  const double key_w = d.text_width() * std::clamp(key_share, 0.1, 0.9);
  const double value_w = d.text_width() - key_w;
  d.draw_columns({{wrap(key, d.bold, size, key_w - size), d.bold, d.left(), key_w - size,
                   PdfAlign::left},
                  {wrap(value, d.regular, size, value_w), d.regular, d.left() + key_w, value_w,
                   PdfAlign::left}},
                 size);
  d.y -= size * 0.25;
}

void PdfDocument::table(const std::vector<PdfColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (columns.empty()) return d.fail("PdfDocument::table: no columns");
  double weights = 0;
  std::vector<std::string> titles;
  for (const auto& c : columns) {
    if (!(c.weight > 0)) return d.fail("PdfDocument::table: a column weight is not above zero");
    if (!d.ready({c.title})) return;
    weights += c.weight;
    titles.push_back(c.title);
  }
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(d.text_width() * c.weight / weights);
  const double size = PdfTextStyle{}.size - 1;
  const auto header = d.wrap_cells(titles, widths, true, size);
  // Keep the header with the first row: both must fit, or both go to the next page.
  std::size_t header_lines = 1;
  for (const auto& c : header) header_lines = std::max(header_lines, c.size());
  d.ensure(static_cast<double>(header_lines + 1) * leading(size) + 4 * kCellPad);
  d.draw_row(header, widths, columns, true, size);
  for (const auto& row : rows) {
    if (row.size() > columns.size()) return d.fail("PdfDocument::table: a row has extra cells");
    for (const auto& cell : row) {
      if (!d.ready({cell})) return;
    }
    d.draw_row(d.wrap_cells(row, widths, false, size), widths, columns, false, size, &header);
  }
  d.y -= PdfTextStyle{}.space_after;
}

void PdfDocument::signature(std::string_view role, std::string_view name,
                            std::string_view date_caption) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ready({role, name, date_caption})) return;
  const double size = PdfTextStyle{}.size, w = d.text_width();
  const double line_x = d.left() + w * 0.42, line_w = w * 0.28;
  const std::vector<Column> columns{
      {wrap(role, d.regular, size, w * 0.4), d.regular, d.left(), w * 0.4, PdfAlign::left},
      {wrap(name, d.regular, size, w * 0.28), d.regular, d.left() + w * 0.72, w * 0.28,
       PdfAlign::right}};
  const auto n = std::max(columns[0].lines.size(), columns[1].lines.size());
  const double date_h = date_caption.empty() ? 0 : 3 * leading(size);
  d.ensure(static_cast<double>(n + 3) * leading(size) + date_h);
  if (!d.at_top()) d.y -= 2 * leading(size);  // room to sign above the line
  // A line to write on at baseline offset `below` under the cursor, with `caption` under it.
  auto rule = [&](double below, std::string_view caption) {
    const double line_y = d.baseline(size) - below - 2;
    HPDF_Page_SetLineWidth(d.pages.back(), kRule);
    d.path_box(line_x, line_y, line_w, 0);
    HPDF_Page_Stroke(d.pages.back());
    d.draw(caption, d.regular, 7.5, line_x, line_w, line_y - 9, PdfAlign::center);
  };
  rule(0, "(paraksts)");
  if (!date_caption.empty()) rule(date_h, date_caption);
  d.draw_columns(columns, size);
  d.y -= leading(size) + std::max(0.0, date_h - static_cast<double>(n - 1) * leading(size));
}

void PdfDocument::space(double points) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (d.ok() && !d.at_top()) d.y = std::max(d.y - points, d.opt.margin_bottom);
}

void PdfDocument::page_break() {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (d.ok()) d.new_page();
}

int PdfDocument::page_count() const {
  std::lock_guard lock(impl_->mutex);
  return static_cast<int>(impl_->pages.size());
}

Result<std::string> PdfDocument::finish() {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (d.finished) return Error::internal("PdfDocument::finish called twice");
  if (!d.ok()) return Error::internal(d.error);
  const auto note = wrap(d.opt.footer_note, d.regular, kFooterSize, d.text_width() * 0.6);
  const double base = d.opt.margin_bottom / 2 - kFooterSize / 2;
  const std::size_t total = d.pages.size();
  for (std::size_t i = 0; i < total; ++i) {
    const std::string number = "Lapa " + std::to_string(i + 1) + " no " + std::to_string(total);
    d.draw(number, d.regular, kFooterSize, d.left(), d.text_width(), base, PdfAlign::right,
           d.pages[i]);
    d.draw(note.front(), d.regular, kFooterSize, d.left(), d.text_width(), base, PdfAlign::left,
           d.pages[i]);
  }
  std::string bytes;
  if (d.error.empty() && HPDF_SaveToStream(d.pdf) == HPDF_OK) {
    bytes.resize(HPDF_GetStreamSize(d.pdf));
    auto got = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(d.pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got);
    bytes.resize(got);
  }
  d.finished = true;
  HPDF_Free(d.pdf);
  d.pdf = nullptr;
  if (!d.error.empty()) return Error::internal(d.error);
  if (bytes.empty()) return Error::internal("PdfDocument: libhpdf wrote no bytes");
  return bytes;
}

}  // namespace atb
