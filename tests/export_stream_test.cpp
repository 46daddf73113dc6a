// The streaming export writers: CSV in pieces (BOM, ';' or ',', CRLF, quoting, neutralisation)
// equal to the whole-document CSV, XLSX in constant memory read back with unzip, the table PDF
// read back with pdftotext (Latvian letters, the header on every page, page numbers), the JSON
// table, and the refusals (bad delimiter or format, a PDF over its row limit, a reader gone).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/csv_stream.h"
#include "core/table_writer.h"
#include "core/tabular_export.h"
#include "core/tabular_pdf.h"
#include "core/xlsx_stream.h"
#include "support/pdf_text.h"

namespace atb::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader{"Vārds", "Uzvārds", "Piezīme"};
const Rows kRows{{"Anna", "Bērziņa", "=HYPERLINK(\"x\")"},
                 {"Jānis", "Šmits, jr.", "two\nlines"},
                 {"Žanis", "Ķēniņš; Ļoti", "+371 20000000"},
                 {"", "@SUM(A1)", "say \"hi\""}};

/// A sink collecting the pieces.
struct Collected {
  std::vector<std::string> pieces;
  std::string all() const {
    std::string s;
    for (const auto& p : pieces) s += p;
    return s;
  }
  PieceSink sink() {
    return [this](std::string piece) {
      pieces.push_back(std::move(piece));
      return true;
    };
  }
};

TEST(ExportStream, CsvInSmallPiecesEqualsTheWholeDocument) {
  Collected got;
  CsvWriter csv(got.sink(), ';', 16);  // tiny pieces: every row sends one
  ASSERT_TRUE(csv.header(kHeader));
  for (const auto& row : kRows) ASSERT_TRUE(csv.row(row));
  ASSERT_TRUE(csv.finish());
  EXPECT_EQ(csv.rows(), kRows.size());
  EXPECT_GE(got.pieces.size(), kRows.size());
  EXPECT_EQ(got.all(), csv_document(kHeader, kRows));
  EXPECT_EQ(got.all(),
            "\xEF\xBB\xBF"
            "Vārds;Uzvārds;Piezīme\r\n"
            "Anna;Bērziņa;\"'=HYPERLINK(\"\"x\"\")\"\r\n"
            "Jānis;Šmits, jr.;\"two\nlines\"\r\n"
            "Žanis;\"Ķēniņš; Ļoti\";'+371 20000000\r\n"
            ";'@SUM(A1);\"say \"\"hi\"\"\"\r\n");
}

TEST(ExportStream, CsvWithCommasQuotesCommasNotSemicolons) {
  Collected got;
  CsvWriter csv(got.sink(), ',');
  ASSERT_TRUE(csv.header(kHeader));
  for (const auto& row : kRows) ASSERT_TRUE(csv.row(row));
  ASSERT_TRUE(csv.finish());
  EXPECT_EQ(got.pieces.size(), 1u);  // all in one piece below 64 KiB
  EXPECT_EQ(got.all(),
            "\xEF\xBB\xBF"
            "Vārds,Uzvārds,Piezīme\r\n"
            "Anna,Bērziņa,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
            "Jānis,\"Šmits, jr.\",\"two\nlines\"\r\n"
            "Žanis,Ķēniņš; Ļoti,'+371 20000000\r\n"
            ",'@SUM(A1),\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(got.all(), csv_document(kHeader, kRows, ','));
  // The import reader (which detects the separator) reads the same cells back.
  auto reader = csv::Reader::open(got.all());
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ',');
  std::vector<std::string> fields;
  ASSERT_TRUE(*reader->next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"Anna", "Bērziņa", "'=HYPERLINK(\"x\")"}));
  ASSERT_TRUE(*reader->next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"Jānis", "Šmits, jr.", "two\nlines"}));
}

TEST(ExportStream, CsvStopsWhenTheReaderIsGone) {
  int calls = 0;
  CsvWriter csv([&](std::string) { return ++calls < 2; }, ';', 8);
  ASSERT_TRUE(csv.header(kHeader));
  ASSERT_TRUE(csv.row(kRows[0]));  // the first piece is taken
  auto refused = csv.row(kRows[1]);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::unavailable);
}

TEST(ExportStream, Delimiters) {
  EXPECT_EQ(*parse_delimiter(std::nullopt), ';');
  EXPECT_EQ(*parse_delimiter(std::string("")), ';');
  EXPECT_EQ(*parse_delimiter(std::string("semicolon")), ';');
  EXPECT_EQ(*parse_delimiter(std::string(";")), ';');
  EXPECT_EQ(*parse_delimiter(std::string("comma")), ',');
  EXPECT_EQ(*parse_delimiter(std::string(",")), ',');
  for (const char* bad : {"tab", "\t", "|", "Comma", "semicolon "}) {
    auto d = parse_delimiter(std::string(bad));
    ASSERT_FALSE(d) << bad;
    EXPECT_EQ(d.error().code, Errc::invalid);
    ASSERT_EQ(d.error().fields.size(), 1u);
    EXPECT_EQ(d.error().fields[0].field, "delimiter");
    EXPECT_NE(d.error().fields[0].message.lv.find("Atdalītājs"), std::string::npos);
  }
}

TEST(ExportStream, Formats) {
  const std::vector<Format> all{Format::csv, Format::xlsx, Format::pdf, Format::json};
  EXPECT_EQ(*parse_format("pdf", all), Format::pdf);
  auto bad = parse_format("docx", all);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields[0].field, "format");
  EXPECT_NE(bad.error().fields[0].message.en.find("csv, xlsx, pdf, json"), std::string::npos);
  EXPECT_FALSE(parse_format("json", {Format::csv}));
  EXPECT_EQ(content_type(Format::pdf), "application/pdf");
}

TEST(ExportStream, XlsxInConstantMemoryReadsBack) {
  auto writer = XlsxWriter::create("Personas: 2026", kHeader);
  ASSERT_TRUE(writer) << writer.error().detail;
  for (const auto& row : kRows) ASSERT_TRUE((*writer)->row(row));
  Collected got;
  ASSERT_TRUE((*writer)->finish(got.sink(), 1024));
  const std::string bytes = got.all();
  EXPECT_GT(got.pieces.size(), 1u);  // sent in pieces
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  const std::string sheet = test::tool_output(bytes, "unzip -p", "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty()) << "unzip could not read the workbook";
  for (const char* text : {"Vārds", "Uzvārds", "Bērziņa", "Šmits, jr.", "Ķēniņš; Ļoti",
                           "'=HYPERLINK(\"x\")", "'+371 20000000", "'@SUM(A1)"})
    EXPECT_NE(sheet.find(text), std::string::npos) << text << " in " << sheet;
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);    // never a formula
  EXPECT_NE(sheet.find("<pane"), std::string::npos);  // the header row is frozen
  EXPECT_NE(sheet.find("r=\"5\""), std::string::npos);  // header + 4 rows
  EXPECT_NE(test::tool_output(bytes, "unzip -p", "xl/workbook.xml").find("Personas_ 2026"),
            std::string::npos);
}

TEST(ExportStream, XlsxLeavesNoTemporaryFiles) {
  char dir[] = "/tmp/atbalsts-xlsx-stream-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", dir, 1);
  {
    auto writer = XlsxWriter::create("x", {"a"});
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->row({"b"}));
    Collected got;
    ASSERT_TRUE((*writer)->finish(got.sink()));
    auto abandoned = XlsxWriter::create("y", {"a"});  // never finished: still cleaned up
    ASSERT_TRUE(abandoned);
    ASSERT_TRUE((*abandoned)->row({"c"}));
  }
  if (old) setenv("TMPDIR", saved.c_str(), 1); else unsetenv("TMPDIR");
  EXPECT_EQ(rmdir(dir), 0) << "temporary files were left in " << dir;
}

TEST(ExportStream, TablePdfHasLatvianLettersHeaderOnEveryPageAndPageNumbers) {
  Rows rows;
  for (int i = 1; i <= 120; ++i)
    rows.push_back({"Žanis " + std::to_string(i), "Ķēniņš-Ūdris", "ā č ē ģ ī ķ ļ ņ š ū ž €"});
  auto pdf = pdf_document("Personu saraksts — Liepāja", kHeader, rows);
  ASSERT_TRUE(pdf) << pdf.error().detail;
  const std::string text = test::pdf_text(*pdf);
  ASSERT_FALSE(text.empty()) << "pdftotext could not read the PDF";
  const int pages = test::pdf_pages(text);
  ASSERT_GE(pages, 2);
  EXPECT_NE(text.find("Personu saraksts — Liepāja"), std::string::npos);
  EXPECT_NE(text.find("Žanis 120"), std::string::npos);
  std::string letters = text;  // pdftotext may drop the narrow spaces between single letters
  letters.erase(std::remove(letters.begin(), letters.end(), ' '), letters.end());
  EXPECT_NE(letters.find("āčēģīķļņšūž€"), std::string::npos) << text.substr(0, 600);
  // The header row on every page, and "Lapa N no M".
  std::size_t at = 0;
  for (int page = 1; page <= pages; ++page) {
    const std::size_t end = text.find('\f', at);
    const std::string one = text.substr(at, end - at);
    EXPECT_NE(one.find("Uzvārds"), std::string::npos) << "page " << page;
    EXPECT_NE(one.find("Lapa " + std::to_string(page) + " no " + std::to_string(pages)),
              std::string::npos) << one;
    at = end + 1;
  }
  // Landscape: wider than high.
  const std::string info = test::tool_output(*pdf, "pdfinfo");
  EXPECT_NE(info.find("841.89 x 595.276"), std::string::npos) << info;
}

TEST(ExportStream, TablePdfRefusesMoreThanItsLimit) {
  Rows rows(kPdfMaxRows + 1, std::vector<std::string>{"x"});
  auto pdf = pdf_document("x", {"a"}, rows);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, Errc::invalid);
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].field, "format");
  EXPECT_NE(pdf.error().message.en.find("CSV"), std::string::npos);
  // The table writer refuses as soon as the limit is passed.
  Collected got;
  auto writer = table_writer(Format::pdf, {"x", ';'}, got.sink());
  ASSERT_TRUE(writer->header({"a"}));
  Result<void> r = ok();
  for (std::size_t i = 0; i <= kPdfMaxRows && r; ++i) r = writer->row({"x"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "format");
}

TEST(ExportStream, JsonTableIsAnArrayOfObjects) {
  Collected got;
  auto writer = table_writer(Format::json, {"x", ';'}, got.sink());
  ASSERT_TRUE(writer->header(kHeader));
  for (const auto& row : kRows) ASSERT_TRUE(writer->row(row));
  ASSERT_TRUE(writer->finish());
  const auto parsed = nlohmann::json::parse(got.all());
  ASSERT_EQ(parsed.size(), kRows.size());
  EXPECT_EQ(parsed[0]["Uzvārds"], "Bērziņa");
  EXPECT_EQ(parsed[0]["Piezīme"], "=HYPERLINK(\"x\")");  // JSON is data, not a spreadsheet
  EXPECT_EQ(parsed[2]["Uzvārds"], "Ķēniņš; Ļoti");
}

}  // namespace
}  // namespace atb::tabular
