// JSON of the registry API (docs/api-registry.md): drafts read from request bodies, and
// persons, hits, candidates and households written for the answer, showing only what the
// access policy's verdict allows.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "registry/model.h"
#include "registry/record_access.h"
#include "registry/rules.h"

namespace atb::registry {

/// The person fields a body may carry (POST and PATCH share them).
inline constexpr std::string_view kPersonFields[] = {
    "given_names", "surname", "personal_code", "other_id_kind", "other_id", "birth_date", "sex", "language",
    "phones", "email", "declared_address", "actual_address", "deceased_on", "disability", "health_note"};

/// Reads the person fields present in `body` over `base` (PATCH) or an empty draft (POST).
Result<PersonDraft> person_draft(const nlohmann::json& body, PersonDraft base = {});
/// Reads an address object (unknown members refused).
Result<std::optional<Address>> address_from(const nlohmann::json& body, const std::string& field);

nlohmann::json to_json(const Address& a);
nlohmann::json to_json(const Registration& r);
/// A person as the person page shows her; special-category fields only if `o.sensitive`.
nlohmann::json to_json(const Person& p, const Opened& o, const std::vector<Warning>& warnings = {});
/// A search hit: full row in scope; name, birth year and departments only out of scope.
nlohmann::json hit_json(const PersonHit& h);
/// A duplicate candidate (like a hit, with score, reasons and blocking).
nlohmann::json candidate_json(const PersonHit& h);
/// A household with its members and their scope.
nlohmann::json to_json(const Household& h, const Opened& o, const std::string& kind);

}  // namespace atb::registry
