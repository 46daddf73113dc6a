#include "core/pdf_document.h"

#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <utility>

#include "core/csv.h"

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

}  // namespace

struct PdfDocument::Impl {
  mutable std::mutex mutex;
  PdfOptions opt;
  HPDF_Doc pdf = nullptr;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  double page_height = 0;
  double page_width = 0;
  double y = 0;           // top of the next line's box, PDF coordinates (from the bottom)
  std::string error;      // the first failure; empty while all is well
  bool finished = false;

  ~Impl() {
    if (pdf != nullptr) HPDF_Free(pdf);
  }

  bool ok() const { return error.empty() && !finished; }
  void fail(std::string what) {
    if (error.empty()) error = std::move(what);
  }
  /// libhpdf's error handler: remembers the first error of the document `user_data`.
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "libhpdf error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
    static_cast<Impl*>(user_data)->fail(buf);
  }
  double left() const { return opt.margin_left; }
  double text_width() const { return page_width - opt.margin_left - opt.margin_right; }
  double top() const { return page_height - opt.margin_top; }
  bool at_top() const { return y >= top(); }
  HPDF_Font font(bool is_bold) const { return is_bold ? bold : regular; }

  void new_page() {
    HPDF_Page page = HPDF_AddPage(pdf);
    if (page == nullptr) return fail("HPDF_AddPage failed");
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(page);
    page_height = HPDF_Page_GetHeight(page);
    page_width = HPDF_Page_GetWidth(page);
    y = top();
  }

  /// Starts a new page unless `height` still fits above the bottom margin (or this page is empty).
  void ensure(double height) {
    if (y - height < opt.margin_bottom && !at_top()) new_page();
  }

  /// Refuses text libhpdf would turn into garbage.
  bool check_text(std::string_view text) {
    if (csv::valid_utf8(text)) return true;
    fail("PdfDocument: text is not valid UTF-8");
    return false;
  }

  double measure(std::string_view text, HPDF_Font f, double size) const {
    if (text.empty()) return 0;
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(
        f, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    return tw.width * size / 1000.0;
  }

  /// `text` broken into lines no wider than `width`: at spaces, at '\n', and between letters
  /// for a word longer than a line. Tabs and '\r' count as spaces.
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
        line += ' ';
        line += word;
        line_w += space + w;
        return;
      }
      if (!line.empty()) flush();
      while (w > width) {  // a word wider than a line: as many letters as fit, at least one
        std::size_t cut = 0;
        double cut_w = 0;
        while (cut < word.size()) {
          const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(word[cut])), word.size() - cut);
          const double cw = measure(word.substr(cut, n), f, size);
          if (cut > 0 && cut_w + cw > width) break;
          cut += n;
          cut_w += cw;
        }
        line = std::string(word.substr(0, cut));
        flush();
        word.remove_prefix(cut);
        w = measure(word, f, size);
      }
      line = std::string(word);
      line_w = w;
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const char c = i < text.size() ? text[i] : '\n';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (i > start) add_word(text.substr(start, i - start));
        start = i + 1;
        if (c == '\n' && (i < text.size() || !line.empty() || lines.empty())) flush();
      }
    }
    return lines;
  }

  /// Draws one line in the box [x, x + width] with its baseline at `baseline`.
  void draw(std::string_view text, HPDF_Font f, double size, double x, double width,
            double baseline, PdfAlign align, HPDF_Page page = nullptr) {
    if (text.empty()) return;
    if (page == nullptr) page = pages.back();
    const double w = measure(text, f, size);
    if (align == PdfAlign::center) x += (width - w) / 2;
    if (align == PdfAlign::right) x += width - w;
    std::string s(text);
    for (auto at = s.find(kNoBreakSpace); at != std::string::npos; at = s.find(kNoBreakSpace, at)) {
      s.replace(at, kNoBreakSpace.size(), " ");
    }
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, f, size);
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), s.c_str());
    HPDF_Page_EndText(page);
  }

  /// Draws wrapped lines one under the other in [x, x + width], each moving to a new page
  /// when it does not fit; `label`, when given, goes right-aligned before the first line.
  void draw_lines(const std::vector<std::string>& lines, HPDF_Font f, double size, double x,
                  double width, PdfAlign align, std::string_view label = {}) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ensure(leading(size));
      if (i == 0 && !label.empty()) {
        draw(label, f, size, left(), x - left() - size * 0.4, baseline(size), PdfAlign::right);
      }
      draw(lines[i], f, size, x, width, baseline(size), align);
      y -= leading(size);
    }
  }

  /// Baseline of a line of `size` whose box starts at the cursor.
  double baseline(double size) const { return y - size; }

  void rule(double x1, double y1, double x2, double y2) {
    HPDF_Page page = pages.back();
    HPDF_Page_SetLineWidth(page, kRule);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2));
    HPDF_Page_Stroke(page);
  }

  /// The text lines of every cell of a table row (none for a missing cell).
  std::vector<std::vector<std::string>> wrap_cells(const std::vector<std::string>& cells,
                                                   const std::vector<double>& widths, bool is_bold,
                                                   double size) {
    std::vector<std::vector<std::string>> out(widths.size());
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c < cells.size()) out[c] = wrap(cells[c], font(is_bold), size, widths[c] - 2 * kCellPad);
    }
    return out;
  }

  /// Draws lines [from, to) of a wrapped row as one band of cells with rules around each.
  void draw_band(const std::vector<std::vector<std::string>>& cells,
                 const std::vector<double>& widths, const std::vector<PdfColumn>& columns,
                 std::size_t from, std::size_t to, bool is_header, double size) {
    const double h = static_cast<double>(to - from) * leading(size) + 2 * kCellPad;
    HPDF_Page page = pages.back();
    const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (is_header) {
      HPDF_Page_SetGrayFill(page, 0.9);
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(left()), static_cast<HPDF_REAL>(y - h),
                          static_cast<HPDF_REAL>(total), static_cast<HPDF_REAL>(h));
      HPDF_Page_Fill(page);
      HPDF_Page_SetGrayFill(page, 0);
    }
    HPDF_Page_SetLineWidth(page, kRule);
    double x = left();
    for (double w : widths) {  // the rules first: text may not start inside a path
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y - h),
                          static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
      x += w;
    }
    HPDF_Page_Stroke(page);
    x = left();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      for (std::size_t i = from; i < to && i < cells[c].size(); ++i) {
        const double base = y - kCellPad - static_cast<double>(i - from) * leading(size) - size;
        draw(cells[c][i], font(is_header), size, x + kCellPad, widths[c] - 2 * kCellPad, base,
             columns[c].align);
      }
      x += widths[c];
    }
    y -= h;
  }

  /// Draws a wrapped row, moving to a new page (and calling `on_new_page`, which draws the
  /// header) when it does not fit; a row taller than a whole page is split between lines.
  template <class OnNewPage>
  void draw_row(const std::vector<std::vector<std::string>>& cells,
                const std::vector<double>& widths, const std::vector<PdfColumn>& columns,
                bool is_header, double size, OnNewPage on_new_page) {
    std::size_t total = 1;
    for (const auto& c : cells) total = std::max(total, c.size());
    std::size_t done = 0;
    bool fresh = false;  // nothing but (perhaps) a header on this page yet
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
      on_new_page();
      fresh = true;
    }
  }
};

std::string pdf_no_break(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      out += kNoBreakSpace;
    } else {
      out += c;
    }
  }
  return out;
}

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::create(PdfOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->opt = std::move(options);
  Impl& d = *impl;
  d.pdf = HPDF_New(&Impl::on_error, &d);
  if (d.pdf == nullptr) return Error::internal("HPDF_New failed");
  HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(d.pdf);
  HPDF_SetCurrentEncoder(d.pdf, "UTF-8");
  for (auto [file, target] : {std::pair{"/DejaVuSans.ttf", &d.regular},
                              std::pair{"/DejaVuSans-Bold.ttf", &d.bold}}) {
    const std::string path = d.opt.font_dir + file;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      std::fclose(f);
    } else {
      return Error::internal("PdfDocument: cannot read font " + path);
    }
    const char* name = HPDF_LoadTTFontFromFile(d.pdf, path.c_str(), HPDF_TRUE);
    if (name != nullptr) *target = HPDF_GetFont(d.pdf, name, "UTF-8");
    if (*target == nullptr) d.fail("PdfDocument: cannot load font " + path);
  }
  if (!d.opt.title.empty() && d.check_text(d.opt.title)) {
    HPDF_SetInfoAttr(d.pdf, HPDF_INFO_TITLE, d.opt.title.c_str());
  }
  if (!d.opt.author.empty() && d.check_text(d.opt.author)) {
    HPDF_SetInfoAttr(d.pdf, HPDF_INFO_AUTHOR, d.opt.author.c_str());
  }
  HPDF_SetInfoAttr(d.pdf, HPDF_INFO_CREATOR, "Atbalsts");
  if (d.ok()) d.new_page();
  if (!d.ok()) return Error::internal(d.error);
  return PdfDocument(std::move(impl));
}

void PdfDocument::heading(std::string_view text, int level, PdfAlign align) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ok() || !d.check_text(text)) return;
  const double size = heading_size(level);
  const auto lines = d.wrap(text, d.bold, size, d.text_width());
  if (!d.at_top()) d.y -= size * 0.6;
  d.ensure(static_cast<double>(lines.size()) * leading(size) + 2 * leading(PdfTextStyle{}.size));
  d.draw_lines(lines, d.bold, size, d.left(), d.text_width(), align);
  d.y -= size * 0.4;
}

void PdfDocument::paragraph(std::string_view text, const PdfTextStyle& style) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ok() || !d.check_text(text)) return;
  const double width = d.text_width() - style.indent;
  d.draw_lines(d.wrap(text, d.font(style.bold), style.size, width), d.font(style.bold),
               style.size, d.left() + style.indent, width, style.align);
  if (!d.at_top()) d.y -= style.space_after;
}

void PdfDocument::numbered_list(const std::vector<std::string>& items, const PdfTextStyle& style) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  const HPDF_Font f = d.font(style.bold);
  const std::string widest = std::to_string(items.size()) + ".";
  const double x = d.left() + style.indent + d.measure(widest, f, style.size) + style.size * 0.4;
  const double width = d.left() + d.text_width() - x;
  for (std::size_t i = 0; i < items.size() && d.ok() && d.check_text(items[i]); ++i) {
    d.draw_lines(d.wrap(items[i], f, style.size, width), f, style.size, x, width, style.align,
                 std::to_string(i + 1) + ".");
    if (!d.at_top()) d.y -= style.space_after;
  }
}

void PdfDocument::key_value(std::string_view key, std::string_view value, double key_share) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ok() || !d.check_text(key) || !d.check_text(value)) return;
  const double size = PdfTextStyle{}.size;
  const double key_w = d.text_width() * std::clamp(key_share, 0.1, 0.9);
  const double gap = size;
  const auto keys = d.wrap(key, d.bold, size, key_w - gap);
  const auto values = d.wrap(value, d.regular, size, d.text_width() - key_w);
  for (std::size_t i = 0; i < std::max(keys.size(), values.size()); ++i) {
    d.ensure(leading(size));
    if (i < keys.size()) {
      d.draw(keys[i], d.bold, size, d.left(), key_w - gap, d.baseline(size), PdfAlign::left);
    }
    if (i < values.size()) {
      d.draw(values[i], d.regular, size, d.left() + key_w, d.text_width() - key_w,
             d.baseline(size), PdfAlign::left);
    }
    d.y -= leading(size);
  }
  d.y -= size * 0.25;
}

void PdfDocument::table(const std::vector<PdfColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ok()) return;
  double weights = 0;
  std::vector<std::string> titles;
  for (const auto& c : columns) {
    if (!(c.weight > 0)) return d.fail("PdfDocument::table: a column weight is not above zero");
    if (!d.check_text(c.title)) return;
    weights += c.weight;
    titles.push_back(c.title);
  }
  if (columns.empty()) return d.fail("PdfDocument::table: no columns");
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(d.text_width() * c.weight / weights);
  const double size = PdfTextStyle{}.size - 1;
  const auto header = d.wrap_cells(titles, widths, true, size);
  auto draw_header = [&] { d.draw_row(header, widths, columns, true, size, [] {}); };
  // Keep the header with the first row: both must fit, or both go to the next page.
  std::size_t header_lines = 1;
  for (const auto& c : header) header_lines = std::max(header_lines, c.size());
  d.ensure(static_cast<double>(header_lines + 1) * leading(size) + 4 * kCellPad);
  draw_header();
  for (const auto& row : rows) {
    if (row.size() > columns.size()) return d.fail("PdfDocument::table: a row has extra cells");
    for (const auto& cell : row) {
      if (!d.check_text(cell)) return;
    }
    d.draw_row(d.wrap_cells(row, widths, false, size), widths, columns, false, size, draw_header);
  }
  d.y -= PdfTextStyle{}.space_after;
}

void PdfDocument::signature(std::string_view role, std::string_view name) {
  Impl& d = *impl_;
  std::lock_guard lock(d.mutex);
  if (!d.ok() || !d.check_text(role) || !d.check_text(name)) return;
  const double size = PdfTextStyle{}.size;
  const double w = d.text_width();
  const double role_w = w * 0.4, line_x = d.left() + w * 0.42, line_w = w * 0.28;
  const double name_x = d.left() + w * 0.72, name_w = w * 0.28;
  const auto roles = d.wrap(role, d.regular, size, role_w);
  const auto names = d.wrap(name, d.regular, size, name_w);
  const std::size_t n = std::max(roles.size(), names.size());
  d.ensure(2 * leading(size) + static_cast<double>(n + 1) * leading(size));
  if (!d.at_top()) d.y -= 2 * leading(size);  // room to sign above the line
  const double first_base = d.baseline(size);
  d.rule(line_x, first_base - 2, line_x + line_w, first_base - 2);
  d.draw("(paraksts)", d.regular, 7.5, line_x, line_w, first_base - 2 - 9, PdfAlign::center);
  for (std::size_t i = 0; i < n; ++i) {
    if (i < roles.size()) d.draw(roles[i], d.regular, size, d.left(), role_w, d.baseline(size),
                                 PdfAlign::left);
    if (i < names.size()) d.draw(names[i], d.regular, size, name_x, name_w, d.baseline(size),
                                 PdfAlign::right);
    d.y -= leading(size);
  }
  d.y -= leading(size);
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
  if (!d.error.empty()) return Error::internal(d.error);
  std::string note;
  if (!d.opt.footer_note.empty() && d.check_text(d.opt.footer_note)) {
    const auto lines = d.wrap(d.opt.footer_note, d.regular, kFooterSize, d.text_width() * 0.6);
    if (!lines.empty()) note = lines.front();
  }
  const double base = d.opt.margin_bottom / 2 - kFooterSize / 2;
  const std::size_t total = d.pages.size();
  for (std::size_t i = 0; i < total; ++i) {
    const std::string number = "Lapa " + std::to_string(i + 1) + " no " + std::to_string(total);
    d.draw(number, d.regular, kFooterSize, d.left(), d.text_width(), base, PdfAlign::right,
           d.pages[i]);
    d.draw(note, d.regular, kFooterSize, d.left(), d.text_width(), base, PdfAlign::left,
           d.pages[i]);
  }
  if (d.error.empty()) HPDF_SaveToStream(d.pdf);
  std::string bytes;
  if (d.error.empty()) {
    bytes.resize(HPDF_GetStreamSize(d.pdf));
    HPDF_UINT32 got = static_cast<HPDF_UINT32>(bytes.size());
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
