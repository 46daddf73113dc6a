// SQL of services and referrals (tables of migrations/0016_services.sql); no rules here.
// Writes that carry a `version` change the row only when it still has that version and say
// whether they did (false: someone changed it meanwhile).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "services/model.h"
#include "storage/connection.h"

namespace atb::services {

/// The services of a municipality (active ones only unless `with_inactive`), by kind and name.
Result<std::vector<Service>> list_services(storage::Connection& c, std::int64_t municipality_id,
                                           bool with_inactive);
/// One service with its target groups.
Result<std::optional<Service>> load_service(storage::Connection& c, std::int64_t id);
/// Stores a new service (version 1); returns its id.
Result<std::int64_t> insert_service(storage::Connection& c, const Service& s,
                                    const std::string& now);
/// Replaces a service's fields (not its municipality) if it has `expected_version`.
Result<bool> update_service(storage::Connection& c, const Service& s, std::int64_t expected_version,
                            const std::string& now);
/// Whether a department (or, for a partner, an outside organisation) exists in the municipality.
Result<bool> department_exists(storage::Connection& c, std::int64_t municipality_id,
                               std::int64_t department_id);
Result<bool> partner_exists(storage::Connection& c, std::int64_t municipality_id,
                            std::int64_t partner_id);

/// Holds the service's row until the transaction ends, so two placements cannot both take the
/// last place.
Result<void> lock_service(storage::Connection& c, std::int64_t service_id);
/// What the placed referrals of a service occupy of its capacity (sum of their quantities).
Result<int> occupied(storage::Connection& c, std::int64_t service_id);
/// What the placed referrals of each service of a municipality occupy, how many wait, and how
/// many requests await a decision (`overdue`: past their deadline on `today`).
struct ServiceLoad {
  int occupied = 0, waiting = 0, requested = 0, overdue = 0;
};
Result<std::map<std::int64_t, ServiceLoad>> service_loads(storage::Connection& c,
                                                          std::int64_t municipality_id,
                                                          const Date& today);
/// One page of a service's waiting list and the list's length.
struct WaitingPage {
  std::vector<WaitingEntry> items;  ///< in the list's order, positions offset + 1, offset + 2, …
  int total = 0;                    ///< how many wait in all
};
/// What a service's page lists of its referrals.
struct ServiceRoster {
  int occupied = 0;                  ///< the sum of the placed referrals' quantities
  WaitingPage waiting;               ///< one page of the waiting list and its length
  std::vector<WaitingEntry> placed;  ///< every placed referral by priority, then start date
};
/// How many waiting referrals of a service come before one with this priority, waiting-since
/// date and id, in the waiting list's order (priority, waiting since, id; the
/// ORDER BY of load_roster): her position is that plus one. Counts in the service-state index.
Result<int> waiting_ahead(storage::Connection& c, std::int64_t service_id, int priority,
                          const std::string& waiting_since, std::int64_t id);

/// A person's birth date (nullopt when the person does not exist or it is not a valid date).
Result<std::optional<Date>> birth_date(storage::Connection& c, std::int64_t person_id);

/// Stores a new referral (state requested, version 1); returns its id.
Result<std::int64_t> insert_referral(storage::Connection& c, const Referral& r);
/// Sets the municipality and department (its case's) of every referral written without them
/// (after a bulk load); insert_referral sets them itself.
Result<void> fill_referral_scopes(storage::Connection& c);
/// One referral with names.
Result<std::optional<Referral>> load_referral(storage::Connection& c, std::int64_t id);
/// A case's referrals, newest request first.
Result<std::vector<Referral>> case_referrals(storage::Connection& c, std::int64_t case_id);

/// The decision: state waiting (granted, with priority and waiting since) or refused.
struct DecisionChange {
  std::string state, decision, reason;
  std::optional<int> priority;
  std::optional<std::string> waiting_since;
};
Result<bool> decide_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                             const DecisionChange& d, std::int64_t by, const std::string& now);
/// Waiting → placed from `start_on` (with the override reason when beyond capacity).
Result<bool> place_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                            const std::string& start_on,
                            const std::optional<std::string>& override_reason, std::int64_t by,
                            const std::string& now);
/// → ended on `end_on` with a reason.
Result<bool> end_referral(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                          const std::string& end_on, const std::string& reason, std::int64_t by,
                          const std::string& now);

/// The delivery log of a referral, by date.
Result<std::vector<Delivery>> list_deliveries(storage::Connection& c, std::int64_t referral_id);
/// Adds a row to the delivery log; returns its id.
Result<std::int64_t> insert_delivery(storage::Connection& c, const Delivery& d);

}  // namespace atb::services
