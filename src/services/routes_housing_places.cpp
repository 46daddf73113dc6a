// A place (bed) of a housing service taken out of use for a while and back (docs/api-housing.md),
// by administrators and department heads like the rest of the setup: a broken bed under repair
// is taken out of use from today with a reason (422 naming reason when blank), only while nobody
// lives in it nor is to move in (409), and returned to use later; both with the place's version
// (409 when stale). A place out of use takes no move-in (routes_housing.cpp) and counts apart
// from the free places of the occupancy. The change takes the lock a move-in takes on the place,
// so the two cannot both happen, and is audited in its write transaction.
#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "cases/routes_common.h"
#include "core/time.h"
#include "http/json_body.h"
#include "services/housing_rules.h"
#include "services/housing_store.h"
#include "services/routes_common.h"
#include "services/routes_housing_common.h"

namespace atb::services {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr const char* kPlacePatchSchema = R"({"type":"object","required":["version","out_of_use"],
  "properties":{"version":{"type":"integer"},"out_of_use":{"type":"boolean"},
   "reason":{"type":"string","maxLength":2000}}})";

// What a change asks: out of use or back in use, with the reason of taking it out of use.
struct UseChange {
  std::int64_t version = 0;
  bool out = false;
  std::string reason;
};

Result<UseChange> use_change(const Request& req) {
  ATB_TRY_ASSIGN(body, http::json_object_body(req, {"version", "out_of_use", "reason"}));
  UseChange change;
  ATB_TRY_ASSIGN_TO(change.version, http::version_member(body));
  if (!body.contains("out_of_use") || !body["out_of_use"].is_boolean()) {
    return Error::invalid_field("out_of_use", {"Norādiet true vai false.", "Give true or false."});
  }
  change.out = body["out_of_use"].get<bool>();
  if (change.out) {
    ATB_TRY_ASSIGN_TO(change.reason, cases::reason_member(body, "reason"));
  } else if (body.contains("reason") && !body["reason"].is_null()) {
    return Error::invalid_field("reason", {"Atgriežot lietošanā, pamatojums nav jānorāda.",
                                           "Returning a place to use takes no reason."});
  }
  return change;
}

Result<Response> change_place_use(const access::Context& ctx, Request& req,
                                  const access::Principal& p) {
  ATB_TRY(access::may_manage_services(p));
  ATB_TRY_ASSIGN(path, place_path(req));
  ATB_TRY_ASSIGN(change, use_change(req));
  ATB_TRY_ASSIGN(answer, ctx.db->write([&](storage::Connection& c) -> Result<json> {
    ATB_TRY(housing_service(c, p, path.service));
    ATB_TRY(lock_places_under(c, HousingLevel::place, path.place));  // as a move-in takes it
    ATB_TRY_ASSIGN(where, place_of(c, path));
    if (where.place_version != change.version) return stale();
    const Date today = today_riga();
    ATB_TRY_ASSIGN(stays, place_spans(c, path.place, today));
    ATB_TRY(check_use_change(where.out_of_use, change.out, stays));
    std::optional<OutOfUse> out;
    if (change.out) out = OutOfUse{today.iso(), change.reason, p.user_id, {}};
    ATB_TRY_ASSIGN(written, set_place_use(c, path.place, change.version, out));
    if (!written) return stale();
    const std::string what = place_label(where);
    ATB_TRY(audit_housing_change(c, p, req, change.out ? "out_of_use" : "back_in_use",
                                 "housing_place", path.place,
                                 change.out ? what + "; " + change.reason : what));
    return unit_answer(c, path.service, path.unit);
  }));
  return Response::json(answer);
}

}  // namespace

void add_housing_place_routes(http::Router& router, const access::Context& ctx) {
  router.add(Method::patch, "/api/v1/services/{id}/units/{uid}/rooms/{rid}/places/{pid}",
             route(ctx, change_place_use),
             {.summary = "Take a place (bed) out of use from today with a reason, or return it to "
                         "use, with its version (409 while a resident lives there); answers the "
                         "place's unit.",
              .tag = "services",
              .authenticated = true,
              .request_schema = kPlacePatchSchema});
}

}  // namespace atb::services
