// The request pipeline, independent of the network library: limits, routing, static files,
// problem answers, security headers, request ids, metrics and the access log. The server
// turns bytes into a Request, calls handle(), and writes the Response back.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

#include "http/metrics.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"

namespace atb::http {

/// Sizes a request may have. Over a limit the answer is 413 / 414 / 431 with problem+json.
struct Limits {
  std::size_t json_body = 1 << 20;   ///< default body limit of a route (1 MiB)
  std::size_t hard_body = 64 << 20;  ///< absolute ceiling of any body; beyond it the
                                     ///< connection is closed before the body is read
  std::size_t headers = 16 << 10;    ///< total header block
  std::size_t url = 8 << 10;         ///< request target
};

/// The Content-Security-Policy sent with every answer (no inline scripts, no framing).
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

/// A request after the cheap checks: either already answered, or matched to a route whose
/// handler still has to run (on the pool the route names).
struct Prepared {
  std::optional<Response> early;
  const Route* route = nullptr;
  std::string route_name = "unmatched";
  std::chrono::steady_clock::time_point start;
};

/// Turns requests into responses. Thread-safe: all members are read-only or synchronised.
class Dispatcher {
 public:
  Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics, Limits limits,
             bool access_log);

  /// Request id, language, limits, routing and static files: never blocks, never throws.
  Prepared prepare(Request& request) const;
  /// Runs the handler (if any) and adds the common headers, metrics and access log line.
  Response complete(Request& request, Prepared& prepared) const;
  /// Both steps at once.
  Response handle(Request& request) const;

  const Limits& limits() const { return limits_; }

 private:
  Response route(Request& request, Prepared& prepared) const;
  void finish(const Request& request, Response& response, std::string_view route_name,
              double seconds) const;

  const Router& router_;
  const StaticFiles& files_;
  Metrics& metrics_;
  Limits limits_;
  bool access_log_;
};

/// A new random request id (16 hex characters).
std::string new_request_id();

}  // namespace atb::http
