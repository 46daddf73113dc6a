#include "core/xlsx_stream.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>

#include "core/tabular_export.h"
#include "core/temp_file.h"

namespace atb::tabular {
namespace {

Error too_much(std::string lv, std::string en) {
  return Error{Errc::invalid, Text{std::move(lv), std::move(en)},
               {FieldError{"format", Text{"Izvēlieties CSV.", "Choose CSV."}}}, {}};
}

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

static_assert(kXlsxMaxRows + 1 == LXW_ROW_MAX, "a sheet is the header and kXlsxMaxRows rows");

Error xlsx_too_many_rows() {
  return too_much("XLSX var būt ne vairāk kā 1 048 575 rindas (Excel ierobežojums); izvēlieties CSV.",
                  "An XLSX holds at most 1,048,575 rows (Excel's limit); choose CSV.");
}

struct XlsxWriter::Impl {
  TempFile file{".xlsx"};
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  std::string cell;  // reused for each neutralised cell

  ~Impl() {
    if (workbook) workbook_close(workbook);  // frees it (and its temporary files)
  }

  lxw_error write(lxw_row_t row, const std::vector<std::string>& cells, lxw_format* format) {
    for (std::size_t col = 0; col < cells.size() && col < LXW_COL_MAX; ++col) {
      if (cells[col].empty()) continue;
      cell = neutralise_cell(cells[col]);
      const lxw_error err =
          worksheet_write_string(sheet, row, static_cast<lxw_col_t>(col), cell.c_str(), format);
      if (err != LXW_NO_ERROR) return err;
    }
    return LXW_NO_ERROR;
  }
};

XlsxWriter::XlsxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWriter::~XlsxWriter() = default;

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(std::string_view sheet_name,
                                                       const std::vector<std::string>& header) {
  auto impl = std::make_unique<Impl>();
  if (!impl->file.ok()) return Error::internal("mkstemps failed in " + impl->file.dir());
  lxw_workbook_options options{LXW_TRUE, impl->file.dir().data(), LXW_TRUE};  // constant memory, zip64
  impl->workbook = workbook_new_opt(impl->file.path().c_str(), &options);
  if (!impl->workbook) return Error::internal("libxlsxwriter could not create " + impl->file.path());
  const std::string name = excel_sheet_name(sheet_name);
  impl->sheet = workbook_add_worksheet(impl->workbook, name.c_str());
  lxw_format* bold = workbook_add_format(impl->workbook);
  if (!impl->sheet || !bold) return Error::internal("libxlsxwriter could not add a sheet");
  format_set_bold(bold);
  for (std::size_t col = 0; col < header.size() && col < LXW_COL_MAX; ++col) {
    const double width = static_cast<double>(std::clamp<std::size_t>(code_points(header[col]) + 4, 8, 40));
    worksheet_set_column(impl->sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                         width, nullptr);
  }
  worksheet_freeze_panes(impl->sheet, 1, 0);
  if (const lxw_error err = impl->write(0, header, bold); err != LXW_NO_ERROR)
    return Error::internal(std::string("xlsx: ") + lxw_strerror(err));
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(impl)));
}

Result<void> XlsxWriter::row(const std::vector<std::string>& cells) {
  if (rows_ >= kXlsxMaxRows) return xlsx_too_many_rows();
  const lxw_error err = impl_->write(static_cast<lxw_row_t>(rows_ + 1), cells, nullptr);
  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    return too_much("Eksporta šūnā ir vairāk nekā 32 767 rakstzīmes, ko Excel neatļauj.",
                    "A cell of the export has more than 32,767 characters, which Excel does not allow.");
  if (err != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(err));
  ++rows_;
  return ok();
}

Result<void> XlsxWriter::finish(const PieceSink& sink, std::size_t piece_size) {
  const lxw_error closed = workbook_close(impl_->workbook);
  impl_->workbook = nullptr;
  if (closed != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(closed));
  std::ifstream in(impl_->file.path(), std::ios::binary);
  if (!in) return Error::internal("cannot read the exported workbook " + impl_->file.path());
  std::string piece(piece_size, '\0');
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece_size));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    if (!sink(piece.substr(0, got))) return reader_gone();
  }
  if (in.bad()) return Error::internal("cannot read the exported workbook " + impl_->file.path());
  return ok();
}

}  // namespace atb::tabular
