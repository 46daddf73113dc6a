#include "app/system_routes.h"

#include <mutex>

#include <nlohmann/json.hpp>

#include "http/openapi.h"

namespace atb::app {

void add_system_routes(http::Router& router, std::shared_ptr<storage::Database> db,
                       http::Metrics& metrics) {
  using http::Method;
  using http::Request;
  using http::Response;

  router.add(Method::get, "/healthz",
             [](Request&) { return Response::json({{"status", "ok"}}); },
             {.summary = "Liveness: the process answers.", .tag = "system"}, {.pool = http::Pool::inline_});

  router.add(Method::get, "/readyz",
             [db](Request& req) {
               if (!db->ping()) {
                 return http::problem(Error::unavailable("readiness check failed"), req.lang,
                                      req.request_id);
               }
               return Response::json({{"status", "ready"},
                                      {"database", "ok"},
                                      {"engine", storage::engine_name(db->engine())}});
             },
             {.summary = "Readiness: the database is reachable.", .tag = "system"});

  router.add(Method::get, "/metrics",
             [&metrics](Request&) {
               return Response::text(metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
             },
             {.summary = "Prometheus metrics.", .tag = "system", .response_type = "text/plain"},
             {.pool = http::Pool::inline_});

  router.add(Method::get, "/api/v1/version",
             [](Request&) {
               return Response::json({{"name", "Atbalsts"}, {"version", ATBALSTS_VERSION}});
             },
             {.summary = "Name and version of the server.", .tag = "system"}, {.pool = http::Pool::inline_});

  // The document is built on first use, after every route has been registered.
  auto document = std::make_shared<std::string>();
  auto once = std::make_shared<std::once_flag>();
  router.add(Method::get, "/api/v1/openapi.json",
             [&router, document, once](Request&) {
               std::call_once(*once, [&] {
                 *document = http::openapi_document(router, ATBALSTS_VERSION).dump();
               });
               return Response::text(*document, "application/json");
             },
             {.summary = "This OpenAPI document.", .tag = "system"}, {.pool = http::Pool::inline_});
}

}  // namespace atb::app
