// Our own small response type, and problem+json (RFC 9457) answers for every error.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "core/result.h"
#include "core/text.h"

namespace atb::http {

/// Takes the next piece of a streamed body. Blocks while the client is still reading earlier
/// pieces (back-pressure: only a few pieces are ever queued). Returns false once the connection
/// is gone; the producer should then stop and return.
using ChunkSink = std::function<bool(std::string chunk)>;

/// Writes a streamed body through `sink`, piece by piece, in order. Returns ok() when the body
/// is complete; an error (or an exception) after the first piece ends the connection without
/// the chunked transfer's last chunk, so the client sees a truncated transfer, never a short
/// "complete" file. It runs on the worker thread that ran the handler, after the handler
/// returned: it must own (or share) everything it reads.
using BodyProducer = std::function<Result<void>(const ChunkSink& sink)>;

/// What a handler answers. The server adds the request id and security headers.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  /// When set, the body is streamed (chunked transfer encoding) from this producer and `body`
  /// is ignored. Status and headers are sent before the first piece, so everything that can be
  /// refused (scope, parameters) must be refused by the handler, before it returns.
  BodyProducer stream;

  /// A JSON answer.
  static Response json(const nlohmann::json& value, int status = 200);
  /// A plain text answer (e.g. /metrics).
  static Response text(std::string body, std::string content_type, int status = 200);
  /// An empty answer (204, 304, …).
  static Response empty(int status);
};

/// A streamed answer: status 200, the content type, and the body from `producer`.
Response streamed(std::string content_type, BodyProducer producer);

/// Runs a streamed response's producer into `body` (and clears `stream`), for in-process callers
/// and tests; does nothing for an ordinary response. Returns the producer's result.
Result<void> collect_body(Response& response);

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
