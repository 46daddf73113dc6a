// The rules of services and referrals, without I/O: the code lists, a catalogue entry's
// consistency, eligibility by age on a date and target group (422 naming the rule), the states
// of a referral (409 for a move the table does not allow), the decision deadline (one month from
// the request) and when it is overdue, the capacity check (409 unless overridden with a reason)
// (the order of a waiting list is SQL's: store.h waiting_page).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "services/model.h"

namespace atb::services {

/// The code lists (docs/api-services.md).
const std::vector<std::string_view>& service_kinds();
const std::vector<std::string_view>& capacity_units();
const std::vector<std::string_view>& delivery_units();
const std::vector<std::string_view>& funding_sources();
const std::vector<std::string_view>& target_groups();
const std::vector<std::string_view>& referral_states();
/// Whether `code` is in `list`.
bool is_one_of(const std::vector<std::string_view>& list, std::string_view code);

/// A catalogue entry fits together: names, a known kind, units and funding; exactly one
/// provider; a contract period only for a partner, from ≤ to; age_min ≤ age_max ≤ 130; known
/// target groups without repeats; capacity ≥ 0; a project number for project funding and none
/// otherwise. 422 naming the field.
Result<void> check_service(const Service& s);

/// Whether a person born on `birth` (nullopt: not known) in `target_group` may use a service
/// of eligibility `e` on `on`: 422 on person_id naming the age rule, or on target_group naming
/// the groups the service is for.
Result<void> check_eligibility(const Eligibility& e, const std::optional<Date>& birth,
                               const Date& on, const std::optional<std::string>& target_group);

/// The decision deadline: one calendar month after the request (31 January → 28/29 February).
Date decision_due(const Date& requested_on);
/// Whether a referral still awaiting its decision is past its deadline on `today`.
bool decision_overdue(const Referral& r, const Date& today);

/// Whether a referral may move from state `from` to `to`: requested → waiting (granted) or
/// refused; waiting → placed or ended (withdrawn); placed → ended. 409 naming the allowed moves.
Result<void> check_transition(std::string_view from, std::string_view to);

/// Whether `quantity` more fits a service of `capacity` with `occupied` taken: 409 naming
/// override_reason when it does not and no reason (non-blank) is given.
Result<void> check_capacity(int capacity, int occupied, int quantity,
                            const std::optional<std::string>& override_reason);

/// A date of a step not before `earliest` (the previous step) and not after `latest` (today
/// plus what the step allows): 422 naming `field`.
Result<Date> check_step_date(std::string_view field, std::string_view text, const Date& earliest,
                             const Date& latest);

}  // namespace atb::services
