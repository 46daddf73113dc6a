// What the housing routes share (routes_housing.cpp: setup, occupancy and stays;
// routes_housing_edit.cpp: renames and removals; routes_housing_places.cpp: places out of use):
// the housing service, unit and room named by the path (404 otherwise), a unit as the list shows
// it, the 409 of a name taken among its siblings, and the audit entry of a change.
// docs/api-housing.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "access/context.h"
#include "access/http_auth.h"
#include "access/model.h"
#include "core/result.h"
#include "http/router.h"
#include "services/housing_model.h"
#include "services/model.h"
#include "storage/connection.h"

namespace atb::services {

/// "No such housing unit." / "No such room." (404).
inline const Text kNoUnit{"Mājokļa vienība nav atrasta.", "No such housing unit."};
inline const Text kNoRoom{"Istaba nav atrasta.", "No such room."};
inline const Text kNoPlace{"Vieta nav atrasta.", "No such place."};

/// A 404 saying `what` is not there.
Error housing_missing(const Text& what);

/// The path parameter `name` as an id; 404 with `what` when it is not one.
Result<std::int64_t> housing_path_id(const http::Request& req, const char* name, const Text& what);

/// The housing service `id` of the caller's municipality: 404 when there is none, or when the
/// service is not a group apartment or a social house.
Result<Service> housing_service(storage::Connection& c, const access::Principal& p,
                                std::int64_t id);

/// The unit `unit_id` of housing service `service_id` (404 otherwise).
Result<HousingUnit> unit_of(storage::Connection& c, std::int64_t service_id, std::int64_t unit_id);

/// The room `room_id` of unit `unit_id` (404 otherwise).
Result<HousingRoom> room_of(storage::Connection& c, std::int64_t unit_id, std::int64_t room_id);

/// The ids of a place's path `/services/{id}/units/{uid}/rooms/{rid}/places/{pid}`.
struct PlacePath {
  std::int64_t service = 0, unit = 0, room = 0, place = 0;
};
/// The place path of the request (404 naming the first that is not an id).
Result<PlacePath> place_path(const http::Request& req);

/// The place of `path`, with its names and version (404 naming the first of service's unit,
/// room and place that does not fit).
Result<PlaceWhere> place_of(storage::Connection& c, const PlacePath& path);

/// "unit / room / place": how the audit log names a place.
std::string place_label(const PlaceWhere& where);

/// Unit `unit_id` of service `service_id` as the list shows it, with its rooms and places.
Result<nlohmann::json> unit_answer(storage::Connection& c, std::int64_t service_id,
                                   std::int64_t unit_id);

/// 409 naming `name` when it is `taken` among its siblings.
Result<void> name_free(bool taken);

/// Appends the audit entry of a change of entity `type` `id` (inside the write transaction).
Result<void> audit_housing_change(storage::Connection& c, const access::Principal& p,
                                  const http::Request& req, const std::string& action,
                                  const char* type, std::int64_t id,
                                  const std::string& reason = {});

/// Taking a place out of use and back (routes_housing_places.cpp; registered by
/// add_housing_edit_routes).
void add_housing_place_routes(http::Router& router, const access::Context& ctx);

}  // namespace atb::services
