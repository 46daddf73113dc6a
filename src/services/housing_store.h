// SQL of housing services (tables of migrations/0019_housing.sql); no rules here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/housing_model.h"
#include "services/housing_rules.h"
#include "storage/connection.h"

namespace atb::services {

/// The units of a service with their rooms and places (with whether they are out of use), by
/// name.
Result<std::vector<HousingUnit>> list_units(storage::Connection& c, std::int64_t service_id);
/// One unit (without rooms).
Result<std::optional<HousingUnit>> load_unit(storage::Connection& c, std::int64_t id);
/// One room (without places) and the service of its unit.
Result<std::optional<std::pair<HousingRoom, std::int64_t>>> load_room(storage::Connection& c,
                                                                      std::int64_t id);
/// Where a place is (nullopt when there is no such place).
Result<std::optional<PlaceWhere>> load_place(storage::Connection& c, std::int64_t id);

/// Whether the name is taken among the units of a service, the rooms of a unit, the places of
/// a room.
Result<bool> unit_name_taken(storage::Connection& c, std::int64_t service_id,
                             const std::string& name);
Result<bool> room_name_taken(storage::Connection& c, std::int64_t unit_id, const std::string& name);
Result<bool> place_name_taken(storage::Connection& c, std::int64_t room_id,
                              const std::string& name);

/// Stores a new unit, room or place; returns its id.
Result<std::int64_t> insert_unit(storage::Connection& c, const HousingUnit& u,
                                 const std::string& now);
Result<std::int64_t> insert_room(storage::Connection& c, std::int64_t unit_id,
                                 const std::string& name, const std::string& now);
Result<std::int64_t> insert_place(storage::Connection& c, std::int64_t room_id,
                                  const std::string& name, const std::string& now);

/// A level of a service's housing: a unit, a room of a unit, a place of a room.
enum class HousingLevel { unit, room, place };

/// Renames a unit and replaces its address if it still has `expected_version`.
Result<bool> update_unit(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& name, const std::optional<std::string>& address);
/// Renames a room if it still has `expected_version`.
Result<bool> rename_room(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                         const std::string& name);
/// Holds the rows of the places under the unit, room or place `id` until the transaction ends
/// (the lock a move-in takes first), so a removal and a move-in into it cannot both happen.
Result<void> lock_places_under(storage::Connection& c, HousingLevel level, std::int64_t id);
/// How many stays, open or ended, ever used a place under the unit, room or place `id`.
Result<std::int64_t> stays_under(storage::Connection& c, HousingLevel level, std::int64_t id);
/// Removes the unit, room or place `id` with its rooms and places (the caller has made sure that
/// no stay ever used them: stays are history and are never removed). A unit or room goes only
/// if it still has `expected_version` (a place: whatever its version); false when it differs —
/// its places may be gone already, so the caller must then fail the transaction (stale()).
Result<bool> delete_housing(storage::Connection& c, HousingLevel level, std::int64_t id,
                            std::int64_t expected_version = 0);

/// Takes place `id` out of use (`out`: since, reason, by) or returns it to use (nullopt) if it
/// still has `expected_version`; false when the version differs.
Result<bool> set_place_use(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                           const std::optional<OutOfUse>& out);

/// Holds the place's and the person's rows until the transaction ends, so two concurrent
/// move-ins cannot both take the place or both house the person (place first, then person).
Result<void> lock_stay_rows(storage::Connection& c, std::int64_t place_id, std::int64_t person_id);

/// The stays of a place, or of a person, that have not ended by `from` (the candidates for an
/// overlap with a stay from `from`).
Result<std::vector<StaySpan>> place_spans(storage::Connection& c, std::int64_t place_id,
                                          const Date& from);
Result<std::vector<StaySpan>> person_spans(storage::Connection& c, std::int64_t person_id,
                                           const Date& from);

/// Stores a move-in (version 1); returns the stay's id.
Result<std::int64_t> insert_stay(storage::Connection& c, const Stay& s);
/// One stay with where it is (the resident's name always; the caller decides what to show).
Result<std::optional<Stay>> load_stay(storage::Connection& c, std::int64_t id);
/// Records the move-out if the stay still has `expected_version` and is open.
Result<bool> move_out_stay(storage::Connection& c, std::int64_t id, std::int64_t expected_version,
                           const std::string& on, const std::string& reason, std::int64_t by,
                           const std::string& now);

/// Records the move-out on `on` (or on the move-in day of a stay that begins later) of every open
/// stay of referral `referral_id`, as its referral ends; returns the ids of those stays.
Result<std::vector<std::int64_t>> move_out_referral_stays(storage::Connection& c,
                                                          std::int64_t referral_id,
                                                          const std::string& on,
                                                          const std::string& reason, std::int64_t by,
                                                          const std::string& now);

/// The stays of a unit (only those covering `on` when given), by place and move-in, newest
/// first; `visible_sql` is the access policy's predicate over the case alias `c`
/// (case_visible_sql): rows it refuses come without the resident's name.
Result<std::vector<Stay>> unit_stays(storage::Connection& c, std::int64_t unit_id,
                                     const std::optional<Date>& on, const std::string& visible_sql);

/// Per unit of a service: its places, how many are occupied on `on` and how many of the others
/// are out of use on `on` (since that day or before).
Result<std::vector<UnitOccupancy>> unit_occupancy(storage::Connection& c, std::int64_t service_id,
                                                  const Date& on);

}  // namespace atb::services
