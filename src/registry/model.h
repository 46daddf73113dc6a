// The client registry's plain data: persons, addresses, households, registrations, search hits
// and duplicate candidates. No behaviour here; rules.h decides, store.h reads and writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace atb::registry {

/// A postal address (declared or actual residence, or a household's).
struct Address {
  std::string municipality;
  std::string locality;     ///< city, town or parish (pilsēta / pagasts)
  std::string street;       ///< street or homestead name
  std::string house;
  std::string flat;
  std::string postal_code;  ///< LV-NNNN
  bool operator==(const Address&) const = default;
};

/// How a person or household first came to a department.
inline constexpr const char* kChannels[] = {"visit", "phone", "email", "referral", "letter", "other"};

/// What a user gives to create or change a person (after parsing, before the rules).
struct PersonDraft {
  std::string given_names;
  std::string surname;
  std::optional<std::string> personal_code;  ///< 11 digits once parsed
  std::optional<std::string> other_id_kind;  ///< e.g. "passport" for persons without a code
  std::optional<std::string> other_id;
  std::optional<std::string> birth_date;     ///< YYYY-MM-DD; from an old-format code if absent
  std::optional<std::string> sex;            ///< "F" or "M"
  std::optional<std::string> language;
  std::vector<std::string> phones;
  std::optional<std::string> email;
  std::optional<Address> declared_address;
  std::optional<Address> actual_address;
  std::optional<std::string> deceased_on;
  std::optional<std::string> disability;   ///< special-category
  std::optional<std::string> health_note;  ///< special-category
};

/// A first-time registration in a department.
struct Registration {
  std::int64_t department_id = 0;
  std::string department_code;
  Text department_name;
  std::int64_t team_id = 0;
  std::string first_registered_on;
  std::string channel;
};

/// An earlier name or code.
struct NameRecord {
  std::string given_names;
  std::string surname;
  std::string until;
  std::string reason;
};
struct CodeRecord {
  std::string code;
  std::string until;
  std::string reason;
};

/// A household the person belongs to.
struct Membership {
  std::int64_t household_id = 0;
  std::string household_name;
  std::string relationship;
  std::string since;
  std::optional<std::string> until;
};

/// A merge in the person's history.
struct MergeRecord {
  std::int64_t merge_id = 0;
  std::int64_t person_id = 0;  ///< the duplicate
  std::string given_names;
  std::string surname;
  std::string merged_at;
  std::optional<std::string> split_at;
};

/// A stored person with everything the person page shows.
struct Person {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0;
  std::int64_t version = 0;
  PersonDraft data;
  std::optional<std::int64_t> merged_into_id;
  std::vector<NameRecord> name_history;
  std::vector<CodeRecord> code_history;
  std::vector<Registration> registrations;
  std::vector<Membership> households;
  std::vector<MergeRecord> merges;
  std::string created_at;
  std::string updated_at;
};

/// A search result or duplicate candidate, before the access policy decides what is shown.
struct PersonHit {
  std::int64_t id = 0;
  bool in_scope = false;
  std::string given_names;
  std::string surname;
  std::optional<std::string> personal_code;
  std::string birth_date;
  std::string address;  ///< declared address, one line
  std::string sort_key;
  std::vector<Registration> departments;  ///< where it is registered (for out-of-scope hits)
  std::string address_key;
  double score = 0;                  ///< ranking (search) or likeness (duplicates), 0..1
  std::vector<std::string> reasons;  ///< duplicates: why it is a candidate
  bool blocking = false;             ///< duplicates: the same personal code
  std::string match;                 ///< search: code | name | birth_date | phone
};

/// A household member.
struct Member {
  std::int64_t person_id = 0;
  std::string given_names;
  std::string surname;
  std::string birth_date;
  std::string relationship;
  std::string since;
  std::optional<std::string> until;
  bool in_scope = false;
};

/// A stored household.
struct Household {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0;
  std::int64_t version = 0;
  std::string name;
  std::optional<Address> address;
  std::vector<Member> members;       ///< current
  std::vector<Member> past_members;  ///< with until
  std::vector<Registration> registrations;
};

}  // namespace atb::registry
