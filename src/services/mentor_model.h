// Plain records of the mentor service (mentora pakalpojums): the register of mentors, the
// pairings of a mentor with a young person (a placed referral of a mentor service), the meetings
// of a pairing and the cooperation-plan goals it works towards. Contract: docs/api-mentors.md;
// tables: migrations/0020_mentors.sql.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/model.h"

namespace atb::services {

/// A mentor of the register: a staff user or a volunteer.
struct Mentor {
  std::int64_t id = 0;
  std::int64_t municipality_id = 0;
  std::string kind = "volunteer";           ///< staff | volunteer
  std::optional<std::int64_t> user_id;      ///< staff only
  std::string name;                         ///< the volunteer's, or the staff user's (read only)
  std::optional<std::string> phone, email;  ///< a volunteer's contacts
  std::string trained_on;                   ///< date of the training or the agreement
  bool active = true;                       ///< takes mentees now
  int max_mentees = 3;                      ///< active pairings at once
  int active_pairings = 0;                  ///< read only
  std::int64_t version = 1;
  std::string created_at, updated_at;
};

/// A goal of the case's cooperation plan linked to a pairing (or offered for linking).
struct PairingGoal {
  std::int64_t goal_id = 0, plan_id = 0;
  int plan_number = 0;
  std::string plan_status;  ///< approved | superseded (links stay when a plan is superseded)
  std::string text;
};

/// A meeting of a pairing. `note_sealed` is the sealed note (empty: none).
struct Meeting {
  std::int64_t id = 0, pairing_id = 0;
  std::optional<std::int64_t> delivery_id;  ///< its row in the referral's delivery log
  std::string met_on;
  int minutes = 0;
  std::string format;  ///< in_person | online | phone | outing
  std::optional<std::string> place;
  bool attended = true;
  std::string note_sealed;
  UserRef recorded_by;
  std::string recorded_at;
  std::int64_t version = 1;             ///< optimistic version of a correction (0028)
  std::optional<UserRef> corrected_by;  ///< who corrected it last (0028)
  std::optional<std::string> corrected_at;
};

/// A mentor with a young person: active while `until_on` is empty.
struct Pairing {
  std::int64_t id = 0, referral_id = 0, mentor_id = 0, case_id = 0;
  std::string mentor_name, mentor_kind;  ///< read only
  std::string from_on;
  std::optional<std::string> until_on, end_reason, override_reason;
  std::int64_t version = 1;
  UserRef created_by;
  std::string created_at;
  std::optional<UserRef> ended_by;
  std::optional<std::string> ended_at;
  std::vector<PairingGoal> goals;  ///< filled by load_pairing_details
  std::vector<Meeting> meetings;   ///< newest first; filled by load_pairing_details
};

/// A mentor's active pairing as her register page lists it: the mentee named only where the
/// caller may read the case.
struct Mentee {
  std::int64_t pairing_id = 0, referral_id = 0, case_id = 0;
  std::string from_on;
  bool visible = false;
  std::string person_name;
};

}  // namespace atb::services
