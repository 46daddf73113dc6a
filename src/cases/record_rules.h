// Rules of a case's process record (notes, documents, opinions) without I/O: what a note needs,
// when the record may grow, what a document's kind and name may be, and the opinion reference.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"

namespace atb::cases {

/// Whether notes, documents and opinions may be added: not to a closed case (409; reopen it
/// first). The record is kept as it is: nothing in it is ever changed or deleted.
Result<void> check_record_open(const CaseFile& k);

/// A new note's fields: `kind` one of kNoteKinds (field "kind"); `occurred_on` a real date, not
/// after `today` and not before `opened_on` (field "occurred_on"); the text per
/// cases/note_text.h (field "text"). 422 naming the field otherwise. On success, the date.
Result<Date> check_note_fields(const std::string& kind, const std::string& occurred_on, const std::string& text,
                               const Date& opened_on, const Date& today);

/// An uploaded document's kind (default "other", or "agreement" when it is linked to an
/// agreement): one of kDocumentKinds but "opinion" (opinions are made by the opinion endpoint,
/// with their reference number); with `agreement_id` it must be "agreement". 422 naming "kind"
/// otherwise.
Result<std::string> document_kind(const std::optional<std::string>& kind, bool for_agreement);

/// The claimed file name of an upload: 1–200 characters once any folder part is stripped
/// (422 naming "name").
Result<std::string> document_name(const std::optional<std::string>& name);

/// An opinion's reference: "SD/ATZ/<year>/<number>", e.g. "SD/ATZ/2026/17".
std::string opinion_reference(int year, int number);

}  // namespace atb::cases
