// The parts of an opinion (atzinums) the worker chooses, read from the request body and turned
// into the headings and paragraphs of cases/opinion_pdf.h. Rules only, no I/O: the routes read the
// case, its intake's problems, the completed assessment's result, the chosen notes (opened) and
// the persons' names, and pass them in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/model.h"
#include "cases/model.h"
#include "cases/opinion_pdf.h"
#include "cases/plan_model.h"
#include "core/result.h"

namespace atb::cases {

/// The section kinds an opinion may hold: "case" (stage, opened, problems), "assessment" (a
/// completed assessment's strengths and difficulties), "plan" (the cooperation plan in force),
/// "notes" (chosen notes' texts), "text" (the worker's own words).
inline constexpr const char* kOpinionSectionKinds[] = {"case", "assessment", "plan", "notes", "text"};

/// One chosen part, as asked for.
struct SectionRequest {
  std::string kind;   ///< one of kOpinionSectionKinds
  std::string title;  ///< the heading; empty = the kind's default heading
  std::optional<std::int64_t> assessment_id;  ///< "assessment"
  std::vector<std::int64_t> note_ids;          ///< "notes", in the order to print
  std::string text;                            ///< "text"
};

/// What `POST /api/v1/cases/{id}/opinions` asks for.
struct OpinionRequest {
  std::string addressee, addressee_address, request, subject;
  std::vector<std::int64_t> person_ids;  ///< at least one
  std::vector<SectionRequest> sections;  ///< 1 to kMaxOpinionSections
};

/// The most sections and notes an opinion takes.
inline constexpr std::size_t kMaxOpinionSections = 12;
inline constexpr std::size_t kMaxOpinionNotes = 50;

/// Reads and checks the body: addressee (1–300 characters), addressee_address, request and
/// subject (optional, up to 300), person_ids (1–30), sections (1–12; each with a known kind, a
/// title of up to 200 characters, and what its kind needs: assessment_id; 1–50 note_ids; a text
/// of 1–20,000 characters). 422 naming the member ("sections.2.note_ids") otherwise.
Result<OpinionRequest> opinion_request_from(const nlohmann::json& body);

/// The heading of a section kind when the worker gives none ("Situācijas izvērtējums", …).
std::string default_section_title(const std::string& kind);

/// The Latvian name of a problem category ("alcohol" → "alkohola lietošana").
std::string problem_name_lv(const std::string& problem);
/// The Latvian name of a note kind ("visit" → "Apmeklējums").
std::string note_kind_lv(const std::string& kind);
/// The author's position for the signature block, from her roles.
std::string position_lv(const access::Principal& p);

/// "case": the case's subject, stage, opening date and the problems of its intake.
OpinionSection case_section(const std::string& title, const CaseFile& k, const std::vector<std::string>& problems);

/// "assessment": from a completed assessment's stored result (assessment_json.h result_json),
/// per subject (a member named through `names` {person id → name}, or the household) its level
/// and, per domain, the strengths beside the difficulties. `instrument` names the instrument,
/// `completed_on` its completion date (YYYY-MM-DD). Internal error for a result that is not of
/// that shape.
Result<OpinionSection> assessment_section(const std::string& title, const nlohmann::json& result,
                                          const std::map<std::string, std::string>& names,
                                          const std::string& instrument, const std::string& completed_on);

/// "plan": the plan in force — its number, approval and review dates, and each goal with its
/// tasks (responsible party, due date, status).
OpinionSection plan_section(const std::string& title, const Plan& plan);

/// A note opened for printing.
struct NoteText {
  std::string kind, occurred_on, text;
};
/// "notes": each note as a paragraph headed by its date and kind.
OpinionSection notes_section(const std::string& title, const std::vector<NoteText>& notes);

/// "text": the worker's paragraphs (split at blank lines).
OpinionSection text_section(const std::string& title, const std::string& text);

}  // namespace atb::cases
