// Partner institutions (docs/api-partners.md): the register of schools, kindergartens, the
// orphan's court (bāriņtiesa), police, health providers and NGOs with their contacts; the
// concern reports their users file; the information requests they send and their answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atb::partners {

/// The kinds of institution, in the order the register shows them.
inline constexpr const char* kPartnerKinds[] = {"school", "kindergarten", "orphans_court", "police",
                                                "health", "ngo",          "other"};

/// A person to contact at an institution.
struct Contact {
  std::int64_t id = 0;
  std::string full_name;
  std::optional<std::string> position, phone, email;
};

/// An institution of the register.
struct Partner {
  std::int64_t id = 0, municipality_id = 0;
  std::string kind, name;
  std::optional<std::string> registration_number, address, phone, email;
  bool active = true;
  std::vector<Contact> contacts;
  std::string created_at, updated_at;
  std::int64_t version = 1;  ///< counts changes (optimistic concurrency)
};

/// A concern report of a partner user about a child; it became intake `intake_id`.
struct Concern {
  std::int64_t id = 0, partner_id = 0, intake_id = 0, reported_by = 0;
  std::string child_name;
  std::optional<std::string> child_birth_date;
  std::string school, created_at;
  // Of the intake, for the reporter: its reference, received time, status and outcome.
  std::string reference, concern, received_at, intake_status;
  std::optional<std::string> outcome;
  std::vector<std::string> categories;
};

/// What a concern report says (checked by rules, before anything is stored).
struct ConcernDraft {
  std::string child_name;
  std::optional<std::string> child_birth_date, child_personal_code;
  std::string school, concern;
  std::vector<std::string> categories;  ///< cases::kProblems codes
};

/// An information request of an institution about a person or a case, and its answer.
struct InfoRequest {
  std::int64_t id = 0, municipality_id = 0, partner_id = 0, requested_by = 0;
  std::string partner_name, requested_by_name;
  std::string subject_name;
  std::optional<std::string> subject_birth_date, subject_personal_code, case_reference;
  std::string question, due_on;
  std::string status = "open";  ///< open | answered
  std::int64_t version = 1;
  std::optional<std::int64_t> case_id, opinion_id;
  std::optional<std::string> opinion_reference, answer_note, answered_by_name, answered_at;
  std::string created_at;
};

/// A plan task assigned to an institution, as its portal shows it: the task, never the case.
struct PartnerTask {
  std::int64_t id = 0, case_id = 0, partner_id = 0, version = 1;
  std::string text, due_on, status;
  std::optional<std::string> note;
  std::string goal, updated_at;
  std::string plan_status;
};

}  // namespace atb::partners
