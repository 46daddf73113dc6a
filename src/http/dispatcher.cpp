#include "http/dispatcher.h"

#include <sodium.h>

#include <chrono>
#include <exception>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/log.h"

namespace atb::http {
namespace {

bool valid_incoming_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

bool is_api_path(std::string_view path) {
  return path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/readyz" ||
         path == "/metrics";
}

}  // namespace

std::string new_request_id() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  std::string out;
  for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

Dispatcher::Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics,
                       Limits limits, bool access_log)
    : router_(router), files_(files), metrics_(metrics), limits_(limits), access_log_(access_log) {}

Prepared Dispatcher::prepare(Request& request) const {
  Prepared p;
  p.start = std::chrono::steady_clock::now();
  if (auto incoming = request.header("x-request-id"); incoming && valid_incoming_id(*incoming)) {
    request.request_id = std::string(*incoming);
  } else {
    request.request_id = new_request_id();
  }
  request.lang = lang_from_accept_language(request.header("accept-language").value_or(""));
  Response early = route(request, p);
  if (!p.route) p.early = std::move(early);
  return p;
}

Response Dispatcher::complete(Request& request, Prepared& p) const {
  Response response;
  if (p.early) {
    response = std::move(*p.early);
  } else {
    try {
      response = p.route->handler(request);
    } catch (const std::exception& e) {
      log::error("handler failed", {{"request_id", request.request_id}, {"error", e.what()}});
      response = problem(Error::internal(e.what()), request.lang, request.request_id);
    }
    if (response.status >= 500) {
      log::error("request failed",
                 {{"request_id", request.request_id}, {"route", p.route_name}, {"status", response.status}});
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - p.start).count();
  finish(request, response, p.route_name, seconds);
  return response;
}

Response Dispatcher::handle(Request& request) const {
  Prepared p = prepare(request);
  return complete(request, p);
}

// Answers what can be answered without a handler; otherwise sets p.route and returns nothing.
Response Dispatcher::route(Request& request, Prepared& p) const {
  const Lang lang = request.lang;
  const std::string& rid = request.request_id;
  if (request.target.size() > limits_.url) {
    return problem(414, {fmt::format("Adrese ir garāka par {} baitiem.", limits_.url),
                         fmt::format("The URL is longer than {} bytes.", limits_.url)},
                   lang, rid);
  }
  if (request.header_bytes > limits_.headers) {
    return problem(431, {fmt::format("Galvenes kopā pārsniedz {} baitus.", limits_.headers),
                         fmt::format("The headers exceed {} bytes in total.", limits_.headers)},
                   lang, rid);
  }
  if (request.bad_target) {
    return problem(400, {"Adrese nav derīga.", "The URL is not valid."}, lang, rid);
  }
  if (!request.bad_query_parameter.empty()) {
    const std::string& name = request.bad_query_parameter;
    const Text said{fmt::format("Parametrs „{}” nav derīgs teksts (UTF-8).", name),
                    fmt::format("The parameter \"{}\" is not valid text (UTF-8).", name)};
    return problem(Error{Errc::malformed, said, {{name, said}}, {}}, lang, rid);
  }
  const Match match = router_.match(request.method, request.path);
  if (match.kind == Match::method_not_allowed) {
    Response r = problem(405, {"Šī metode šai adresei nav atļauta.", "This method is not allowed here."},
                         lang, rid);
    r.headers.emplace_back("Allow", match.allow);
    return r;
  }
  if (match.kind == Match::not_found) {
    if (!is_api_path(request.path) &&
        (request.method == Method::get || request.method == Method::head)) {
      p.route_name = "static";
      return files_.serve(request);
    }
    return problem(404, {"Šāda adrese neeksistē.", "No such address."}, lang, rid);
  }
  p.route_name = match.route->pattern;
  const RouteOptions& o = match.route->options;
  const std::size_t max_body = o.max_body ? o.max_body : limits_.json_body;
  if (request.body.size() > max_body) {
    return problem(413, {fmt::format("Pieprasījuma saturs pārsniedz {} baitus.", max_body),
                         fmt::format("The request body exceeds {} bytes.", max_body)},
                   lang, rid);
  }
  request.path_params = match.params;
  p.route = match.route;
  return {};
}

void Dispatcher::finish(const Request& request, Response& response, std::string_view route_name,
                        double seconds) const {
  auto& h = response.headers;
  h.emplace_back("X-Request-Id", request.request_id);
  h.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  h.emplace_back("X-Content-Type-Options", "nosniff");
  h.emplace_back("Referrer-Policy", "no-referrer");
  h.emplace_back("X-Frame-Options", "DENY");
  h.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  h.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  const bool has_cache_control = std::any_of(h.begin(), h.end(), [](const auto& kv) {
    return kv.first == "Cache-Control";
  });
  if (!has_cache_control) h.emplace_back("Cache-Control", "no-store");
  if (request.method == Method::head) {
    response.body.clear();
    response.stream = nullptr;  // a HEAD answer has headers only
  }

  metrics_.observe(method_name(request.method), route_name, response.status, seconds);
  if (access_log_) {
    log::info("request", {{"request_id", request.request_id},
                          {"method", method_name(request.method)},
                          {"path", request.path},
                          {"route", route_name},
                          {"status", response.status},
                          {"bytes", response.body.size()},
                          {"duration_ms", seconds * 1000.0},
                          {"remote", request.remote_address}});
  }
}

}  // namespace atb::http
