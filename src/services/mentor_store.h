// SQL of the mentor service (tables of migrations/0020_mentors.sql); no rules here. Writes that
// carry a `version` change the row only when it still has that version and say whether they did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "services/housing_rules.h"
#include "services/mentor_model.h"
#include "storage/connection.h"

namespace atb::services {

/// A municipality's register (only active or only inactive mentors when `active` is given)
/// with each mentor's active pairings, unordered: the caller sorts the names in Latvian order
/// and pages (a register has tens of mentors, not thousands).
Result<std::vector<Mentor>> list_mentors(storage::Connection& c, std::int64_t municipality_id,
                                         std::optional<bool> active);
/// One mentor with her active pairings counted.
Result<std::optional<Mentor>> load_mentor(storage::Connection& c, std::int64_t id);
/// Stores a new mentor (version 1); returns her id.
Result<std::int64_t> insert_mentor(storage::Connection& c, const Mentor& m, const std::string& now);
/// Replaces a mentor's fields (not her municipality) if she has `expected_version`.
Result<bool> update_mentor(storage::Connection& c, const Mentor& m, std::int64_t expected_version,
                           const std::string& now);
/// The name of `user_id` when she is an active staff user (a case role) of the municipality.
Result<std::optional<std::string>> staff_name(storage::Connection& c, std::int64_t municipality_id,
                                              std::int64_t user_id);
/// Whether another register entry (not `except_id`) is user `user_id`.
Result<bool> mentor_user_taken(storage::Connection& c, std::int64_t user_id,
                               std::int64_t except_id);

/// Holds the mentor's row until the transaction ends, so two pairings cannot both take her
/// last free place.
Result<void> lock_mentor(storage::Connection& c, std::int64_t mentor_id);
/// A mentor's active pairings with the mentee named only where `visible_sql` (the access
/// policy's predicate over the case alias `c`) allows, oldest first.
Result<std::vector<Mentee>> mentor_mentees(storage::Connection& c, std::int64_t mentor_id,
                                           const std::string& visible_sql);

/// The periods of a referral's pairings (for the overlap rule).
Result<std::vector<StaySpan>> referral_pairing_spans(storage::Connection& c,
                                                     std::int64_t referral_id);
/// Stores a new pairing (version 1); returns its id.
Result<std::int64_t> insert_pairing(storage::Connection& c, const Pairing& p);
/// One pairing (without goals and meetings).
Result<std::optional<Pairing>> load_pairing(storage::Connection& c, std::int64_t id);
/// A referral's pairings, the newest first, with their goals and meetings.
Result<std::vector<Pairing>> referral_pairings(storage::Connection& c, std::int64_t referral_id);
/// Fills a pairing's goals and meetings.
Result<void> load_pairing_details(storage::Connection& c, Pairing& p);
/// Ends an active pairing on `until_on` with a reason if it has `expected_version`.
Result<bool> end_pairing(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& until_on, const std::string& reason, std::int64_t by,
                         const std::string& now);
/// Ends the referral's active pairing (if any) with the referral: on `until_on`, or on its start
/// when it starts later; the reason is the referral's. Returns the ids of the pairings ended
/// (for the audit log).
Result<std::vector<std::int64_t>> end_referral_pairings(storage::Connection& c, std::int64_t referral_id,
                                   const std::string& until_on, const std::string& reason,
                                   std::int64_t by, const std::string& now);

/// The goals of the case's cooperation plan in force (approved), in the plan's order.
Result<std::vector<PairingGoal>> plan_goals_in_force(storage::Connection& c, std::int64_t case_id);
/// A goal with the case of its plan.
Result<std::optional<std::pair<PairingGoal, std::int64_t>>> load_goal(storage::Connection& c,
                                                                      std::int64_t goal_id);
/// Links a goal to a pairing; false when it was linked already.
Result<bool> link_goal(storage::Connection& c, std::int64_t pairing_id, std::int64_t goal_id,
                       std::int64_t by, const std::string& now);
/// Removes a link; false when there was none.
Result<bool> unlink_goal(storage::Connection& c, std::int64_t pairing_id, std::int64_t goal_id);

/// Stores a meeting; returns its id.
Result<std::int64_t> insert_meeting(storage::Connection& c, const Meeting& m);
/// Replaces a meeting's date, minutes, format, place, attendance and sealed note if it still has
/// `expected_version`, recording who corrected it and when, and its row in the delivery log
/// (date, `delivery_quantity`, attendance) with it; false when the version differs.
Result<bool> update_meeting(storage::Connection& c, const Meeting& m,
                            std::int64_t expected_version, int delivery_quantity, std::int64_t by,
                            const std::string& now);
/// Removes a meeting and its row in the delivery log if the meeting still has
/// `expected_version`; false when it differs (or the meeting was gone).
Result<bool> delete_meeting(storage::Connection& c, const Meeting& m,
                            std::int64_t expected_version);

}  // namespace atb::services
