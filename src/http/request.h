// Our own small request type: the domains' routes see this, never RESTinio.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace atb::http {

/// HTTP methods the router knows.
enum class Method { get, head, post, put, patch, del, options, other };

/// "GET", "POST", …
std::string_view method_name(Method m);
/// Parses "GET" etc.; unknown methods give Method::other.
Method parse_method(std::string_view name);

/// A parsed request. Header names are lower-case; `path` is percent-decoded.
struct Request {
  Method method = Method::get;
  std::string target;        ///< as received: path and query
  std::string path;          ///< decoded path, without the query
  std::string query_string;  ///< raw query, without '?'
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t header_bytes = 0;  ///< total size of the header block as received
  std::string body;
  std::string remote_address;
  std::string request_id;
  Lang lang = Lang::lv;
  /// Values of `{name}` segments of the matched route.
  std::vector<std::pair<std::string, std::string>> path_params;

  bool bad_target = false;   ///< the target had an invalid %-escape or no leading '/'
  /// The name of the first query parameter whose name or value has an invalid %-escape or is not
  /// well-formed UTF-8 ("" when all are sound): answered 400 naming it, before any route runs.
  std::string bad_query_parameter;

  /// Sets target, path (decoded), query_string and the two checks above from a request target.
  void set_target(std::string_view raw_target);
  /// The first header with that (lower-case) name.
  std::optional<std::string_view> header(std::string_view name) const;
  /// A decoded query parameter.
  std::optional<std::string> query(std::string_view name) const;
  /// A path parameter of the matched route ("" when absent).
  std::string_view param(std::string_view name) const;
};

/// Decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt for a bad escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space = false);

}  // namespace atb::http
