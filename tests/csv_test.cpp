// The CSV reader for imports: encodings, separators, quoting, errors by row and line, volume.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace atb::csv {
namespace {

using Rows = std::vector<std::vector<std::string>>;

/// All records of `bytes`, failing the test on any error.
Rows read_all(std::string_view bytes, const Options& options = {}) {
  auto reader = Reader::open(bytes, options);
  EXPECT_TRUE(reader) << (reader ? "" : reader.error().fields[0].message.en);
  if (!reader) return {};
  Rows rows;
  std::vector<std::string> fields;
  for (;;) {
    auto more = reader->next(fields);
    EXPECT_TRUE(more) << (more ? "" : more.error().message.en);
    if (!more || !*more) break;
    rows.push_back(fields);
  }
  return rows;
}

std::string en(const Error& e) {
  return e.message.en;
}
std::string lv(const Error& e) {
  return e.message.lv;
}

TEST(Csv, SemicolonsWithBomAndCrlf) {
  const std::string file =
      "\xEF\xBB\xBF Vārds ;Uzvārds;Personas kods\r\nAnna;Bērziņa;010190-10001\r\n"
      "Jānis;Ozols;\r\n";
  auto reader = Reader::open(file);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ';');
  EXPECT_EQ(reader->header(), (std::vector<std::string>{"Vārds", "Uzvārds", "Personas kods"}));
  EXPECT_EQ(reader->column("VĀRDS"), 0u);
  EXPECT_EQ(reader->column(" personas KODS "), 2u);
  EXPECT_FALSE(reader->column("Adrese"));
  EXPECT_EQ(reader->total_bytes(), file.size() - 3);
  EXPECT_EQ(read_all(file), (Rows{{"Anna", "Bērziņa", "010190-10001"}, {"Jānis", "Ozols", ""}}));
}

TEST(Csv, CommasAndNoTrailingNewline) {
  auto reader = Reader::open("name,surname,note\nAnna,Liepa,\"a; b\"");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ',');
  EXPECT_EQ(read_all("name,surname,note\nAnna,Liepa,\"a; b\""), (Rows{{"Anna", "Liepa", "a; b"}}));
}

TEST(Csv, SeparatorIsCountedOutsideQuotes) {
  auto reader = Reader::open("\"a,b,c\";d\n1;2\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->separator(), ';');
  EXPECT_EQ(reader->header(), (std::vector<std::string>{"a,b,c", "d"}));
  auto tie = Reader::open("single\nvalue\n");
  ASSERT_TRUE(tie);
  EXPECT_EQ(tie->separator(), ';');
}

TEST(Csv, QuotedFieldsFollowRfc4180) {
  const std::string file =
      "a;b;c\n"
      "\"say \"\"hi\"\"\";\"x;y\";\"line1\r\nline2\nline3\"\n"
      "\"\";plain \"quote\" inside;\"after\"text\n";
  EXPECT_EQ(read_all(file), (Rows{{"say \"hi\"", "x;y", "line1\r\nline2\nline3"},
                                  {"", "plain \"quote\" inside", "aftertext"}}));
}

TEST(Csv, RowAndLineNumbers) {
  const std::string file =
      "\n\na;b\n"           // header on line 3
      "1;\"two\nlines\"\n"  // row 1, lines 4–5
      "\n"                  // line 6: empty, skipped
      ";\n"                 // line 7: blank record, skipped
      "2;x\r\n"             // row 2, line 8
      "3;y";                // row 3, line 9
  auto reader = Reader::open(file);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->row(), 0u);
  EXPECT_EQ(reader->line(), 3u);
  std::vector<std::string> fields;
  const std::pair<std::size_t, std::size_t> expected[] = {{1, 4}, {2, 8}, {3, 9}};
  for (const auto& [row, line] : expected) {
    auto more = reader->next(fields);
    ASSERT_TRUE(more && *more);
    EXPECT_EQ(reader->row(), row);
    EXPECT_EQ(reader->line(), line);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"3", "y"}));
  auto end = reader->next(fields);
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);
  EXPECT_TRUE(fields.empty());
  EXPECT_EQ(reader->consumed_bytes(), reader->total_bytes());
}

TEST(Csv, WrongColumnCountIsTheCallersCheckAndReadingGoesOn) {
  auto reader = Reader::open("a;b;c\n1;2;3\n1;2\n4;5;6;7\n8;9;10\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> fields;
  std::vector<std::string> problems;
  std::size_t good = 0;
  for (;;) {
    auto more = reader->next(fields);
    ASSERT_TRUE(more);
    if (!*more) break;
    if (auto width = reader->check_width(fields); !width)
      problems.push_back(lv(width.error()));
    else
      ++good;
  }
  EXPECT_EQ(good, 2u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "2. datu rinda (faila 3. rindiņa): 2 kolonnas, bet galvenē ir 3.");
  EXPECT_EQ(problems[1], "3. datu rinda (faila 4. rindiņa): 4 kolonnas, bet galvenē ir 3.");
  std::vector<std::string> one{"x"};
  auto err = reader->check_width(one);
  ASSERT_FALSE(err);
  EXPECT_NE(en(err.error()).find("1 column, but the header has 3."), std::string::npos);
}

TEST(Csv, UnclosedQuoteNamesRowAndLineThenEnds) {
  auto reader = Reader::open("a;b\n1;2\n3;\"open\nmore\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> fields;
  ASSERT_TRUE(*reader->next(fields));
  auto bad = reader->next(fields);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::invalid);
  EXPECT_EQ(lv(bad.error()),
            "2. datu rinda (faila 3. rindiņa): pēdiņas nav aizvērtas līdz faila beigām.");
  EXPECT_EQ(en(bad.error()),
            "Data row 2 (line 3 of the file): a quote is not closed before the end of the file.");
  auto end = reader->next(fields);
  ASSERT_TRUE(end);
  EXPECT_FALSE(*end);
  auto header = Reader::open("\"a;b\n1;2\n");
  ASSERT_FALSE(header);
  EXPECT_NE(en(header.error()).find("header row (line 1"), std::string::npos);
}

TEST(Csv, TooManyColumnsAndTooLongFieldsAreRowErrors) {
  Options options;
  options.max_columns = 3;
  options.max_field_bytes = 5;
  auto reader = Reader::open("a;b;c\n1;2;3;4;5\n123456;x;y\n\"12\"\"34\";x;y\nok;x;y\n", options);
  ASSERT_TRUE(reader);
  std::vector<std::string> fields;
  auto many = reader->next(fields);
  ASSERT_FALSE(many);
  EXPECT_EQ(lv(many.error()), "1. datu rinda (faila 2. rindiņa): vairāk nekā 3 kolonnas.");
  EXPECT_EQ(en(many.error()), "Data row 1 (line 2 of the file): more than 3 columns.");
  auto longer = reader->next(fields);
  ASSERT_FALSE(longer);
  EXPECT_EQ(lv(longer.error()),
            "2. datu rinda (faila 3. rindiņa): 1. lauks ir garāks par 5 baitiem.");
  EXPECT_EQ(en(longer.error()), "Data row 2 (line 3 of the file): field 1 is longer than 5 bytes.");
  auto exact = reader->next(fields);  // "12"34" is five bytes
  ASSERT_TRUE(exact && *exact);
  EXPECT_EQ(fields, (std::vector<std::string>{"12\"34", "x", "y"}));
  auto after = reader->next(fields);
  ASSERT_TRUE(after && *after);
  EXPECT_EQ(fields, (std::vector<std::string>{"ok", "x", "y"}));
  EXPECT_EQ(reader->row(), 4u);
  EXPECT_FALSE(Reader::open("a;b;c;d\n", options));
}

TEST(Csv, EmptyFilesHaveNoHeader) {
  for (const char* empty : {"", "\xEF\xBB\xBF", "\r\n\n", ";;\n"}) {
    auto r = Reader::open(empty);
    ASSERT_FALSE(r) << empty;
    EXPECT_EQ(lv(r.error()), "Fails ir tukšs: tajā nav galvenes rindas.");
  }
  auto header_only = read_all("a;b\n");
  EXPECT_TRUE(header_only.empty());
}

TEST(Csv, NonUtf8IsRefusedUnlessWindows1257IsGiven) {
  // "Šmits;Bērziņš" in Windows-1257: Š = 0xD0, ē = 0xE7, ņ = 0xF2, š = 0xF0.
  const std::string file = "Uzv\xE2rds;Piez\xEEme\n\xD0mits;B\xE7rzi\xF2\xF0\n";
  auto refused = Reader::open(file);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::invalid);
  EXPECT_EQ(lv(refused.error()),
            "Fails nav UTF-8 kodējumā. Ja tas saglabāts Windows-1257 (Baltic) kodējumā, norādiet "
            "--encoding windows-1257.");
  EXPECT_EQ(en(refused.error()),
            "The file is not UTF-8. If it was saved as Windows-1257 (Baltic), give --encoding "
            "windows-1257.");
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "file");

  Options cp1257;
  cp1257.windows1257 = true;
  auto reader = Reader::open(file, cp1257);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (std::vector<std::string>{"Uzvārds", "Piezīme"}));
  EXPECT_EQ(read_all(file, cp1257), (Rows{{"Šmits", "Bērziņš"}}));
  EXPECT_EQ(read_all("a;b\nx;y\n", cp1257), (Rows{{"x", "y"}}));  // ASCII is both

  auto already = Reader::open("Vārds\nŠmits\n", cp1257);
  ASSERT_FALSE(already);
  EXPECT_NE(en(already.error()).find("already is UTF-8"), std::string::npos);
  auto undefined = Reader::open("a\n\xA1\n", cp1257);  // 0xA1 is not defined in Windows-1257
  ASSERT_FALSE(undefined);
  EXPECT_NE(en(undefined.error()).find("Windows-1257 does not define"), std::string::npos);
}

TEST(Csv, Utf8Validation) {
  bool ascii = false;
  EXPECT_TRUE(valid_utf8("plain ascii text, long enough for words", &ascii));
  EXPECT_TRUE(ascii);
  EXPECT_TRUE(valid_utf8("Bērziņš 😀 and more ascii after it", &ascii));
  EXPECT_FALSE(ascii);
  EXPECT_FALSE(valid_utf8("abcdefgh\xC4"));            // truncated at the end
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));                // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80 surrogate"));  // UTF-16 surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));        // beyond U+10FFFF
  EXPECT_TRUE(valid_utf8(""));
  ascii = true;
  EXPECT_FALSE(valid_utf8("\xD0mits", &ascii));
  EXPECT_FALSE(ascii);
}

TEST(Csv, TwoHundredThousandRows) {
  const std::size_t rows = 200000;
  std::string file = "id;vārds;uzvārds;kods;adrese;piezīme;a;b;c;d\r\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    file += n + ";Anna" + n + ";Bērziņa;010190-10001;\"Rīga; Brīvības iela " + n + "\";" +
            (i % 7 == 0 ? "\"teksts ar \"\"pēdiņām\"\"\nun rindu\"" : "") + ";x;y;z;" + n + "\r\n";
  }
  const auto start = std::chrono::steady_clock::now();
  auto reader = Reader::open(file);
  ASSERT_TRUE(reader);
  std::vector<std::string> fields;
  std::size_t count = 0;
  for (;;) {
    auto more = reader->next(fields);
    ASSERT_TRUE(more);
    if (!*more) break;
    const std::string n = std::to_string(count);
    ASSERT_EQ(fields.size(), 10u);
    ASSERT_EQ(fields[0], n);
    ASSERT_EQ(fields[1], "Anna" + n);
    ASSERT_EQ(fields[4], "Rīga; Brīvības iela " + n);
    ASSERT_EQ(fields[5], count % 7 == 0 ? "teksts ar \"pēdiņām\"\nun rindu" : "");
    ASSERT_EQ(fields[9], n);
    ++count;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  EXPECT_EQ(count, rows);
  EXPECT_EQ(reader->row(), rows);
  std::printf("[ info ] 200k rows parsed in %lld ms (%zu bytes)\n",
              static_cast<long long>(ms.count()), file.size());
}

}  // namespace
}  // namespace atb::csv
