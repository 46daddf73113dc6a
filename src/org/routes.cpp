#include "org/routes.h"

#include <nlohmann/json.hpp>

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

}  // namespace

void add_routes(http::Router& router, std::shared_ptr<storage::Database> db) {
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
