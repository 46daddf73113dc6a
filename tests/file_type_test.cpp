// Attachment types judged by content: a table of small hand-built files, and hostile inputs.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/file_type.h"

namespace atb {
namespace {

using namespace std::string_literals;

/// `v` as `width` little-endian bytes.
std::string le(std::uint32_t v, int width) {
  std::string out;
  for (int i = 0; i < width; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

/// A ZIP of stored entries {name, data}: local headers, then the central directory and its end.
/// With `central` false, only the local headers (a prefix of a larger file).
std::string zip(const std::vector<std::pair<std::string, std::string>>& entries,
                bool central = true) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::string sizes = le(0, 4) + le(static_cast<std::uint32_t>(data.size()), 4) +
                              le(static_cast<std::uint32_t>(data.size()), 4);  // crc, sizes
    out += "PK\3\4" + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + sizes +
           le(static_cast<std::uint32_t>(name.size()), 2) + le(0, 2) + name + data;
    directory += "PK\1\2" + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + sizes +
                 le(static_cast<std::uint32_t>(name.size()), 2) + le(0, 2) + le(0, 2) +
                 le(0, 2) + le(0, 2) + le(0, 4) + le(offset, 4) + name;
  }
  if (!central) return out;
  const auto count = static_cast<std::uint32_t>(entries.size());
  const auto start = static_cast<std::uint32_t>(out.size());
  out += directory + "PK\5\6" + le(0, 2) + le(0, 2) + le(count, 2) + le(count, 2) +
         le(static_cast<std::uint32_t>(directory.size()), 4) + le(start, 4) + le(0, 2);
  return out;
}

std::string ooxml(const std::string& folder, const std::string& part) {
  return zip({{"[Content_Types].xml", "<Types/>"}, {"_rels/.rels", "<Relationships/>"},
              {folder + part, "<x/>"}});
}

std::string odf(const std::string& type) {
  return zip({{"mimetype", "application/vnd.oasis.opendocument." + type},
              {"content.xml", "<office:document-content/>"}, {"META-INF/manifest.xml", "<m/>"}});
}

/// An OLE2 compound file with 512-byte sectors whose directory holds `streams`.
std::string ole(const std::vector<std::string>& streams) {
  std::string out = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"s + std::string(22, '\0') + le(9, 2);
  out.resize(512, '\0');
  std::vector<std::string> names{"Root Entry"};
  names.insert(names.end(), streams.begin(), streams.end());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string entry;
    for (char c : names[i]) entry += std::string{c, '\0'};
    entry.resize(64, '\0');
    entry += le(static_cast<std::uint32_t>(2 * (names[i].size() + 1)), 2);
    entry += static_cast<char>(i == 0 ? 5 : 2);
    entry.resize(128, '\0');
    out += entry;
  }
  return out;
}

const std::string kPng = "\x89PNG\r\n\x1a\n"s + le(13, 4) + "IHDR" + std::string(13, '\0');
const std::string kJpeg = "\xff\xd8\xff\xe0\0\x10JFIF\0"s;
const std::string kGif = "GIF89a\x01\0\x01\0\x80\0\0"s;
const std::string kWebp = "RIFF"s + le(30, 4) + "WEBPVP8 " + std::string(10, '\0');
const std::string kTiffLe = "II*\0\x08\0\0\0"s;
const std::string kTiffBe = "MM\0*\0\0\0\x08"s;
const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"s;

struct Case {
  const char* label;
  std::string name;
  std::string bytes;
  const char* extension;  // expected safe extension; "" when refused
  FileRefusal refusal;
};

TEST(FileType, TableOfTypes) {
  const std::vector<Case> cases{
      {"pdf", "atzinums.pdf", kPdf, "pdf", FileRefusal::none},
      {"png", "foto.PNG", kPng, "png", FileRefusal::none},
      {"jpeg", "foto.jpeg", kJpeg, "jpg", FileRefusal::none},
      {"gif", "a.gif", kGif, "gif", FileRefusal::none},
      {"webp", "a.webp", kWebp, "webp", FileRefusal::none},
      {"tiff le", "skenējums.tiff", kTiffLe, "tif", FileRefusal::none},
      {"tiff be", "skenējums.tif", kTiffBe, "tif", FileRefusal::none},
      {"docx", "vienošanās.docx", ooxml("word/", "document.xml"), "docx", FileRefusal::none},
      {"xlsx", "budžets.xlsx", ooxml("xl/", "workbook.xml"), "xlsx", FileRefusal::none},
      {"pptx", "slaidi.pptx", ooxml("ppt/", "presentation.xml"), "pptx", FileRefusal::none},
      {"docx prefix", "a.docx", zip({{"[Content_Types].xml", "<T/>"}, {"word/d.xml", "<d/>"}},
                                    false),
       "docx", FileRefusal::none},
      {"odt", "vēstule.odt", odf("text"), "odt", FileRefusal::none},
      {"ods", "tabula.ods", odf("spreadsheet"), "ods", FileRefusal::none},
      {"doc", "vecs.doc", ole({"WordDocument", "\x01" "CompObj"}), "doc", FileRefusal::none},
      {"xls", "vecs.xls", ole({"Workbook"}), "xls", FileRefusal::none},
      {"rtf", "a.rtf", "{\\rtf1\\ansi Sveiki}", "rtf", FileRefusal::none},
      {"text", "piezīme.txt", "Ģimene apmeklēja dienestu.\r\nViss kārtībā.\n", "txt",
       FileRefusal::none},
      {"text with bom", "a.csv", "\xef\xbb\xbfvārds;summa\nĀris;12\n", "txt", FileRefusal::none},
      {"no extension", "README", "teksts", "txt", FileRefusal::none},
      // Hostile or unknown content.
      {"exe named pdf", "atzinums.pdf", "MZ\x90\0\x03\0\0\0"s, "", FileRefusal::executable},
      {"elf", "a.txt", "\x7f" "ELF\x02\x01\x01"s, "", FileRefusal::executable},
      {"mach-o", "a.png", "\xcf\xfa\xed\xfe\x07\0\0\x01"s, "", FileRefusal::executable},
      {"script", "a.txt", "#!/bin/sh\nrm -rf /\n", "", FileRefusal::executable},
      {"html named txt", "a.txt", "<!DOCTYPE html><html><script>alert(1)</script>", "",
       FileRefusal::markup},
      {"html after text", "a.txt", "Sveiki!\n<ScRiPt>alert(1)</script>", "", FileRefusal::markup},
      {"svg", "a.svg", "<?xml version=\"1.0\"?><svg onload=\"x()\"/>", "", FileRefusal::markup},
      {"svg no prolog", "a.txt", "\n  <svg xmlns=\"http://www.w3.org/2000/svg\"/>", "",
       FileRefusal::markup},
      {"plain zip", "a.docx", zip({{"a.exe", "MZ"}, {"b.txt", "x"}}), "", FileRefusal::archive},
      {"docm", "a.docx",
       zip({{"[Content_Types].xml", "<T/>"}, {"word/document.xml", "<d/>"},
            {"word/vbaProject.bin", "\xd0\xcf"}}),
       "", FileRefusal::macros},
      {"odt with basic", "a.odt",
       zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"Basic/Standard/M.xml", ""}}),
       "", FileRefusal::macros},
      {"odp", "a.odp", odf("presentation"), "", FileRefusal::archive},
      {"doc with macros", "a.doc", ole({"WordDocument", "Macros"}), "", FileRefusal::macros},
      {"msi", "a.msi", ole({"SummaryInformation"}), "", FileRefusal::archive},
      {"empty", "a.pdf", "", "", FileRefusal::empty},
      {"truncated png", "a.png", "\x89PNG\r\n\x1a\n"s, "", FileRefusal::unknown},
      {"truncated pdf", "a.pdf", "%PDF-", "", FileRefusal::unknown},
      {"truncated gif", "a.gif", "GIF89a\x01", "", FileRefusal::unknown},
      {"truncated ole", "a.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"s, "", FileRefusal::unknown},
      {"truncated zip", "a.docx", "PK\3\4\x14", "", FileRefusal::unknown},
      {"truncated webp", "a.webp", "RIFF", "", FileRefusal::unknown},
      {"wav", "a.txt", "RIFF"s + le(30, 4) + "WAVEfmt " + std::string(8, '\0'), "",
       FileRefusal::unknown},
      {"webp bad chunk", "a.webp", "RIFF"s + le(30, 4) + "WEBPABCD", "", FileRefusal::unknown},
      {"binary", "a.txt", "abc\0def"s, "", FileRefusal::unknown},
      {"control chars", "a.txt", "abc\x1b[31mdef", "", FileRefusal::unknown},
      {"latin-1", "a.txt", "G\xe2rds", "", FileRefusal::unknown},
      {"utf-16", "a.txt", "\xff\xfeS\0v\0"s, "", FileRefusal::unknown},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    const FileType t = detect_file_type(c.bytes);
    EXPECT_EQ(t.refusal, c.refusal);
    EXPECT_EQ(t.extension, c.extension);
    EXPECT_EQ(t.allowed(), c.refusal == FileRefusal::none);
    EXPECT_FALSE(t.mime.empty());
    const auto checked = check_upload(c.name, c.bytes, c.bytes.size());
    EXPECT_EQ(bool(checked), c.refusal == FileRefusal::none);
    if (checked) {
      EXPECT_EQ(checked->extension, c.extension);
    } else {
      EXPECT_EQ(checked.error().code, Errc::unsupported);
      ASSERT_EQ(checked.error().fields.size(), 1u);
      EXPECT_EQ(checked.error().fields[0].field, "file");
      EXPECT_FALSE(checked.error().fields[0].message.lv.empty());
    }
  }
}

TEST(FileType, EveryPrefixAndCorruptionIsHandled) {
  // Cut or damaged files of every kind: detection never reads out of bounds (the ASan build
  // checks) or throws, and its answer is consistent.
  std::vector<std::string> files{kPdf, kPng, kJpeg, kGif, kWebp, kTiffLe,
                                 ooxml("word/", "document.xml"), odf("text"),
                                 ole({"WordDocument"})};
  // Local headers only, the first with flag bit 3 (sizes after the data): found by searching.
  std::string descriptor =
      zip({{"[Content_Types].xml", "<T/>"}, {"word/d.xml", "<d/>"}}, false);
  descriptor[6] = 0x08;
  files.push_back(descriptor);
  for (const std::string& file : files) {
    for (std::size_t n = 0; n <= file.size(); ++n) {
      const FileType t = detect_file_type(std::string_view(file).substr(0, n));
      EXPECT_EQ(t.allowed(), !t.extension.empty());
    }
    for (std::size_t at = 0; at < file.size(); ++at) {
      std::string broken = file;
      broken[at] = static_cast<char>(broken[at] ^ 0xFF);
      (void)detect_file_type(broken);
    }
  }
  EXPECT_FALSE(detect_file_type(kPng.substr(0, 15)).allowed());
  EXPECT_FALSE(detect_file_type(kWebp.substr(0, 15)).allowed());
  EXPECT_TRUE(detect_file_type(descriptor).allowed());
}

TEST(FileType, MimeTypes) {
  EXPECT_EQ(detect_file_type(kPdf).mime, "application/pdf");
  EXPECT_EQ(detect_file_type(kJpeg).mime, "image/jpeg");
  EXPECT_EQ(detect_file_type(ooxml("word/", "document.xml")).mime,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(detect_file_type(odf("spreadsheet")).mime,
            "application/vnd.oasis.opendocument.spreadsheet");
  EXPECT_EQ(detect_file_type(ole({"Book"})).mime, "application/vnd.ms-excel");
  EXPECT_EQ(detect_file_type("MZ\x90\0"s).mime, "application/x-msdownload");
  EXPECT_EQ(detect_file_type("<html>").mime, "text/html");
}

TEST(FileType, ClaimedExtensionMustMatchContent) {
  for (const char* name : {"a.png", "a.doc", "a.txt", "a.exe", "a.pdf.exe"}) {
    const auto r = check_upload(name, kPdf, kPdf.size());
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, Errc::unsupported);
    EXPECT_NE(r.error().fields.at(0).message.en.find("does not match"), std::string::npos);
  }
  EXPECT_FALSE(check_upload("a.xlsx", ooxml("word/", "document.xml"), 100));
  EXPECT_FALSE(check_upload("a.ods", odf("text"), 100));
  EXPECT_FALSE(check_upload("a.xls", ole({"WordDocument"}), 1000));
  EXPECT_FALSE(check_upload("a.pdf", "just text", 9));
  for (const char* name : {"A.JPG", "a.jpeg", "a.jpe", "mape/a.jpg", "C:\\Dati\\a.JPEG"}) {
    EXPECT_TRUE(check_upload(name, kJpeg, kJpeg.size())) << name;
  }
  EXPECT_TRUE(check_upload("žurnāls.log", "ieraksts\n", 9));
  EXPECT_TRUE(check_upload("a.tar.pdf", kPdf, kPdf.size()));
}

TEST(FileType, SizeLimit) {
  EXPECT_EQ(kMaxUploadBytes, 20u * 1024 * 1024);
  EXPECT_TRUE(check_upload("a.pdf", kPdf, kMaxUploadBytes));
  const auto r = check_upload("a.pdf", kPdf, kMaxUploadBytes + 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::too_large);
  EXPECT_EQ(r.error().fields.at(0).field, "file");
}

TEST(FileType, TextPrefixMayEndInsideACharacter) {
  std::string text;
  while (text.size() < kFileSniffBytes) text += "ā";  // two bytes each
  text += "\xc4";                                     // the first byte of another ā
  EXPECT_TRUE(detect_file_type(text).allowed());
  EXPECT_FALSE(detect_file_type("short \xc4").allowed());  // a whole file cannot end so
}

TEST(FileType, ExtensionsAndSafeNames) {
  EXPECT_EQ(file_extension("Atzinums.PDF"), "pdf");
  EXPECT_EQ(file_extension("a/b.tar.gz"), "gz");
  EXPECT_EQ(file_extension("dir.d/README"), "");
  EXPECT_EQ(file_extension(".bashrc"), "");
  const FileType pdf = detect_file_type(kPdf);
  EXPECT_EQ(safe_file_name("../../etc/Atzinums Bērziņiem.exe", pdf), "Atzinums Bērziņiem.pdf");
  EXPECT_EQ(safe_file_name("C:\\x\\\"a\";b<c>\r\n.pdf", pdf), "abc.pdf");
  EXPECT_EQ(safe_file_name("...", pdf), "fails.pdf");
  EXPECT_EQ(safe_file_name("", pdf), "fails.pdf");
  EXPECT_EQ(safe_file_name("bad\xff\xfename.pdf", pdf), "badname.pdf");
  const std::string long_name(300, 'a');
  EXPECT_EQ(safe_file_name(long_name + ".pdf", pdf), std::string(100, 'a') + ".pdf");
}

}  // namespace
}  // namespace atb
