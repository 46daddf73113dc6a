// Table exports: formula-injection defence, CSV bytes and XLSX read back with unzip.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/tabular_export.h"
#include "support/pdf_text.h"

namespace atb::tabular {
namespace {

/// The member `member` of the ZIP file `bytes` (`unzip -p`).
std::string unzip_member(const std::string& bytes, const std::string& member) {
  return test::tool_output(bytes, "unzip -p", member);
}

TEST(Export, NeutraliseCell) {
  EXPECT_EQ(neutralise_cell("=1+1"), "'=1+1");
  EXPECT_EQ(neutralise_cell("+37120000000"), "'+37120000000");
  EXPECT_EQ(neutralise_cell("-5"), "'-5");
  EXPECT_EQ(neutralise_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(neutralise_cell("\tx"), "'\tx");
  EXPECT_EQ(neutralise_cell("\rx"), "'\rx");
  EXPECT_EQ(neutralise_cell("Bērziņa"), "Bērziņa");
  EXPECT_EQ(neutralise_cell("a=b"), "a=b");
  EXPECT_EQ(neutralise_cell(" =1"), " =1");
  EXPECT_EQ(neutralise_cell(""), "");
}

TEST(Export, CsvDocumentBytes) {
  const std::string doc = csv_document(
      {"Vārds", "Piezīme"},
      {{"Anna", "=HYPERLINK(\"x\")"}, {"Jānis; Pēteris", "two\nlines"}, {"", "say \"hi\""}});
  EXPECT_EQ(doc,
            "\xEF\xBB\xBF"
            "Vārds;Piezīme\r\n"
            "Anna;\"'=HYPERLINK(\"\"x\"\")\"\r\n"
            "\"Jānis; Pēteris\";\"two\nlines\"\r\n"
            ";\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(csv_document({"a"}, {}),
            "\xEF\xBB\xBF"
            "a\r\n");
}

TEST(Export, CsvDocumentReadsBackWithTheImportReader) {
  const std::vector<std::vector<std::string>> rows{{"Šmits", "a;b", "-1"}, {"x\"y", "", "z"}};
  auto reader = csv::Reader::open(csv_document({"A", "B", "C"}, rows));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ';');
  std::vector<std::string> fields;
  ASSERT_TRUE(*reader->next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"Šmits", "a;b", "'-1"}));
  ASSERT_TRUE(*reader->next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"x\"y", "", "z"}));
}

TEST(Export, SheetNames) {
  EXPECT_EQ(excel_sheet_name("Klienti 2025/01"), "Klienti 2025_01");
  EXPECT_EQ(excel_sheet_name("[a]:*?\\"), "_a_____");
  EXPECT_EQ(excel_sheet_name("'quoted'"), "quoted");
  EXPECT_EQ(excel_sheet_name(""), "Sheet1");
  EXPECT_EQ(excel_sheet_name(std::string(40, 'x')), std::string(31, 'x'));
  // 31 characters, not bytes: ā takes two bytes.
  std::string long_lv;
  for (int i = 0; i < 40; ++i) long_lv += "ā";
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "ā";
  EXPECT_EQ(excel_sheet_name(long_lv), expected);
}

TEST(Export, XlsxHoldsTheTextsAsStrings) {
  auto doc = xlsx_document("Klienti: 2025", {"Vārds", "Uzvārds", "Piezīme"},
                           {{"Anna", "Bērziņa", "=1+1"},
                            {"Jānis", "Šmits", "+371 20000000"},
                            {"Žanis", "Ķēniņš", "<b>&amp;</b>"}});
  ASSERT_TRUE(doc) << doc.error().detail;
  ASSERT_GT(doc->size(), 100u);
  EXPECT_EQ(doc->substr(0, 2), "PK");  // a zip archive
  const std::string strings = unzip_member(*doc, "xl/sharedStrings.xml");
  ASSERT_FALSE(strings.empty()) << "unzip could not read the workbook";
  for (const char* text : {"Vārds", "Uzvārds", "Bērziņa", "Jānis", "Šmits", "Žanis", "Ķēniņš",
                           "'=1+1", "'+371 20000000", "&lt;b&gt;&amp;amp;&lt;/b&gt;"})
    EXPECT_NE(strings.find(text), std::string::npos) << text << " in " << strings;
  EXPECT_EQ(strings.find(">=1+1<"), std::string::npos);
  const std::string sheet = unzip_member(*doc, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);    // no formulas
  EXPECT_NE(sheet.find("<col "), std::string::npos);  // column widths are set
  EXPECT_NE(sheet.find("<pane"), std::string::npos);  // the header row is frozen
  const std::string workbook = unzip_member(*doc, "xl/workbook.xml");
  EXPECT_NE(workbook.find("Klienti_ 2025"), std::string::npos);
  const std::string styles = unzip_member(*doc, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);  // the bold header format
}

TEST(Export, XlsxRefusesCellsLongerThanExcelAllows) {
  auto doc = xlsx_document("x", {"a"}, {{std::string(32768, 'a')}});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, Errc::invalid);
  EXPECT_NE(doc.error().message.en.find("32,767"), std::string::npos);
  EXPECT_TRUE(xlsx_document("x", {"a"}, {{std::string(32767, 'a')}}));
}

TEST(Export, XlsxLeavesNoTemporaryFiles) {
  char dir[] = "/tmp/atbalsts-xlsx-tmp-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", dir, 1);
  auto doc = xlsx_document("x", {"a"}, {{"b"}});
  if (old)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  EXPECT_TRUE(doc);
  EXPECT_EQ(rmdir(dir), 0) << "temporary files were left in " << dir;
}

}  // namespace
}  // namespace atb::tabular
