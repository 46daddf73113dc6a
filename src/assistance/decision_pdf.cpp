#include "assistance/decision_pdf.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "assistance/money.h"
#include "core/date.h"
#include "core/pdf_document.h"

namespace atb::assistance {
namespace {

constexpr std::array<const char*, 12> kMonths = {
    "janvāris", "februāris", "marts",     "aprīlis",  "maijs",    "jūnijs",
    "jūlijs",   "augusts",   "septembris", "oktobris", "novembris", "decembris"};

/// "2026-02" → "2026. gada februāris"; anything else as given.
std::string lv_month(const std::string& ym) {
  const auto d = parse_date(ym + "-01");
  if (ym.size() != 7 || !d) return ym;
  return std::to_string(d->year) + ". gada " + kMonths[static_cast<std::size_t>(d->month - 1)];
}

/// "01018512345" → "010185-12345"; anything else as given.
std::string lv_personal_code(const std::string& code) {
  const bool digits = code.size() == 11 && std::all_of(code.begin(), code.end(), [](char c) {
                        return c >= '0' && c <= '9';
                      });
  return digits ? code.substr(0, 6) + "-" + code.substr(6) : code;
}

/// Numbered lists of the decision: slightly indented, a little space between the items.
const PdfTextStyle kListStyle{.indent = 6, .space_after = 3};

Error missing(const char* field) {
  return Error::invalid_field(field, {"Lēmumam jānorāda šī vērtība.",
                                      "The decision needs this value."});
}

Result<void> check(const DecisionPdf& d) {
  if (d.municipality.empty()) return missing("municipality");
  if (d.reference.empty()) return missing("reference");
  if (d.date.empty()) return missing("date");
  if (d.applicant_name.empty()) return missing("applicant_name");
  if (d.kind_name_lv.empty()) return missing("kind_name_lv");
  if (d.decided_by.empty()) return missing("decided_by");
  if (d.granted && d.period_from.empty()) return missing("period_from");
  if (d.granted && d.period_to.empty()) return missing("period_to");
  ATB_TRY(check_amount(d.amount_cents, "amount_cents"));
  for (std::size_t i = 0; i < d.payments.size(); ++i) {
    ATB_TRY(check_amount(d.payments[i].second, "payments." + std::to_string(i) + ".amount"));
  }
  return ok();
}

/// The operative part: "Piešķirt: …" or "Atteikt: …"; and to whom.
std::pair<std::string, std::string> ruling(const DecisionPdf& d) {
  std::string what = (d.granted ? "Piešķirt: " : "Atteikt: ") + d.kind_name_lv;
  if (d.granted && d.amount_cents > 0) {
    what += " — " + pdf_no_break(format_eur(d.amount_cents)) + " mēnesī,";
  }
  if (d.granted) what += " no " + pdf_date(d.period_from) + " līdz " + pdf_date(d.period_to);
  if (what.back() != '.') what += '.';
  std::string who = (d.granted ? "Saņēmējs: " : "Iesniedzējs: ") + d.applicant_name;
  if (!d.personal_code.empty()) who += ", personas kods " + lv_personal_code(d.personal_code);
  if (!d.household_name.empty()) who += ", mājsaimniecība „" + d.household_name + "”";
  return {what, who + "."};
}

std::vector<std::string> general_legal_basis() {
  return {
      "Sociālo pakalpojumu un sociālās palīdzības likums.",
      "Ministru kabineta 2020. gada 17. decembra noteikumi Nr. 809 „Noteikumi par mājsaimniecības "
      "materiālās situācijas izvērtēšanu un sociālās palīdzības saņemšanu”.",
      "Pašvaldības saistošie noteikumi par sociālo palīdzību (maznodrošinātas mājsaimniecības "
      "ienākumu slieksnis, mājokļa pabalsta izdevumu normatīvi).",
      "Administratīvā procesa likums.",
  };
}

void header(PdfDocument& pdf, const DecisionPdf& d) {
  pdf.paragraph(d.municipality, {.size = 13, .bold = true, .align = PdfAlign::center,
                                 .space_after = 2});
  if (!d.department.empty()) {
    pdf.paragraph(d.department, {.size = 11, .align = PdfAlign::center, .space_after = 2});
  }
  pdf.space(12);
  pdf.heading("LĒMUMS", 1, PdfAlign::center);
  pdf.paragraph(pdf_date(d.date) + "  Nr. " + d.reference, {.align = PdfAlign::center});
  pdf.heading(d.granted ? "Par sociālās palīdzības piešķiršanu"
                        : "Par atteikumu piešķirt sociālo palīdzību",
              2, PdfAlign::center);
  pdf.paragraph("(" + d.kind_name_lv + ")", {.align = PdfAlign::center, .space_after = 10});
}

void facts(PdfDocument& pdf, const DecisionPdf& d) {
  pdf.heading("Konstatētie fakti", 3);
  pdf.key_value("Iesniedzējs", d.applicant_name);
  if (!d.personal_code.empty()) pdf.key_value("Personas kods", lv_personal_code(d.personal_code));
  if (!d.household_name.empty()) pdf.key_value("Mājsaimniecība", d.household_name);
  if (!d.address.empty()) pdf.key_value("Adrese", d.address);
  pdf.key_value("Pieprasītais atbalsts", d.kind_name_lv);
}

void schedule(PdfDocument& pdf, const DecisionPdf& d) {
  if (d.payments.empty()) return;
  pdf.heading("Izmaksu grafiks", 3);
  std::vector<std::vector<std::string>> rows;
  Cents total = 0;
  for (std::size_t i = 0; i < d.payments.size(); ++i) {
    const auto& [month, cents] = d.payments[i];
    rows.push_back({std::to_string(i + 1) + ".", lv_month(month), format_eur(cents)});
    total += cents;
  }
  rows.push_back({"", "Kopā", format_eur(total)});
  pdf.table({{"Nr.", 0.6, PdfAlign::right}, {"Mēnesis", 3}, {"Summa", 1.6, PdfAlign::right}},
            rows);
}

void appeal(PdfDocument& pdf, const DecisionPdf& d) {
  pdf.heading("Apstrīdēšanas kārtība", 3);
  pdf.paragraph("Lēmums stājas spēkā ar tā paziņošanas brīdi. Saskaņā ar Administratīvā procesa "
                "likumu lēmumu var apstrīdēt, iesniedzot iesniegumu pašvaldības domei (" +
                d.municipality +
                "), viena mēneša laikā no tā spēkā stāšanās dienas.");
}

}  // namespace

Result<std::string> decision_pdf(const DecisionPdf& d) {
  ATB_TRY(check(d));
  ATB_TRY_ASSIGN(pdf, PdfDocument::create({.title = "Lēmums Nr. " + d.reference,
                                           .author = d.municipality,
                                           .footer_note = "Lēmums Nr. " + d.reference + ", " +
                                                          pdf_date(d.date)}));
  header(pdf, d);
  facts(pdf, d);
  pdf.heading("Tiesiskais pamats", 3);
  pdf.numbered_list(d.legal_basis_lv.empty() ? general_legal_basis() : d.legal_basis_lv,
                    kListStyle);
  pdf.heading("Nolemts", 3);
  const auto [what, who] = ruling(d);
  pdf.paragraph(what, {.bold = true, .space_after = 2});
  pdf.paragraph(who);
  if (!d.explanation_lv.empty()) {
    pdf.heading("Pamatojums", 3);
    pdf.numbered_list(d.explanation_lv, kListStyle);
  }
  schedule(pdf, d);
  appeal(pdf, d);
  pdf.space(18);
  pdf.signature("Lēmumu pieņēma", d.decided_by);
  return pdf.finish();
}

}  // namespace atb::assistance
