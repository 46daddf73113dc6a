#include "cases/opinion_pdf.h"

#include <algorithm>
#include <string_view>

#include "core/date.h"
#include "core/pdf_document.h"

namespace atb::cases {
namespace {

Error missing(const std::string& field) {
  return Error::invalid_field(field, {"Atzinumam jānorāda šī vērtība.",
                                      "The opinion needs this value."});
}

Error bad_date(const std::string& field) {
  return Error::invalid_field(field, {"Datumam jābūt formā GGGG-MM-DD un reālam datumam.",
                                      "The date must be a real date in the form YYYY-MM-DD."});
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

Result<void> check_persons(const std::vector<OpinionPerson>& persons) {
  if (persons.empty()) return missing("persons");
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const std::string at = "persons." + std::to_string(i);
    if (blank(persons[i].name)) return missing(at + ".name");
    if (!persons[i].birth_date.empty() && !parse_date(persons[i].birth_date)) {
      return bad_date(at + ".birth_date");
    }
  }
  return ok();
}

Result<void> check_sections(const std::vector<OpinionSection>& sections) {
  if (sections.empty()) return missing("sections");
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::string at = "sections." + std::to_string(i);
    if (blank(sections[i].title)) return missing(at + ".title");
    const auto& ps = sections[i].paragraphs;
    if (std::all_of(ps.begin(), ps.end(), [](const std::string& p) { return blank(p); })) {
      return missing(at + ".paragraphs");
    }
  }
  return ok();
}

Result<void> check(const OpinionContent& o) {
  const std::pair<const std::string*, const char*> required[] = {
      {&o.municipality, "municipality"}, {&o.service, "service"},
      {&o.addressee, "addressee"},       {&o.reference, "reference"},
      {&o.date, "date"},                 {&o.author_name, "author_name"},
      {&o.author_position, "author_position"}};
  for (const auto& [value, field] : required) {
    if (blank(*value)) return missing(field);
  }
  if (!parse_date(o.date)) return bad_date("date");
  ATB_TRY(check_persons(o.persons));
  return check_sections(o.sections);
}

/// The letterhead: municipality, service, its address and contacts, centred; then the addressee
/// at the right and the date and number at the left.
void letterhead(PdfDocument& pdf, const OpinionContent& o) {
  const PdfTextStyle small{.size = 9, .align = PdfAlign::center, .space_after = 1};
  pdf.paragraph(o.municipality, {.size = 13, .bold = true, .align = PdfAlign::center,
                                 .space_after = 2});
  pdf.paragraph(o.service, {.size = 11, .bold = true, .align = PdfAlign::center,
                            .space_after = 2});
  if (!blank(o.service_address)) pdf.paragraph(o.service_address, small);
  if (!blank(o.service_contact)) pdf.paragraph(o.service_contact, small);
  pdf.space(18);
  pdf.paragraph(o.addressee, {.bold = true, .align = PdfAlign::right, .space_after = 1});
  if (!blank(o.addressee_address)) pdf.paragraph(o.addressee_address, {.align = PdfAlign::right});
  pdf.space(12);
  pdf.paragraph(pdf_date(o.date) + "  Nr. " + o.reference, {.space_after = 2});
  if (!blank(o.request)) pdf.paragraph(o.request, {.size = 9.5});
  pdf.space(6);
  pdf.heading("ATZINUMS", 1, PdfAlign::center);
  if (!blank(o.subject)) pdf.heading(o.subject, 2, PdfAlign::center);
}

/// The persons concerned as a table: name, birth date, and (when any has one) role.
void persons(PdfDocument& pdf, const std::vector<OpinionPerson>& people) {
  const bool roles = std::any_of(people.begin(), people.end(),
                                 [](const OpinionPerson& p) { return !blank(p.role); });
  std::vector<PdfColumn> columns{{"Vārds, uzvārds", 3}, {"Dzimšanas datums", 1.6}};
  if (roles) columns.push_back({"Saistība", 1.6});
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : people) {
    rows.push_back({p.name, pdf_date(p.birth_date)});
    if (roles) rows.back().push_back(p.role);
  }
  pdf.heading(people.size() == 1 ? "Persona" : "Personas", 3);
  pdf.table(columns, rows);
}

}  // namespace

Result<std::string> opinion_pdf(const OpinionContent& o) {
  ATB_TRY(check(o));
  const std::string title = "Atzinums Nr. " + o.reference;
  ATB_TRY_ASSIGN(pdf, PdfDocument::create({.title = title,
                                           .author = o.municipality,
                                           .footer_note = title + ", " + pdf_date(o.date)}));
  letterhead(pdf, o);
  persons(pdf, o.persons);
  for (const auto& section : o.sections) {
    pdf.heading(section.title, 3);
    for (const auto& text : section.paragraphs) {
      if (!blank(text)) pdf.paragraph(text, {.align = PdfAlign::left, .space_after = 5});
    }
  }
  pdf.space(24);
  pdf.signature(o.author_position, o.author_name, "(datums)");
  return pdf.finish();
}

}  // namespace atb::cases
