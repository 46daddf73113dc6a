#include "cases/record_rules.h"

#include <fmt/format.h>

#include "cases/note_text.h"
#include "cases/records_model.h"

namespace atb::cases {

Result<void> check_record_open(const CaseFile& k) {
  if (k.stage == "closed") {
    return Error{Errc::conflict,
                 {"Slēgtā gadījumā piezīmes, dokumentus un atzinumus nepievieno; vispirms atjaunojiet gadījumu.",
                  "A closed case takes no notes, documents or opinions; reopen it first."},
                 {},
                 {}};
  }
  return ok();
}

Result<Date> check_note_fields(const std::string& kind, const std::string& occurred_on, const std::string& text,
                               const Date& opened_on, const Date& today) {
  if (!one_of(kNoteKinds, kind)) {
    return Error::invalid_field("kind", {"Piezīmes veids: visit, call, meeting, case_conference vai other.",
                                         "A note's kind is visit, call, meeting, case_conference or other."});
  }
  const auto on = occurred_on.size() == 10 ? parse_date(occurred_on) : std::nullopt;
  if (!on) return Error::invalid_field("occurred_on", {"Norādiet datumu (GGGG-MM-DD).", "Give a date (YYYY-MM-DD)."});
  if (*on > today) {
    return Error::invalid_field("occurred_on", {"Datums nevar būt nākotnē.", "The date cannot be in the future."});
  }
  if (*on < opened_on) {
    return Error::invalid_field("occurred_on", {"Datums nevar būt pirms gadījuma atvēršanas (" + opened_on.iso() + ").",
                                                "The date cannot be before the case was opened (" + opened_on.iso() + ")."});
  }
  ATB_TRY(check_note_text(text));
  return *on;
}

Result<std::string> document_kind(const std::optional<std::string>& kind, bool for_agreement) {
  const std::string k = kind.value_or(for_agreement ? "agreement" : "other");
  if (!one_of(kDocumentKinds, k)) {
    return Error::invalid_field("kind", {"Dokumenta veids: agreement, assessment, court, letter, opinion vai other.",
                                         "A document's kind is agreement, assessment, court, letter, opinion or other."});
  }
  if (k == "opinion") {
    return Error::invalid_field("kind", {"Atzinumu sagatavo sadaļā “Atzinumi”, lai tam būtu numurs; augšupielādējiet to kā citu dokumentu.",
                                         "Opinions are made under “Opinions”, which numbers them; upload this as another kind of document."});
  }
  if (for_agreement && k != "agreement") {
    return Error::invalid_field("kind", {"Vienošanās dokumenta veids ir agreement.",
                                         "The document of an agreement is of kind agreement."});
  }
  return k;
}

Result<std::string> document_name(const std::optional<std::string>& name) {
  std::string n = name.value_or("");
  if (const auto slash = n.find_last_of("/\\"); slash != std::string::npos) n = n.substr(slash + 1);
  const std::size_t length = code_points(n);
  if (n.find_first_not_of(" \t") == std::string::npos || length > 200) {
    return Error::invalid_field("name", {"Faila nosaukums: 1–200 rakstzīmes.", "The file name: 1–200 characters."});
  }
  return n;
}

std::string opinion_reference(int year, int number) { return fmt::format("SD/ATZ/{}/{}", year, number); }

}  // namespace atb::cases
