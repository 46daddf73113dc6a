#include "http/router.h"

#include <utility>

namespace atb::http {
namespace {

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteDoc doc,
                 RouteOptions options) {
  Route r{method, pattern, split(pattern), std::move(handler), std::move(doc), options};
  routes_.push_back(std::move(r));
}

Match Router::match(Method method, std::string_view path) const {
  if (path.empty() || path.front() != '/') return {};
  const auto parts = split(path);
  Match result;
  for (const Route& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool same = true;
    for (size_t i = 0; i < parts.size() && same; ++i) {
      if (is_param(route.segments[i])) {
        if (parts[i].empty()) same = false;
        else params.emplace_back(route.segments[i].substr(1, route.segments[i].size() - 2), parts[i]);
      } else {
        same = route.segments[i] == parts[i];
      }
    }
    if (!same) continue;
    const bool head_as_get = method == Method::head && route.method == Method::get;
    if (route.method == method || head_as_get) {
      return Match{Match::found, &route, std::move(params), {}};
    }
    result.kind = Match::method_not_allowed;
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += method_name(route.method);
  }
  return result;
}

}  // namespace atb::http
