// Housing services (docs/api-housing.md): the units, rooms and places (beds) of a group
// apartment or a social house (seen by whoever sees the catalogue, managed by administrators
// and department heads), occupancy on a date, and the stays of residents — the move-in of a
// placed referral of the service into a place and the move-out with a reason. Renames and
// removals of units, rooms and places: routes_housing_edit.cpp. Moves follow the
// resident's case (change access); overlapping stays of a place or a resident are refused (409
// naming the field) under a lock of the place and the person, and so is a move-in into a place
// out of use (409 naming place_id; routes_housing_places.cpp). A resident is named on a list
// only where the caller may read her case; the names shown are audited (entity housing_stay).
#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "cases/routes_common.h"
#include "core/time.h"
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

const Text kNoStay{"Uzturēšanās nav atrasta.", "No such stay."};

constexpr const char* kUnitSchema = R"({"type":"object","required":["name"],
  "properties":{"name":{"type":"string","maxLength":200},"address":{"type":["string","null"],"maxLength":300}}})";
constexpr const char* kNameSchema = R"({"type":"object","required":["name"],
  "properties":{"name":{"type":"string","maxLength":100}}})";
constexpr const char* kMoveInSchema =
    R"({"type":"object","required":["referral_id","place_id","move_in_on"],
  "properties":{"referral_id":{"type":"integer"},"place_id":{"type":"integer"},
   "move_in_on":{"type":"string","format":"date"}}})";
constexpr const char* kMoveOutSchema =
    R"({"type":"object","required":["version","move_out_on","reason"],
  "properties":{"version":{"type":"integer"},"move_out_on":{"type":"string","format":"date"},
   "reason":{"type":"string","maxLength":2000}}})";

// A date query parameter `name` (absent: nullopt); 422 naming it otherwise.
Result<std::optional<Date>> date_query(const Request& req, const char* name) {
  const auto text = req.query(name);
  if (!text || text->empty()) return std::optional<Date>{};
  const auto d = parse_date(*text);
  if (!d)
    return Error::invalid_field(name,
                                {"Datums jānorāda kā GGGG-MM-DD.", "Give the date as YYYY-MM-DD."});
  return std::optional(*d);
}

Result<Response> list_units_of(const access::Context& ctx, Request& req,
                               const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(items, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(units, list_units(c, id));
    json out = json::array();
    for (const HousingUnit& u : units) out.push_back(to_json(u));
    return out;
  }));
  return Response::json({{"items", items}, {"total", items.size()}});
}

Result<Response> create_unit(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"name", "address"}));
  ATB_TRY_ASSIGN(name_text, http::required_string(body, "name", 1000));
  ATB_TRY_ASSIGN(name, check_housing_name("name", name_text, 200));
  ATB_TRY_ASSIGN(address, http::optional_string(body, "address", 300));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(taken, unit_name_taken(c, id, name));
    ATB_TRY(name_free(taken));
    HousingUnit u{0, id, name, address, now_utc_iso(), {}};
    ATB_TRY_ASSIGN_TO(u.id, insert_unit(c, u, u.created_at));
    ATB_TRY(audit_housing_change(c, p, req, "create", "housing_unit", u.id, name));
    return to_json(u);
  }));
  return Response::json(answer, 201);
}

Result<Response> create_room(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"name"}));
  ATB_TRY_ASSIGN(name_text, http::required_string(body, "name", 1000));
  ATB_TRY_ASSIGN(name, check_housing_name("name", name_text, 100));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY(unit_of(c, id, unit_id));
    ATB_TRY_ASSIGN(taken, room_name_taken(c, unit_id, name));
    ATB_TRY(name_free(taken));
    ATB_TRY_ASSIGN(room_id, insert_room(c, unit_id, name, now_utc_iso()));
    ATB_TRY(audit_housing_change(c, p, req, "create", "housing_room", room_id, name));
    return to_json(HousingRoom{room_id, unit_id, name, {}});
  }));
  return Response::json(answer, 201);
}

Result<Response> create_place(const access::Context& ctx, Request& req,
                              const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(room_id, housing_path_id(req, "rid", kNoRoom));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"name"}));
  ATB_TRY_ASSIGN(name_text, http::required_string(body, "name", 1000));
  ATB_TRY_ASSIGN(name, check_housing_name("name", name_text, 100));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY(unit_of(c, id, unit_id));
    ATB_TRY(room_of(c, unit_id, room_id));
    ATB_TRY_ASSIGN(taken, place_name_taken(c, room_id, name));
    ATB_TRY(name_free(taken));
    ATB_TRY_ASSIGN(place_id, insert_place(c, room_id, name, now_utc_iso()));
    ATB_TRY(audit_housing_change(c, p, req, "create", "housing_place", place_id, name));
    return to_json(HousingPlace{place_id, room_id, name});
  }));
  return Response::json(answer, 201);
}

Result<Response> occupancy(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(asked, date_query(req, "on"));
  const Date on = asked.value_or(today_riga());
  ATB_TRY_ASSIGN(answer, ctx.db->read([&](storage::Connection& c) -> Result<json> {
    ATB_TRY_ASSIGN(s, housing_service(c, p, id));
    ATB_TRY_ASSIGN(units, unit_occupancy(c, id, on));
    json out = {
        {"service_id", id}, {"on", on.iso()}, {"capacity", s.capacity}, {"units", json::array()}};
    int places = 0, occupied = 0, out_of_use = 0;
    for (const UnitOccupancy& u : units) {
      out["units"].push_back(to_json(u));
      places += u.places;
      occupied += u.occupied;
      out_of_use += u.out_of_use;
    }
    out["places"] = places;
    out["occupied"] = occupied;
    out["out_of_use"] = out_of_use;
    out["free"] = places - occupied - out_of_use;
    return out;
  }));
  return Response::json(answer);
}

Result<Response> stays_of_unit(const access::Context& ctx, Request& req,
                               const access::Principal& p) {
  ATB_TRY(access::may_see_services(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(unit_id, housing_path_id(req, "uid", kNoUnit));
  ATB_TRY_ASSIGN(on, date_query(req, "on"));
  ATB_TRY_ASSIGN(stays, ctx.db->read([&](storage::Connection& c) -> Result<std::vector<Stay>> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY(unit_of(c, id, unit_id));
    return unit_stays(c, unit_id, on, access::case_visible_sql(p, "c"));
  }));
  json items = json::array();
  std::vector<std::int64_t> shown;
  for (const Stay& s : stays) {
    items.push_back(to_json(s));
    if (s.visible) shown.push_back(s.id);
  }
  if (!shown.empty()) ATB_TRY(access::audit_list(ctx, p, req, "housing_stay", shown));
  return Response::json({{"items", items}, {"total", items.size()}});
}

// The placed referral `referral_id` of service `service_id` whose case `p` may change: 422
// naming referral_id when there is none (or it is not placed in this service), 403 when the
// caller may only read its case.
Result<Referral> resident_referral(storage::Connection& c, const access::Principal& p,
                                   std::int64_t service_id, std::int64_t referral_id) {
  auto opened = open_referral(c, p, referral_id, access::Access::change);
  if (!opened && opened.error().code == Errc::not_found) {
    return Error::invalid_field("referral_id", {"Nosūtījums nav atrasts.", "No such referral."});
  }
  if (!opened) return opened.error();
  if (opened->referral.service_id != service_id || opened->referral.state != "placed" ||
      !opened->referral.start_on) {
    return Error::invalid_field(
        "referral_id", {"Iemītnieks var ievākties tikai ar šajā pakalpojumā uzņemtu nosūtījumu.",
                        "A resident moves in only with a referral placed in this service."});
  }
  return std::move(opened->referral);
}

Result<Response> move_in(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"referral_id", "place_id", "move_in_on"}));
  ATB_TRY_ASSIGN(referral_id, cases::optional_id(body, "referral_id"));
  ATB_TRY_ASSIGN(place_id, cases::optional_id(body, "place_id"));
  for (auto [field, value] :
       {std::pair{"referral_id", referral_id}, std::pair{"place_id", place_id}}) {
    if (!value)
      return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
  }
  ATB_TRY_ASSIGN(on_text, http::required_string(body, "move_in_on", 10));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(r, resident_referral(c, p, id, *referral_id));
    ATB_TRY_ASSIGN(where, load_place(c, *place_id));
    if (!where || where->service_id != id) {
      return Error::invalid_field(
          "place_id", {"Šajā pakalpojumā tādas vietas nav.", "No such place in this service."});
    }
    const Date placed = parse_date(*r.start_on).value_or(Date{});
    ATB_TRY_ASSIGN(from, check_move_in(on_text, placed, today_riga()));
    const Period wanted{from, std::nullopt};
    ATB_TRY(lock_stay_rows(c, *place_id, r.person_id));
    // A removal of the place may have won the lock (routes_housing_edit.cpp).
    ATB_TRY_ASSIGN(still, load_place(c, *place_id));
    if (!still) {
      return Error::invalid_field(
          "place_id", {"Šajā pakalpojumā tādas vietas nav.", "No such place in this service."});
    }
    ATB_TRY(check_place_in_use(still->out_of_use));
    ATB_TRY_ASSIGN(in_place, place_spans(c, *place_id, from));
    ATB_TRY(check_no_overlap("place_id", Collision::place, wanted, in_place));
    ATB_TRY_ASSIGN(of_person, person_spans(c, r.person_id, from));
    ATB_TRY(check_no_overlap("referral_id", Collision::resident, wanted, of_person));
    Stay s;
    s.where = *where;
    s.referral_id = r.id;
    s.person_id = r.person_id;
    s.move_in_on = from.iso();
    s.moved_in_by = p.user_id;
    s.moved_in_at = now_utc_iso();
    ATB_TRY_ASSIGN(stay_id, insert_stay(c, s));
    ATB_TRY(audit_housing_change(c, p, req, "move_in", "housing_stay", stay_id,
                                 place_label(*where)));
    ATB_TRY_ASSIGN(again, load_stay(c, stay_id));
    if (!again) return Error::internal("stay vanished");
    return to_json(*again);
  }));
  return Response::json(answer, 201);
}

Result<Response> move_out(const access::Context& ctx, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  ATB_TRY_ASSIGN(id, http::record_id(req, kNoService));
  ATB_TRY_ASSIGN(stay_id, housing_path_id(req, "sid", kNoStay));
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "move_out_on", "reason"}));
  ATB_TRY_ASSIGN(version, http::version_member(body));
  ATB_TRY_ASSIGN(on_text, http::required_string(body, "move_out_on", 10));
  ATB_TRY_ASSIGN(reason, cases::reason_member(body, "reason"));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, id));
    ATB_TRY_ASSIGN(stay, load_stay(c, stay_id));
    if (!stay || stay->where.service_id != id) return housing_missing(kNoStay);
    auto opened = open_referral(c, p, stay->referral_id, access::Access::change);
    if (!opened && opened.error().code == Errc::not_found) return housing_missing(kNoStay);
    if (!opened) return opened.error();
    if (stay->move_out_on) {
      return Error{Errc::conflict,
                   {"Izvākšanās jau reģistrēta (" + *stay->move_out_on + ").",
                    "The move-out is already recorded (" + *stay->move_out_on + ")."},
                   {},
                   {}};
    }
    if (stay->version != version) return stale();
    ATB_TRY_ASSIGN(out_on, check_move_out(on_text, parse_date(stay->move_in_on).value_or(Date{}),
                                          today_riga()));
    ATB_TRY_ASSIGN(written, move_out_stay(c, stay_id, version, out_on.iso(), reason, p.user_id,
                                          now_utc_iso()));
    if (!written) return stale();
    ATB_TRY(audit_housing_change(c, p, req, "move_out", "housing_stay", stay_id, reason));
    ATB_TRY_ASSIGN(again, load_stay(c, stay_id));
    if (!again) return Error::internal("stay vanished");
    return to_json(*again);
  }));
  return Response::json(answer);
}


}  // namespace

void add_housing_routes(http::Router& router, const access::Context& ctx) {
  router.add(
      Method::get, "/api/v1/services/{id}/units", route(ctx, list_units_of),
      {.summary =
           "The units of a group apartment or social house with their rooms and places (beds).",
       .tag = "services",
       .authenticated = true});
  router.add(Method::post, "/api/v1/services/{id}/units", route(ctx, create_unit),
             {.summary = "Add a unit (an apartment, a section of the house) to a housing service "
                         "(administrators and department heads).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kUnitSchema,
              .success_status = 201});
  router.add(Method::post, "/api/v1/services/{id}/units/{uid}/rooms", route(ctx, create_room),
             {.summary = "Add a room to a unit (administrators and department heads).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kNameSchema,
              .success_status = 201});
  router.add(Method::post, "/api/v1/services/{id}/units/{uid}/rooms/{rid}/places",
             route(ctx, create_place),
             {.summary = "Add a place (bed) to a room (administrators and department heads).",
              .tag = "services",
              .authenticated = true,
              .request_schema = kNameSchema,
              .success_status = 201});
  router.add(Method::get, "/api/v1/services/{id}/occupancy", route(ctx, occupancy),
             {.summary = "Places of a housing service and of each unit, occupied, out of use "
                         "and free on a date (on=, default today).",
              .tag = "services",
              .authenticated = true});
  router.add(
      Method::get, "/api/v1/services/{id}/units/{uid}/stays", route(ctx, stays_of_unit),
      {.summary =
           "The stays of a unit (on=: only those on that date); residents named where the caller "
           "may read their case.",
       .tag = "services",
       .authenticated = true});
  router.add(
      Method::post, "/api/v1/services/{id}/stays", route(ctx, move_in),
      {.summary =
           "Move a resident (a placed referral of the service) into a place from a date (409 when "
           "the place or the resident has an overlapping stay).",
       .tag = "services",
       .authenticated = true,
       .request_schema = kMoveInSchema,
       .success_status = 201});
  router.add(
      Method::post, "/api/v1/services/{id}/stays/{sid}/move-out", route(ctx, move_out),
      {.summary = "Record a resident's move-out with a date (not before the move-in) and a reason.",
       .tag = "services",
       .authenticated = true,
       .request_schema = kMoveOutSchema});
  add_housing_edit_routes(router, ctx);
}

}  // namespace atb::services
