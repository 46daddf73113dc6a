// Latvian sample texts for demonstration and generated cases (`atbalsts demo`, the national
// generator): what a reporter says in an intake, why a case moved to a stage, why it was
// closed. Plain data; the same variant number always gives the same text.
#pragma once

#include <string>
#include <string_view>

namespace atb::cases::samples {

/// A concern as a reporter tells it, for an intake about `problem` (a kProblems code).
std::string_view concern(std::string_view problem, unsigned variant);

/// Why a case moved to `to_stage` (a kStages code other than "closed").
std::string_view transition_reason(std::string_view to_stage, unsigned variant);

/// The lead worker's note when requesting closure for `reason` (a kClosureReasons code).
std::string_view closure_note(std::string_view reason, unsigned variant);

/// A supervisor's note approving a closure.
std::string_view approval_note(unsigned variant);

/// The note of an agreement to cooperate.
std::string_view agreement_note(unsigned variant);

/// A reporter's name for a reporter of `kind` (kReporterKinds; "" for anonymous) and a contact.
std::string_view reporter_name(std::string_view kind, unsigned variant);
std::string_view reporter_contact(std::string_view kind, unsigned variant);

/// A note of `kind` (kNoteKinds): two to four sentences of a worker's process record.
std::string note(std::string_view kind, unsigned variant);

/// A goal of a cooperation plan for a family (`family`) or an adult.
std::string_view plan_goal(bool family, unsigned variant);
/// A task towards a goal, and who usually does it: "member", "worker" or "partner".
std::string_view plan_task(unsigned variant);
std::string_view plan_task_responsible(unsigned variant);
/// A partner institution responsible for a task.
std::string_view partner_name(unsigned variant);

}  // namespace atb::cases::samples
