// Plain records of housing services (group apartments and social houses): units with rooms and
// places (beds), and the stays of residents in places. Contract: docs/api-housing.md; tables:
// migrations/0019_housing.sql.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atb::services {

/// Why and since when a place is out of use (a broken bed under repair; 0031).
struct OutOfUse {
  std::string since;  ///< YYYY-MM-DD (Europe/Riga), the day it was taken out of use
  std::string reason;
  std::int64_t by = 0;
  std::string by_name;  ///< read only
};

/// A place (bed) in a room.
struct HousingPlace {
  std::int64_t id = 0, room_id = 0;
  std::string name;
  std::int64_t version = 1;            ///< optimistic version of taking it out of use and back
  std::optional<OutOfUse> out_of_use;  ///< empty while the place is in use
};

/// A room of a unit with its places.
struct HousingRoom {
  std::int64_t id = 0, unit_id = 0;
  std::string name;
  std::vector<HousingPlace> places;
  std::int64_t version = 1;  ///< optimistic version of a rename (0028)
};

/// A unit of a housing service (an apartment, a section of the house) with its rooms.
struct HousingUnit {
  std::int64_t id = 0, service_id = 0;
  std::string name;
  std::optional<std::string> address;
  std::string created_at;
  std::vector<HousingRoom> rooms;
  std::int64_t version = 1;  ///< optimistic version of a rename (0028)
};

/// Where a place is: its room, unit and service (with their names).
struct PlaceWhere {
  std::int64_t place_id = 0, room_id = 0, unit_id = 0, service_id = 0;
  std::string place_name, room_name, unit_name;
  std::int64_t place_version = 1;  ///< filled by load_place only
  bool out_of_use = false;         ///< filled by load_place only
};

/// A resident's stay in a place: [move_in_on, move_out_on), open while move_out_on is empty.
struct Stay {
  std::int64_t id = 0;
  PlaceWhere where;
  std::int64_t referral_id = 0, case_id = 0, person_id = 0;
  std::string move_in_on;
  std::optional<std::string> move_out_on, move_out_reason;
  std::int64_t version = 1;
  std::int64_t moved_in_by = 0;
  std::string moved_in_at;
  std::optional<std::int64_t> moved_out_by;
  std::optional<std::string> moved_out_at;
  bool visible = false;     ///< whether the caller may read the resident's case (else unnamed)
  std::string person_name;  ///< read only; empty when not visible
};

/// How many places a unit has, how many are occupied on a date and how many of the others are
/// out of use then (free: the rest).
struct UnitOccupancy {
  std::int64_t unit_id = 0;
  std::string name;
  int places = 0, occupied = 0;
  int out_of_use = 0;
};

}  // namespace atb::services
