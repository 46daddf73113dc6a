// The PDF writer and the written decision, read back with pdftotext (poppler-utils).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "assistance/decision_pdf.h"
#include "core/pdf_document.h"
#include "support/pdf_text.h"

namespace atb {
namespace {

using test::flat;
using test::pdf_text;

int pages(const std::string& text) { return test::pdf_pages(text); }

/// How often `word` occurs in `text`.
int occurrences(const std::string& text, const std::string& word) {
  int n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

assistance::DecisionPdf granted() {
  assistance::DecisionPdf d;
  d.municipality = "Ādažu novada pašvaldība";
  d.department = "Sociālais dienests";
  d.reference = "SD/2026/000123";
  d.date = "2026-02-03";
  d.applicant_name = "Ģirts Bērziņš";
  d.personal_code = "01018512345";
  d.household_name = "Bērziņu ģimene";
  d.address = "Rīgas gatve 1-5, Ādaži, Ādažu novads, LV-2164";
  d.kind_name_lv = "Garantētā minimālā ienākuma pabalsts";
  d.granted = true;
  d.amount_cents = 12345;
  d.period_from = "2026-02-01";
  d.period_to = "2026-04-30";
  d.explanation_lv = {"Mājsaimniecības vidējie ienākumi mēnesī: 200,00 €.",
                      "GMI līmenis: 187,00 € + 131,00 € × 1 = 318,00 €."};
  d.payments = {{"2026-02", 12345}, {"2026-03", 12345}, {"2026-04", 12345}};
  d.decided_by = "Līga Ķiploka";
  return d;
}

TEST(PdfDocument, LatvianTextComesOutRight) {
  auto pdf = PdfDocument::create({.title = "Pārbaude"});
  ASSERT_TRUE(pdf) << pdf.error().detail;
  pdf->heading("Ģimenes ienākumi");
  pdf->paragraph("Ģimenes ienākumi: 1 234,56 € — lēmums pieņemts");
  pdf->key_value("Čaklums", "ļoti ņipri, žigli, ūdeņains, šķībs");
  pdf->table({{"Mēnesis", 2}, {"Summa", 1, PdfAlign::right}}, {{"janvāris", "1 234,56 €"}});
  pdf->signature("Vadītāja", "Īrisa Ēķe");
  const auto bytes = pdf->finish();
  ASSERT_TRUE(bytes) << bytes.error().detail;
  EXPECT_EQ(bytes->rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(*bytes);
  EXPECT_NE(text.find("Ģimenes ienākumi: 1 234,56 € — lēmums pieņemts"), std::string::npos)
      << text;
  for (const char* word : {"Čaklums", "ļoti ņipri, žigli, ūdeņains, šķībs", "janvāris",
                           "Īrisa Ēķe", "(paraksts)", "Lapa 1 no 1"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
  }
  EXPECT_EQ(pages(text), 1);
}

TEST(PdfDocument, WrapsLongTextOntoNewPagesWithNumbers) {
  auto pdf = PdfDocument::create({.footer_note = "Piezīme"});
  ASSERT_TRUE(pdf);
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "vārds" + std::to_string(i) + " ";
  pdf->paragraph(long_text);
  pdf->paragraph(std::string(300, 'x'));  // one word wider than a line: broken between letters
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 80; ++i) rows.push_back({std::to_string(i), "rinda " + std::to_string(i)});
  pdf->table({{"Nr.", 1}, {"Teksts", 4}}, rows);
  EXPECT_GE(pdf->page_count(), 3);
  const auto bytes = pdf->finish();
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const std::string text = pdf_text(*bytes);
  const int n = pages(text);
  EXPECT_GE(n, 3);
  EXPECT_NE(text.find("Lapa 2 no " + std::to_string(n)), std::string::npos) << text;
  EXPECT_NE(text.find("vārds399"), std::string::npos);
  EXPECT_NE(text.find("rinda 79"), std::string::npos);
  // The header row is repeated on the page where the table continues.
  EXPECT_GE(occurrences(text, "Teksts"), 2);
  EXPECT_NE(text.find("Piezīme"), std::string::npos);
}

TEST(PdfDocument, ErrorsAreValues) {
  EXPECT_FALSE(PdfDocument::create({.font_dir = "/nonexistent"}));
  auto pdf = PdfDocument::create();
  ASSERT_TRUE(pdf);
  pdf->paragraph("\xff\xfe not UTF-8");
  pdf->paragraph("ignored after the error");
  const auto bytes = pdf->finish();
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, Errc::internal);
  auto table = PdfDocument::create();
  ASSERT_TRUE(table);
  table->table({{"A", 1}}, {{"1", "2"}});
  EXPECT_FALSE(table->finish());
}

TEST(PdfDocument, OneDocumentFromSeveralThreads) {
  auto pdf = PdfDocument::create();
  ASSERT_TRUE(pdf);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) pdf->paragraph("pavediens " + std::to_string(t) + " ņ");
    });
  }
  for (auto& t : threads) t.join();
  const auto bytes = pdf->finish();
  ASSERT_TRUE(bytes);
  EXPECT_NE(pdf_text(*bytes).find("pavediens 3 ņ"), std::string::npos);
}

TEST(DecisionPdf, Granted) {
  const auto bytes = assistance::decision_pdf(granted());
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const std::string raw = pdf_text(*bytes);
  const std::string text = flat(raw);
  for (const char* word :
       {"Ādažu novada pašvaldība", "Sociālais dienests", "LĒMUMS", "03.02.2026. Nr. SD/2026/000123",
        "Ģirts Bērziņš", "010185-12345", "Bērziņu ģimene", "Piešķirt", "123,45 € mēnesī",
        "no 01.02.2026. līdz 30.04.2026.", "Sociālo pakalpojumu un sociālās palīdzības likums",
        "Nr. 809", "2026. gada februāris", "370,35 €", "apstrīdēt", "viena mēneša laikā",
        "Līga Ķiploka", "Lapa 1 no"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << raw;
  }
  EXPECT_EQ(text.find("Atteikt"), std::string::npos);
  EXPECT_GE(pages(raw), 1);
}

TEST(DecisionPdf, Refused) {
  auto d = granted();
  d.granted = false;
  d.amount_cents = 0;
  d.period_from.clear();
  d.period_to.clear();
  d.payments.clear();
  d.explanation_lv = {"Ģimenes ienākumi pārsniedz GMI līmeni."};
  const auto bytes = assistance::decision_pdf(d);
  ASSERT_TRUE(bytes) << bytes.error().detail;
  const std::string text = flat(pdf_text(*bytes));
  for (const char* word : {"LĒMUMS", "Atteikt", "Ģimenes ienākumi pārsniedz", "apstrīdēt"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
  }
  EXPECT_EQ(text.find("Piešķirt"), std::string::npos);
  EXPECT_EQ(text.find("Izmaksu grafiks"), std::string::npos);
}

TEST(DecisionPdf, LongExplanationWrapsOntoSecondPage) {
  auto d = granted();
  d.explanation_lv.clear();
  for (int i = 0; i < 60; ++i) {
    d.explanation_lv.push_back("Solis " + std::to_string(i) +
                               ": mājsaimniecības locekļa ienākumi trīs mēnešos ir ņemti vērā, "
                               "kā to nosaka Ministru kabineta noteikumi.");
  }
  const auto bytes = assistance::decision_pdf(d);
  ASSERT_TRUE(bytes);
  const std::string raw = pdf_text(*bytes);
  EXPECT_GE(pages(raw), 2);
  EXPECT_NE(raw.find("Lapa 2"), std::string::npos);
  EXPECT_NE(flat(raw).find("Solis 59"), std::string::npos);
}

TEST(DecisionPdf, RefusesIncompleteInput) {
  auto d = granted();
  d.reference.clear();
  auto r = assistance::decision_pdf(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid);
  EXPECT_EQ(r.error().fields.at(0).field, "reference");
  d = granted();
  d.period_to.clear();
  r = assistance::decision_pdf(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "period_to");
  d = granted();
  d.payments[1].second = -1;
  r = assistance::decision_pdf(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "payments.1.amount");
}

}  // namespace
}  // namespace atb
