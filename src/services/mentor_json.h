// JSON of the mentor service (docs/api-mentors.md): mentors of the register, their mentees,
// pairings with their plan goals and meetings (the meeting note opened from its sealed form),
// and a mentor from a request body (types and lengths checked here, 422 naming the member; the
// rules that tie fields together are check_mentor's).
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/sealed_text.h"
#include "services/mentor_model.h"

namespace atb::services {

/// A mentor of the register with her active pairings and free places.
nlohmann::json to_json(const Mentor& m);
/// A mentor's active pairing: `person` and `case_id` only when visible.
nlohmann::json to_json(const Mentee& m);
/// A goal of the cooperation plan.
nlohmann::json to_json(const PairingGoal& g);
/// A meeting with its note opened (a note that cannot be opened: "note": null, "unreadable": true).
nlohmann::json to_json(const Meeting& m, const Keyring& keys);
/// A pairing with its goals and meetings.
nlohmann::json to_json(const Pairing& p, const Keyring& keys);

/// Applies the members present in `body` (kind, user_id, name, phone, email, trained_on,
/// active, max_mentees) to `m` (null clears an optional one); a new mentor
/// starts from a default Mentor. 422 naming the member for a wrong type or length.
Result<void> apply_mentor_body(const nlohmann::json& body, Mentor& m);

}  // namespace atb::services
