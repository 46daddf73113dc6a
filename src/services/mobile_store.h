// SQL of the mobile social service (tables of migrations/0021_mobile_service.sql); no rules here.
// Reads that name clients take the access policy's predicate over the case alias `c`
// (access::case_visible_sql): rows it refuses come without the person's name and phone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/mobile_model.h"
#include "storage/connection.h"

namespace atb::services {

/// The day plans of a service on `day` by route, each with its crew and stops in route order.
Result<std::vector<DayPlan>> day_plans(storage::Connection& c, std::int64_t service_id,
                                       const std::string& day, const std::string& visible_sql);
/// One day plan with its crew and stops.
Result<std::optional<DayPlan>> load_plan(storage::Connection& c, std::int64_t id,
                                         const std::string& visible_sql);
/// Whether the service has a plan of that route on that day.
Result<bool> route_taken(storage::Connection& c, std::int64_t service_id, const std::string& day,
                         const std::string& route);
/// The active users of a municipality among `ids`, with their names, in the order given.
Result<std::vector<CrewMember>> crew_members(storage::Connection& c, std::int64_t municipality_id,
                                             const std::vector<std::int64_t>& ids);
/// Stores a new plan (version 1) with its crew; returns its id.
Result<std::int64_t> insert_plan(storage::Connection& c, const DayPlan& p);

/// Replaces a plan's route, vehicle, note and crew if it still has `expected_version` (bumping
/// it, `updated_at` = p.updated_at); false when someone changed it meanwhile.
Result<bool> update_plan(storage::Connection& c, const DayPlan& p, std::int64_t expected_version);
/// Removes a plan with its crew and its stops (with their items) if it still has
/// `expected_version` and none of its stops has a recorded visit; false otherwise.
Result<bool> delete_plan(storage::Connection& c, std::int64_t id, std::int64_t expected_version);

/// The name of a municipality (empty when there is none).
Result<std::string> municipality_name(storage::Connection& c, std::int64_t id);

/// The route of the stop of `person_id` on another plan of the service's `day`, except stop
/// `except_stop` (nullopt when there is none).
Result<std::optional<std::string>> person_route_on(storage::Connection& c, std::int64_t service_id,
                                                   const std::string& day, std::int64_t person_id,
                                                   std::int64_t except_stop);
/// The person's address in the registry as one line: where she actually lives, else her
/// declared address (nullopt when neither is known).
Result<std::optional<std::string>> registry_address(storage::Connection& c, std::int64_t person_id);

/// One stop (with the person's name; the caller decides what to show).
Result<std::optional<MobileStop>> load_stop(storage::Connection& c, std::int64_t id);
/// The ids of a plan's stops in route order.
Result<std::vector<std::int64_t>> stop_order(storage::Connection& c, std::int64_t plan_id);
/// Numbers the stops of a plan 1, 2, … in the order of `ids`.
Result<void> set_order(storage::Connection& c, const std::vector<std::int64_t>& ids);
/// Stores a new stop (version 1) with its planned items; returns its id.
Result<std::int64_t> insert_stop(storage::Connection& c, const MobileStop& s,
                                 std::int64_t created_by);
/// Replaces a planned stop's plan, window, address, note and planned items if it still has
/// `expected_version` (bumping it); false when someone changed it meanwhile.
Result<bool> update_stop(storage::Connection& c, const MobileStop& s,
                         std::int64_t expected_version);
/// Records the visit's outcome, its note, what was delivered and the delivery log's row if the
/// stop still has `expected_version`; false otherwise.
Result<bool> record_visit(storage::Connection& c, const MobileStop& s,
                          std::int64_t expected_version);
/// Removes a stop with its items if it still has `expected_version`.
Result<bool> delete_stop(storage::Connection& c, std::int64_t id, std::int64_t expected_version);

}  // namespace atb::services
