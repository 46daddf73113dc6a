// Case management records as the stores read and write them: intakes (pieteikumi), cases
// (gadījumi) with their stages, transitions, closure requests, agreements and assessments,
// and in-app notifications. Plain data; the rules are in rules.h, the SQL in intake_store.h/case_store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace atb::cases {

/// How an intake arrived.
inline constexpr const char* kChannels[] = {"visit", "phone", "email", "web", "partner_referral", "police", "school"};
/// Who reported: a private person, a partner institution, or nobody known.
inline constexpr const char* kReporterKinds[] = {"person", "partner", "anonymous"};
/// Problem categories (several per intake).
inline constexpr const char* kProblems[] = {"alcohol",  "psychoactive_substances", "mental_disorder", "basic_needs",
                                            "poverty",  "crisis",                  "violence",        "neglect",
                                            "housing",  "unemployment",            "disability",      "other"};
/// Urgency: acute (danger or violence) starts rapid response (ātrā reaģēšana).
inline constexpr const char* kUrgencies[] = {"routine", "priority", "acute"};
/// What became of an intake.
inline constexpr const char* kOutcomes[] = {"open_case", "referred", "no_action"};
/// Why a case closed.
inline constexpr const char* kClosureReasons[] = {"goals_reached", "moved_away", "refused_cooperation",
                                                  "transferred",   "deceased",   "other"};

/// Whether `value` is one of `list`.
template <std::size_t N>
bool one_of(const char* const (&list)[N], const std::string& value) {
  for (const char* item : list) {
    if (value == item) return true;
  }
  return false;
}

/// The reporter of an intake. Sensitive: only the workers who handle the intake see it.
struct Reporter {
  std::string kind = "anonymous";  ///< kReporterKinds
  std::string name;                ///< person's name or the institution's name
  std::string contact;             ///< phone or e-mail
};

/// An intake (pieteikums).
struct Intake {
  std::int64_t id = 0;
  std::string reference;  ///< random, unambiguous (e.g. "P-7KQ3-94XD"); given to the reporter
  std::int64_t municipality_id = 0, department_id = 0, team_id = 0;
  std::int64_t version = 1;
  std::string channel, urgency;
  std::string status = "open";  ///< open | closed (with an outcome)
  Reporter reporter;
  std::optional<std::int64_t> household_id;
  std::vector<std::int64_t> person_ids;
  std::string concern;
  std::vector<std::string> problems;
  std::string received_at;                 ///< UTC ISO time
  std::string first_contact_due_on;        ///< YYYY-MM-DD (Riga)
  std::optional<std::string> first_contact_due_at;  ///< acute: UTC ISO time (received + 24 h)
  std::optional<std::string> outcome, outcome_reason, referred_to;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> created_by;  ///< empty for a public web request
  std::string created_at;
};

/// The stages of a case, in order (closed last).
inline constexpr const char* kStages[] = {"intake", "agreement", "initial_assessment", "in_depth_assessment",
                                          "plan",   "implementation", "review", "closed"};

/// One stage change: who, when, why.
struct Transition {
  std::int64_t id = 0;
  std::string from_stage, to_stage, reason;
  std::int64_t by_user = 0;
  std::string by_name, at;
};

/// A request by the lead worker to close, and a supervisor's decision on it.
struct ClosureRequest {
  std::int64_t id = 0;
  std::string closure_reason;  ///< kClosureReasons
  int outcome_rating = 0;      ///< 1 (no improvement) … 5 (goals fully reached)
  std::string note;
  std::int64_t requested_by = 0;
  std::string requested_at;
  std::string status = "pending";  ///< pending | approved | rejected
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_at, decision_note;
};

/// The agreement to cooperate (vienošanās): when and which household members agreed.
struct Agreement {
  std::int64_t id = 0;
  std::string agreed_on;  ///< YYYY-MM-DD
  std::vector<std::int64_t> person_ids;
  std::string note;
  std::int64_t recorded_by = 0;
  std::string recorded_at;
  std::optional<std::int64_t> document_id;  ///< the signed copy, a document of the case
};

/// A case (gadījums) for a household or a person.
struct CaseFile {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0, department_id = 0, team_id = 0;
  std::int64_t version = 1;
  std::optional<std::int64_t> household_id, person_id, intake_id;
  std::string subject_name;  ///< household name or person's name
  std::string stage = "intake";
  std::int64_t lead_worker_id = 0;
  std::vector<std::int64_t> co_worker_ids;
  std::string opened_on;
  std::optional<std::string> closed_on, closure_reason;
  std::optional<int> outcome_rating;
  std::vector<Transition> transitions;
  std::optional<ClosureRequest> closure_request;  ///< the latest one
  std::optional<Agreement> agreement;             ///< the latest one
  std::string created_at;
};

/// How much of a CaseFile to load.
enum class CaseDetail {
  whole,   ///< every member
  access,  ///< the case's own columns and co-workers, what the access policy reads: no
           ///< transitions, closure request or agreement
};

/// An assessment of a case with one instrument version (grūtību un resursu izvērtēšana).
struct Assessment {
  std::int64_t id = 0, case_id = 0;
  std::string instrument_id;
  int instrument_version = 0;  ///< kept for good: an old assessment is read with its version
  std::int64_t version = 1;    ///< optimistic concurrency of draft changes
  std::string status = "draft";  ///< draft | completed (then nothing changes)
  std::string answers = R"({"household":{},"members":[]})";  ///< JSON (instrument_answers.h)
  std::optional<std::string> overall_level;  ///< completed: a RiskLevel code
  std::optional<std::string> result;         ///< completed: JSON of scores, fired rules, summary
  std::int64_t created_by = 0, updated_by = 0;
  std::string created_by_name, created_at, updated_at;
  std::optional<std::int64_t> completed_by;
  std::optional<std::string> completed_by_name, completed_at;
};

/// An in-app notification for one user.
struct Notification {
  std::int64_t id = 0;
  std::string kind;  ///< acute_intake | case_assigned | closure_requested | closure_decided | plan_* | partner_concern
  std::string entity_type;
  std::int64_t entity_id = 0;
  Text message;
  std::string created_at;
  std::optional<std::string> read_at;
};

}  // namespace atb::cases
