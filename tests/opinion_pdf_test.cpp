// The opinion (atzinums) PDF, read back with pdftotext -layout.
#include <gtest/gtest.h>

#include <string>

#include "cases/opinion_pdf.h"
#include "core/pdf_document.h"
#include "support/pdf_text.h"

namespace atb::cases {
namespace {

using test::flat;
using test::pdf_pages;
using test::pdf_text;

OpinionContent opinion() {
  OpinionContent o;
  o.municipality = "Ādažu novada pašvaldība";
  o.service = "Ādažu novada Sociālais dienests";
  o.service_address = "Gaujas iela 33A, Ādaži, Ādažu novads, LV-2164";
  o.service_contact = "Tālr. 67997000, e-pasts socialais.dienests@adazi.lv";
  o.addressee = "Ādažu novada bāriņtiesai";
  o.addressee_address = "Gaujas iela 33A, Ādaži";
  o.reference = "SD/ATZ/2026/17";
  o.date = "2026-02-03";
  o.request = "Uz 20.01.2026. pieprasījumu Nr. 1-5/12";
  o.subject = "Par Bērziņu ģimenes situāciju";
  o.persons = {{"Anna Bērziņa", "1990-07-14", "māte"},
               {"Ēriks Bērziņš", "2015-02-03", "dēls"},
               {"Žanete Ķēniņa", "2018-11-30", "meita"}};
  o.sections = {
      {"Situācijas novērtējums",
       {"Ģimene sadarbojas ar sociālo dienestu kopš 2025. gada septembra.",
        "Mājoklis ir sakopts; bērni apmeklē skolu un bērnudārzu."}},
      {"Sadarbības plāns", {"Māte apmeklē atbalsta grupu; sociālā darbiniece tiekas ar ģimeni."}},
      {"Secinājumi", {"Ģimenes situācija ir uzlabojusies; ieteicams turpināt gadījuma vadīšanu."}}};
  o.author_name = "Līga Ķiploka";
  o.author_position = "Sociālā darbiniece";
  return o;
}

TEST(OpinionPdf, ReadsBackInLatvian) {
  const auto bytes = opinion_pdf(opinion());
  ASSERT_TRUE(bytes) << bytes.error().detail;
  EXPECT_EQ(bytes->rfind("%PDF-", 0), 0u);
  const std::string raw = pdf_text(*bytes, true);
  const std::string text = flat(raw);
  for (const char* word :
       {"Ādažu novada pašvaldība", "Ādažu novada Sociālais dienests", "Gaujas iela 33A",
        "Ādažu novada bāriņtiesai", "03.02.2026. Nr. SD/ATZ/2026/17",
        "Uz 20.01.2026. pieprasījumu Nr. 1-5/12", "ATZINUMS", "Par Bērziņu ģimenes situāciju",
        "Personas", "Vārds, uzvārds", "Dzimšanas datums", "Anna Bērziņa", "14.07.1990.",
        "Ēriks Bērziņš", "03.02.2015.", "Žanete Ķēniņa", "30.11.2018.", "meita",
        "Situācijas novērtējums", "Sadarbības plāns", "Secinājumi",
        "Ģimenes situācija ir uzlabojusies", "Sociālā darbiniece", "Līga Ķiploka",
        "(paraksts)", "(datums)", "Atzinums Nr. SD/ATZ/2026/17, 03.02.2026.", "Lapa 1 no 1"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << raw;
  }
  // Every Latvian letter, small and capital, survives the round trip.
  auto o = opinion();
  const std::string letters = "āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ";
  o.sections[0].paragraphs.push_back(letters);
  const auto again = opinion_pdf(o);
  ASSERT_TRUE(again);
  EXPECT_NE(pdf_text(*again, true).find(letters), std::string::npos);
  // The role, the signature line and the name share one line in the layout.
  bool signature_line = false;
  for (std::size_t at = 0, end; at < raw.size(); at = end + 1) {
    end = raw.find('\n', at);
    if (end == std::string::npos) end = raw.size();
    const std::string line = raw.substr(at, end - at);
    signature_line = signature_line || (line.find("Sociālā darbiniece") != std::string::npos &&
                                        line.find("Līga Ķiploka") != std::string::npos);
  }
  EXPECT_TRUE(signature_line) << raw;
  EXPECT_EQ(pdf_pages(raw), 1);
}

TEST(OpinionPdf, LongSectionFlowsOverPages) {
  auto o = opinion();
  std::string paragraph;
  for (int i = 0; i < 900; ++i) paragraph += "novērtējums" + std::to_string(i) + " ";
  o.sections[0].paragraphs = {paragraph, "Beigu rindkopa ar ļoti svarīgu ziņu."};
  const auto bytes = opinion_pdf(o);
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const std::string raw = pdf_text(*bytes, true);
  const int pages = pdf_pages(raw);
  EXPECT_GE(pages, 2);
  const std::string total = " no " + std::to_string(pages);
  for (int p = 1; p <= pages; ++p) {
    EXPECT_NE(raw.find("Lapa " + std::to_string(p) + total), std::string::npos) << p << raw;
  }
  // The paragraph starts on page 1 and ends on a later page; nothing is lost on the way.
  const auto first_page_end = raw.find('\f');
  EXPECT_LT(raw.find("novērtējums0 "), first_page_end);
  EXPECT_GT(raw.find("novērtējums899"), first_page_end);
  const std::string text = flat(raw);
  for (int i = 0; i < 900; i += 37) {
    EXPECT_NE(text.find("novērtējums" + std::to_string(i) + " "), std::string::npos) << i;
  }
  // The sections after it and the signature block follow on the last page.
  const auto last_page = raw.rfind('\f', raw.size() - 2);
  for (const char* word : {"Beigu rindkopa ar ļoti svarīgu ziņu.", "Secinājumi", "Līga Ķiploka",
                           "(paraksts)", "(datums)"}) {
    const auto at = raw.find(word);
    EXPECT_NE(at, std::string::npos) << word;
    if (last_page != std::string::npos) {
      EXPECT_GT(at, last_page) << word;
    }
  }
}

TEST(OpinionPdf, WithoutOptionalParts) {
  auto o = opinion();
  o.service_address.clear();
  o.service_contact.clear();
  o.addressee_address.clear();
  o.request.clear();
  o.subject.clear();
  o.persons = {{"Anna Bērziņa", "", ""}};
  o.sections = {{"Secinājumi", {"", "Atbalsts ir nepieciešams."}}};
  const auto bytes = opinion_pdf(o);
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const std::string text = flat(pdf_text(*bytes, true));
  EXPECT_NE(text.find("Persona "), std::string::npos) << text;
  EXPECT_EQ(text.find("Saistība"), std::string::npos) << text;
  EXPECT_NE(text.find("Atbalsts ir nepieciešams."), std::string::npos) << text;
}

TEST(OpinionPdf, RefusesIncompleteInput) {
  const auto field_of = [](const OpinionContent& o) {
    const auto r = opinion_pdf(o);
    EXPECT_FALSE(r);
    if (r) return std::string();
    EXPECT_EQ(r.error().code, Errc::invalid);
    return r.error().fields.empty() ? std::string() : r.error().fields.front().field;
  };
  auto o = opinion();
  o.reference = "  ";
  EXPECT_EQ(field_of(o), "reference");
  o = opinion();
  o.date = "2026-02-30";
  EXPECT_EQ(field_of(o), "date");
  o = opinion();
  o.addressee.clear();
  EXPECT_EQ(field_of(o), "addressee");
  o = opinion();
  o.persons.clear();
  EXPECT_EQ(field_of(o), "persons");
  o = opinion();
  o.persons[1].birth_date = "03.02.2015";
  EXPECT_EQ(field_of(o), "persons.1.birth_date");
  o = opinion();
  o.sections[2].title.clear();
  EXPECT_EQ(field_of(o), "sections.2.title");
  o = opinion();
  o.sections[1].paragraphs = {" "};
  EXPECT_EQ(field_of(o), "sections.1.paragraphs");
  o = opinion();
  o.author_position.clear();
  EXPECT_EQ(field_of(o), "author_position");
  // Text that is not UTF-8 is a failure of the writer, not a crash.
  o = opinion();
  o.sections[0].paragraphs = {"\xff\xfe"};
  const auto r = opinion_pdf(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::internal);
}

TEST(PdfDocument, DatesInLatvianStyle) {
  EXPECT_EQ(pdf_date("2026-02-03"), "03.02.2026.");
  EXPECT_EQ(pdf_date("1999-12-31"), "31.12.1999.");
  EXPECT_EQ(pdf_date("2026-02-30"), "2026-02-30");
  EXPECT_EQ(pdf_date(""), "");
}

}  // namespace
}  // namespace atb::cases
