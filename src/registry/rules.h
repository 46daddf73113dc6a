// The registry's rules, without I/O: checking a person draft (names, personal code, dates,
// contacts, addresses), search keys, household kind and relationships, and duplicate scores.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"
#include "registry/model.h"

namespace atb::registry {

/// A non-blocking remark about accepted input (e.g. a new-format code's check digit).
struct Warning {
  std::string field;
  Text message;
};

/// Checks and normalises a draft: names cleaned, code parsed (stored without hyphen) and the
/// birth date taken from an old-format code (or checked against it), dates real and not in the
/// future, phones, e-mail, postal codes. All field errors are reported at once (one Error).
Result<PersonDraft> check_person(PersonDraft draft, const Date& today, std::vector<Warning>& warnings);

/// Folded street, house, flat and locality: equal for the same dwelling however it is typed.
std::string address_match_key(const Address& a);
/// "Graudu iela 12-3, Liepāja, LV-3401".
std::string address_line(const Address& a);
/// The last eight digits of a phone number ("" if fewer than seven digits).
std::string phone_match_key(std::string_view phone);

/// Search keys of a person: the stems of her name tokens (current and earlier names) and the
/// ordered pairs "a b" of distinct stems, at most `max_keys`.
std::vector<std::string> search_keys(const std::vector<std::pair<std::string, std::string>>& names,
                                     std::size_t max_keys = 24);

/// The household relationships (to the reference person, `head`).
const std::vector<std::string>& relationships();
bool is_relationship(std::string_view name);
/// "family_with_children" if a member is under 18 on `today`, else "adults".
std::string household_kind(const std::vector<std::string>& member_birth_dates, const Date& today);
/// Refuses a relationship that contradicts the birth dates (a child born before the head, a
/// parent or grandparent born after). `field` names the member in the error.
Result<void> check_relationship(std::string_view relationship, std::string_view head_birth_date,
                                std::string_view member_birth_date, const std::string& field);

/// Scores how likely `hit` is the person of `draft`; fills hit.reasons, hit.blocking and
/// hit.score. Returns false when it is not a candidate at all.
bool score_duplicate(const PersonDraft& draft, const std::string& draft_address_key,
                     const std::string& hit_address_key, PersonHit& hit);

}  // namespace atb::registry
