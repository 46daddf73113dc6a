// The process record of a case as stored (0013_case_records.sql): notes, documents and
// opinions. Note texts and document bytes stay sealed here (core/sealed_text.h); the routes open
// them with the keyring only when they are sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace atb::cases {

/// The kinds of note, in the order the UI offers them.
inline constexpr const char* kNoteKinds[] = {"visit", "call", "meeting", "case_conference", "other"};

/// The kinds of document.
inline constexpr const char* kDocumentKinds[] = {"agreement", "assessment", "court", "letter", "opinion", "other"};

/// A note (piezīme) of a case.
struct CaseNote {
  std::int64_t id = 0, case_id = 0;
  std::string kind;         ///< one of kNoteKinds
  std::string occurred_on;  ///< YYYY-MM-DD (Riga): when the visit, call, … took place
  std::int64_t author_id = 0;
  std::string author_name;  ///< read with the note; empty when storing
  std::string created_at;   ///< UTC ISO time
  std::string text_sealed;  ///< the text, sealed: "k<id>:<base64>"
};

/// A document (attachment) of a case, without its bytes.
struct CaseDocument {
  std::int64_t id = 0, case_id = 0;
  std::string kind;        ///< one of kDocumentKinds
  std::string name;        ///< a safe file name (core/file_type.h safe_file_name)
  std::string media_type;  ///< as detected from the bytes
  std::int64_t size = 0;   ///< bytes
  std::optional<std::int64_t> agreement_id;  ///< the agreement it is the signed copy of
  std::int64_t uploaded_by = 0;
  std::string uploaded_by_name;  ///< read with the document; empty when storing
  std::string uploaded_at;       ///< UTC ISO time
};

/// An opinion (atzinums) given by the social service.
struct CaseOpinion {
  std::int64_t id = 0, case_id = 0, municipality_id = 0;
  int year = 0, number = 0;
  std::string reference;  ///< "SD/ATZ/<year>/<number>"
  std::int64_t document_id = 0;
  std::string addressee;
  std::int64_t created_by = 0;
  std::string created_by_name;  ///< read with the opinion; empty when storing
  std::string created_at;
};

}  // namespace atb::cases
