// Routes: a method and a path pattern with `{name}` segments, a handler, and the
// documentation that /api/v1/openapi.json is built from (so the document lists exactly
// the endpoints that exist).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace atb::http {

/// A handler: reads the request, answers. Runs on a server thread; may block on the database.
using Handler = std::function<Response(Request&)>;

/// What OpenAPI says of a route.
struct RouteDoc {
  std::string summary;              ///< one line, English
  std::string tag;                  ///< group in the document ("system", "organisation", …)
  bool authenticated = false;       ///< needs a session or token
  std::string request_schema;       ///< JSON Schema of the body, as JSON text ("" = no body)
  std::string response_schema;      ///< JSON Schema of a success body ("" = free form)
  int success_status = 200;
  std::string response_type = "application/json";
};

/// Where a handler runs. Handlers that never block answer on the I/O thread; those that use
/// the database run on the worker pool; password hashing has its own small pool so that a
/// burst of logins can never occupy the threads other requests need.
enum class Pool { inline_, general, hashing };

/// How a route is run.
struct RouteOptions {
  std::size_t max_body = 0;  ///< 0 = the server's default JSON limit
  Pool pool = Pool::general;
};

/// One registered route.
struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;  ///< pattern split at '/'
  Handler handler;
  RouteDoc doc;
  RouteOptions options;
};

/// The outcome of matching a request path.
struct Match {
  enum Kind { found, not_found, method_not_allowed } kind = not_found;
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::string allow;                  ///< for 405: the methods the path accepts
};

/// The routing table. Register everything at start-up; matching is then read-only.
class Router {
 public:
  /// Adds a route.
  void add(Method method, std::string pattern, Handler handler, RouteDoc doc,
           RouteOptions options = {});

  /// Finds the route for a decoded path.
  Match match(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace atb::http
