// Corrections of a housing service's setup (docs/api-housing.md), by administrators and
// department heads like the setup itself: renaming a unit (and its address) or a room with the
// record's version (409 when stale or when the name is taken among its siblings, 422 naming the
// field when blank or too long), and removing a unit, room or place entered by mistake (a unit
// or room with its version, `?version=N`: 422 naming version without it, 409 when stale) — only
// while no stay, open or ended, ever used one of its places (409 otherwise: a resident's history
// is never lost). A removal first takes the lock a move-in takes on the places, so the two cannot
// both happen. Every change is audited in its write transaction.
#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "http/json_body.h"
#include "services/housing_json.h"
#include "services/housing_rules.h"
#include "services/housing_store.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "services/routes_housing_common.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr const char* kUnitPatchSchema = R"({"type":"object","required":["version"],
  "properties":{"version":{"type":"integer"},"name":{"type":"string","maxLength":200},
   "address":{"type":["string","null"],"maxLength":300}}})";
constexpr const char* kRoomPatchSchema = R"({"type":"object","required":["version","name"],
  "properties":{"version":{"type":"integer"},"name":{"type":"string","maxLength":100}}})";

// 409 when a place under the unit, room or place `id` has or had a resident.
Result<void> never_lived_in(storage::Connection& c, HousingLevel level, std::int64_t id) {
  ATB_TRY(lock_places_under(c, level, id));
  ATB_TRY_ASSIGN(stays, stays_under(c, level, id));
  if (stays == 0) return ok();
  static const Text what[] = {
      {"Vienībā", "The unit"}, {"Istabā", "The room"}, {"Vietā", "The place"}};
  const Text& which = what[static_cast<int>(level)];
  return Error{
      Errc::conflict,
      {which.lv + " dzīvo vai ir dzīvojuši iemītnieki (uzturēšanās: " + std::to_string(stays) +
           "), tāpēc to nevar dzēst: iemītnieku vēsture netiek dzēsta.",
       which.en + " has or had residents (stays: " + std::to_string(stays) +
           "), so it cannot be removed: residents' history is never deleted."},
      {},
      {}};
}

Result<Response> update_unit_of(const access::Context& ctx, Request& req,
                                const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "name", "address"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  std::optional<std::string> name;
  if (body.contains("name")) {
    ATB_TRY_ASSIGN(text, http::required_string(body, "name", 1000));
    ATB_TRY_ASSIGN_TO(name, check_housing_name("name", text, 200));
  }
  std::optional<std::string> address;
  if (body.contains("address"))
    ATB_TRY_ASSIGN_TO(address, http::optional_string(body, "address", 300));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(unit, unit_of(c, id, unit_id));
    if (unit.version != version) return stale();
    const std::string new_name = name.value_or(unit.name);
    if (new_name != unit.name) {
      ATB_TRY_ASSIGN(taken, unit_name_taken(c, id, new_name));
      ATB_TRY(name_free(taken));
    }
    const std::optional<std::string> new_address =
        body.contains("address") ? address : unit.address;
    ATB_TRY_ASSIGN(written, update_unit(c, unit_id, version, new_name, new_address));
    if (!written) return stale();
    ATB_TRY(audit_housing_change(c, p, req, "update", "housing_unit", unit_id,
                                 unit.name + " → " + new_name));
    return unit_answer(c, id, unit_id);
  }));
  return Response::json(answer);
}

Result<Response> rename_room_of(const access::Context& ctx, Request& req,
                                const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(room_id, housing_path_id(req, "rid", kNoRoom));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "name"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(text, http::required_string(body, "name", 1000));
  ATB_TRY_ASSIGN(name, check_housing_name("name", text, 100));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY(unit_of(c, id, unit_id));
    ATB_TRY_ASSIGN(room, room_of(c, unit_id, room_id));
    if (room.version != version) return stale();
    if (name != room.name) {
      ATB_TRY_ASSIGN(taken, room_name_taken(c, unit_id, name));
      ATB_TRY(name_free(taken));
    }
    ATB_TRY_ASSIGN(written, rename_room(c, room_id, version, name));
    if (!written) return stale();
    ATB_TRY(audit_housing_change(c, p, req, "update", "housing_room", room_id,
                                 room.name + " → " + name));
    return unit_answer(c, id, unit_id);
  }));
  return Response::json(answer);
}

Result<Response> remove_unit(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(unit, unit_of(c, id, unit_id));
    if (unit.version != version) return stale();
    ATB_TRY(never_lived_in(c, HousingLevel::unit, unit_id));
    ATB_TRY_ASSIGN(removed, delete_housing(c, HousingLevel::unit, unit_id, version));
    if (!removed) return stale();
    return audit_housing_change(c, p, req, "delete", "housing_unit", unit_id, unit.name);
  }));
  return Response::empty(204);
}

Result<Response> remove_room(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(room_id, housing_path_id(req, "rid", kNoRoom));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(unit, unit_of(c, id, unit_id));
    ATB_TRY_ASSIGN(room, room_of(c, unit_id, room_id));
    if (room.version != version) return stale();
    ATB_TRY(never_lived_in(c, HousingLevel::room, room_id));
    ATB_TRY_ASSIGN(removed, delete_housing(c, HousingLevel::room, room_id, version));
    if (!removed) return stale();
    return audit_housing_change(c, p, req, "delete", "housing_room", room_id,
                                unit.name + " / " + room.name);
  }));
  return Response::empty(204);
}

Result<Response> remove_place(const access::Context& ctx, Request& req,
                              const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(path, place_path(req));
  ATB_TRY_ASSIGN(version, version_query(req));
  ATB_TRY(ctx.db->write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(housing_service(c, p, path.service));
    ATB_TRY_ASSIGN(where, place_of(c, path));
    if (where.place_version != version) return stale();
    ATB_TRY(never_lived_in(c, HousingLevel::place, path.place));
    ATB_TRY_ASSIGN(removed, delete_housing(c, HousingLevel::place, path.place, version));
    if (!removed) return stale();
    return audit_housing_change(c, p, req, "delete", "housing_place", path.place, place_label(where));
  }));
  return Response::empty(204);
}

}  // namespace

void add_housing_edit_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::patch, "/api/v1/services/{id}/units/{uid}", route(ctx, update_unit_of),
             {.summary = "Rename a unit or change its address, with its version (administrators "
                         "and department heads; 409 when the name is taken).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kUnitPatchSchema});
  router.add(Method::del, "/api/v1/services/{id}/units/{uid}", route(ctx, remove_unit),
             {.summary = "Remove a unit with its rooms and places that no resident ever lived in "
                         "(?version= the unit's version; 409 when stale or lived in).",
              .tag = "services",
              .authenticated = true,
              .success_status = 204});
  router.add(Method::patch, "/api/v1/services/{id}/units/{uid}/rooms/{rid}",
             route(ctx, rename_room_of),
             {.summary = "Rename a room, with its version (409 when the name is taken).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kRoomPatchSchema});
  router.add(Method::del, "/api/v1/services/{id}/units/{uid}/rooms/{rid}", route(ctx, remove_room),
             {.summary = "Remove a room with its places that no resident ever lived in "
                         "(?version= the room's version; 409 when stale or lived in).",
              .tag = "services",
              .authenticated = true,
              .success_status = 204});
  router.add(Method::del, "/api/v1/services/{id}/units/{uid}/rooms/{rid}/places/{pid}",
             route(ctx, remove_place),
             {.summary = "Remove a place (bed) that no resident ever lived in (?version= the "
                         "place's version; 409 when stale or lived in).",
              .tag = "services",
              .authenticated = true,
              .success_status = 204});
  add_housing_place_routes(router, ctx);
}

}  // namespace atb::services
