// JSON of the case-management API (docs/api-cases.md): intakes read from bodies and sent,
// cases with their history, notifications.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/model.h"
#include "core/result.h"

namespace atb::cases {

/// The longest concern an intake takes, in characters (a public request: kPublicConcernMax).
inline constexpr std::size_t kConcernMax = 10000;
inline constexpr std::size_t kPublicConcernMax = 4000;

/// An intake as sent. The reporter is replaced by {"kind": …, "redacted": true} unless
/// `show_reporter` (access::may_see_reporter).
nlohmann::json to_json(const Intake& i, bool show_reporter);
/// A case with co-workers, transition history, the stages it may move to, the latest
/// closure request and agreement.
nlohmann::json to_json(const CaseFile& k);
/// A notification.
nlohmann::json to_json(const Notification& n);

/// The "problems" member: one or more of kProblems, sorted, without repeats (422 naming
/// "problems" or "problems.N").
Result<std::vector<std::string>> problems_from(const nlohmann::json& body);

/// The fields of a staff intake body, checked for shape, lists and lengths (not yet against
/// the database): channel, urgency, reporter, household_id, person_ids, concern, problems.
Result<Intake> intake_from_body(const nlohmann::json& body);

}  // namespace atb::cases
