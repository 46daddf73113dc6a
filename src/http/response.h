// Our own small response type, and problem+json (RFC 9457) answers for every error.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "core/text.h"

namespace atb::http {

/// What a handler answers. The server adds the request id and security headers.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  /// A JSON answer.
  static Response json(const nlohmann::json& value, int status = 200);
  /// A plain text answer (e.g. /metrics).
  static Response text(std::string body, std::string content_type, int status = 200);
  /// An empty answer (204, 304, …).
  static Response empty(int status);
};

/// The HTTP status for an error kind.
int status_for(Errc code);

/// A problem+json answer: type, title, status, detail and the field errors, in `lang`.
/// Internal details never leave the server; the request id lets support find the log line.
Response problem(const Error& error, Lang lang, std::string_view request_id = {});

/// The same with additional members merged into the body (e.g. "candidates", "flags").
Response problem_with(const Error& error, Lang lang, std::string_view request_id, const nlohmann::json& extra);

/// A problem answer for a status that no domain error produced (404 route, 405, 413, …).
Response problem(int status, Text detail, Lang lang, std::string_view request_id = {});

/// The standard reason phrase ("Not Found").
std::string_view reason_phrase(int status);

}  // namespace atb::http
