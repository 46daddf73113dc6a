#include "services/routes_housing_common.h"

#include "audit/store.h"
#include "http/json_body.h"
#include "services/housing_json.h"
#include "services/housing_rules.h"
#include "services/housing_store.h"
#include "services/routes_common.h"

namespace atb::services {

Error housing_missing(const Text& what) {
  return Error{Errc::not_found, what, {}, {}};
}

Result<std::int64_t> housing_path_id(const http::Request& req, const char* name, const Text& what) {
  const auto id = http::path_id(req.param(name));
  if (!id) return housing_missing(what);
  return *id;
}

Result<Service> housing_service(storage::Connection& c, const access::Principal& p,
                                std::int64_t id) {
  ATB_TRY_ASSIGN(s, open_service(c, p, id));
  if (!has_housing(s.kind)) {
    return housing_missing(
        {"Pakalpojumam nav mājokļa: tas nav grupu dzīvoklis vai sociālā māja.",
         "The service has no housing: it is not a group apartment or a social house."});
  }
  return s;
}

Result<HousingUnit> unit_of(storage::Connection& c, std::int64_t service_id, std::int64_t unit_id) {
  ATB_TRY_ASSIGN(u, load_unit(c, unit_id));
  if (!u || u->service_id != service_id) return housing_missing(kNoUnit);
  return std::move(*u);
}

Result<HousingRoom> room_of(storage::Connection& c, std::int64_t unit_id, std::int64_t room_id) {
  ATB_TRY_ASSIGN(room, load_room(c, room_id));
  if (!room || room->first.unit_id != unit_id) return housing_missing(kNoRoom);
  return std::move(room->first);
}

Result<PlacePath> place_path(const http::Request& req) {
  PlacePath path;
  ATB_TRY_ASSIGN_TO(path.service, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN_TO(path.unit, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN_TO(path.room, housing_path_id(req, "rid", kNoRoom));
  ATB_TRY_ASSIGN_TO(path.place, housing_path_id(req, "pid", kNoPlace));
  return path;
}

Result<PlaceWhere> place_of(storage::Connection& c, const PlacePath& path) {
  ATB_TRY(unit_of(c, path.service, path.unit));
  ATB_TRY(room_of(c, path.unit, path.room));
  ATB_TRY_ASSIGN(where, load_place(c, path.place));
  if (!where || where->room_id != path.room) return housing_missing(kNoPlace);
  return std::move(*where);
}

std::string place_label(const PlaceWhere& where) {
  return where.unit_name + " / " + where.room_name + " / " + where.place_name;
}

Result<nlohmann::json> unit_answer(storage::Connection& c, std::int64_t service_id,
                                   std::int64_t unit_id) {
  ATB_TRY_ASSIGN(units, list_units(c, service_id));
  for (const HousingUnit& u : units) {
    if (u.id == unit_id) return to_json(u);
  }
  return Error::internal("unit vanished");
}

Result<void> name_free(bool taken) {
  if (!taken) return ok();
  const Text why{"Šāds nosaukums jau ir.", "This name is already used here."};
  return Error{Errc::conflict, why, {{"name", why}}, {}};
}

Result<void> audit_housing_change(storage::Connection& c, const access::Principal& p,
                                  const http::Request& req, const std::string& action,
                                  const char* type, std::int64_t id, const std::string& reason) {
  std::vector<audit::Entry> entries{
      access::audit_entry(p, req, action, type, std::to_string(id), reason)};
  return audit::append(c, entries);
}

}  // namespace atb::services
