#include "org/routes.h"

#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/policy.h"
#include "audit/store.h"
#include "http/json_body.h"
#include "org/store.h"

namespace atb::org {
namespace {

nlohmann::json to_json(const Text& t) { return {{"lv", t.lv}, {"en", t.en}}; }

nlohmann::json to_json(const Municipality& m) {
  nlohmann::json departments = nlohmann::json::array();
  for (const Department& d : m.departments) {
    nlohmann::json teams = nlohmann::json::array();
    for (const Team& t : d.teams) teams.push_back({{"id", t.id}, {"code", t.code}, {"name", to_json(t.name)}});
    departments.push_back({{"id", d.id}, {"code", d.code}, {"name", to_json(d.name)}, {"teams", teams}});
  }
  return {{"id", m.id}, {"code", m.code}, {"name", m.name}, {"departments", departments}};
}

constexpr const char* kMunicipalitySchema = R"({
  "type": "object",
  "required": ["id", "code", "name", "departments"],
  "properties": {
    "id": {"type": "integer"}, "code": {"type": "string"}, "name": {"type": "string"},
    "departments": {"type": "array", "items": {"type": "object"}}
  }
})";

Error no_team() { return Error{Errc::not_found, {"Komanda nav atrasta.", "No such team."}, {}, {}}; }

Result<Text> team_name(const nlohmann::json& body, bool required) {
  Text name;
  for (auto [field, target] : {std::pair{"name_lv", &name.lv}, std::pair{"name_en", &name.en}}) {
    if (!required && !body.contains(field)) continue;
    ATB_TRY_ASSIGN(v, http::required_string(body, field, 120));
    if (v.empty()) return Error::invalid_field(field, {"Lauks ir obligāts.", "This field is required."});
    *target = std::move(v);
  }
  return name;
}

const char* kTeamSchema = R"({"type":"object","required":["department_id","code","name_lv","name_en"],
  "properties":{"department_id":{"type":"integer"},"code":{"type":"string"},
  "name_lv":{"type":"string"},"name_en":{"type":"string"}}})";

void add_team_routes(http::Router& router, const access::Context& ctx) {
  using http::Request;
  using http::Response;
  router.add(http::Method::post, "/api/v1/teams", [ctx](Request& req) {
    auto who = access::require_user(ctx, req);
    if (!who) return access::answer_error(who.error(), req);
    if (auto allowed = access::may_manage_users(who->principal); !allowed) return access::answer_error(allowed.error(), req);
    auto body = http::json_object_body(req, {"department_id", "code", "name_lv", "name_en"});
    if (!body) return access::answer_error(body.error(), req);
    if (!(*body).contains("department_id") || !(*body)["department_id"].is_number_integer()) {
      return access::answer_error(Error::invalid_field("department_id", {"Norādiet daļu.", "Give the department."}), req);
    }
    const std::int64_t dep = (*body)["department_id"].get<std::int64_t>();
    auto code = http::required_string(*body, "code", 40);
    if (!code) return access::answer_error(code.error(), req);
    auto name = team_name(*body, true);
    if (!name) return access::answer_error(name.error(), req);
    auto made = ctx.db->write([&](storage::Connection& c) -> Result<Ensured> {
      ATB_TRY_ASSIGN(owner, department_municipality(c, dep));
      if (!owner || *owner != who->principal.municipality_id) {
        return Error::invalid_field("department_id", {"Tādas daļas nav.", "No such department."});
      }
      ATB_TRY_ASSIGN(e, ensure_team(c, dep, *code, *name));
      if (!e.created) {
        return Error{Errc::conflict, {"Šajā daļā jau ir komanda ar tādu kodu.", "The department already has a team with this code."},
                     {{"code", {"Kods jau aizņemts.", "The code is taken."}}}, {}};
      }
      std::vector<audit::Entry> entries{access::audit_entry(who->principal, req, "create", "team", std::to_string(e.id))};
      ATB_TRY(audit::append(c, entries));
      return e;
    });
    if (!made) return access::answer_error(made.error(), req);
    return Response::json({{"id", made->id}, {"department_id", dep}, {"code", *code},
                           {"name", to_json(*name)}}, 201);
  }, {.summary = "Create a team in a department (administrators).", .tag = "organisation",
      .authenticated = true, .request_schema = kTeamSchema, .success_status = 201});

  router.add(http::Method::patch, "/api/v1/teams/{id}", [ctx](Request& req) {
    auto who = access::require_user(ctx, req);
    if (!who) return access::answer_error(who.error(), req);
    if (auto allowed = access::may_manage_users(who->principal); !allowed) return access::answer_error(allowed.error(), req);
    const auto id = http::path_id(req.param("id"));
    auto body = http::json_object_body(req, {"name_lv", "name_en"});
    if (!body) return access::answer_error(body.error(), req);
    auto name = team_name(*body, false);
    if (!name) return access::answer_error(name.error(), req);
    auto done = ctx.db->write([&](storage::Connection& c) -> Result<Text> {
      if (!id) return no_team();
      ATB_TRY_ASSIGN(owner, team_owner(c, *id));
      if (!owner || owner->first != who->principal.municipality_id) return no_team();
      ATB_TRY_ASSIGN(teams, load_teams(c, {*id}));
      Text merged = teams.at(0).name;
      if (!name->lv.empty()) merged.lv = name->lv;
      if (!name->en.empty()) merged.en = name->en;
      ATB_TRY(rename_team(c, *id, merged));
      std::vector<audit::Entry> entries{access::audit_entry(who->principal, req, "update", "team", std::to_string(*id))};
      ATB_TRY(audit::append(c, entries));
      return merged;
    });
    if (!done) return access::answer_error(done.error(), req);
    return Response::json({{"id", *id}, {"name", to_json(*done)}});
  }, {.summary = "Rename a team (administrators).", .tag = "organisation", .authenticated = true});
}

}  // namespace

void add_routes(http::Router& router, const access::Context& ctx) {
  auto db = ctx.db;
  add_team_routes(router, ctx);
  router.add(
      http::Method::get, "/api/v1/municipality",
      [db](http::Request& req) {
        auto m = db->read([](storage::Connection& c) { return load_municipality(c); });
        if (!m) return http::problem(m.error(), req.lang, req.request_id);
        if (!*m) {
          return http::problem(404, {"Pašvaldība vēl nav iestatīta.", "No municipality is set up yet."},
                               req.lang, req.request_id);
        }
        return http::Response::json(to_json(**m));
      },
      {.summary = "The municipality, its social service departments and teams (no personal data).",
       .tag = "organisation",
       .response_schema = kMunicipalitySchema});
}

}  // namespace atb::org
