#include "services/mobile_day_pdf.h"

#include "core/date.h"
#include "core/pdf_document.h"

namespace atb::services {
namespace {

Error missing(const char* field) {
  return Error::invalid_field(
      field, {"Maršruta lapai jānorāda šī vērtība.", "The day list needs this value."});
}

// The cell of the client: name, address and phone on their own lines.
std::string client_cell(const DayListStop& s) {
  if (s.hidden) return "(slēpts)";
  std::string cell = s.name;
  if (!s.address.empty()) cell += "\n" + s.address;
  if (!s.phone.empty()) cell += "\nTālr. " + pdf_no_break(s.phone);
  return cell;
}

// Blank tick boxes to mark by hand, or the outcome already recorded.
std::string outcome_cell(const DayListStop& s) {
  if (!s.outcome.empty()) return s.outcome;
  return "☐ apmeklēts\n☐ nebija mājās\n☐ atteicās";
}

}  // namespace

Result<std::string> day_list_pdf(const DayListContent& d) {
  if (d.municipality.empty()) return missing("municipality");
  if (d.service.empty()) return missing("service");
  if (d.route.empty()) return missing("route");
  if (!parse_date(d.date)) {
    return Error::invalid_field(
        "date", {"Datumam jābūt formā GGGG-MM-DD.", "The date must be in the form YYYY-MM-DD."});
  }
  const std::string title = "Maršruta lapa " + pdf_date(d.date) + " — " + d.route;
  ATB_TRY_ASSIGN(pdf, PdfDocument::create({.title = title,
                                           .author = d.municipality,
                                           .footer_note = d.service + ", " + pdf_date(d.date)}));
  pdf.paragraph(d.municipality,
                {.size = 12, .bold = true, .align = PdfAlign::center, .space_after = 2});
  pdf.paragraph(d.service, {.size = 11, .bold = true, .align = PdfAlign::center});
  pdf.heading("MARŠRUTA LAPA", 1, PdfAlign::center);
  pdf.key_value("Datums", pdf_date(d.date), 0.25);
  pdf.key_value("Maršruts", d.route, 0.25);
  if (!d.vehicle.empty()) pdf.key_value("Transportlīdzeklis", d.vehicle, 0.25);
  pdf.key_value("Brigāde", d.crew.empty() ? "—" : d.crew, 0.25);
  if (!d.note.empty()) pdf.key_value("Piezīmes", d.note, 0.25);
  pdf.space(8);
  if (d.stops.empty()) {
    pdf.paragraph("Šajā dienā maršrutā nav neviena klienta.");
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const DayListStop& s : d.stops) {
      rows.push_back({std::to_string(s.position) + ".", s.window, client_cell(s),
                      s.hidden ? "" : s.deliver, outcome_cell(s), "\n\n\n"});
    }
    pdf.table({{"Nr.", 0.6, PdfAlign::right},
               {"Laiks", 1.6},
               {"Klients, adrese, tālrunis", 2.6},
               {"Jāpiegādā", 1.8},
               {"Rezultāts", 1.9},
               {"Piegādāts, daudzums, piezīmes", 2}},
              rows);
  }
  pdf.space(20);
  pdf.signature("Brigāde", "", "(datums)");
  pdf.space(6);
  pdf.paragraph("Sagatavoja: " + d.printed_by, {.size = 8.5});
  return pdf.finish();
}

}  // namespace atb::services
