// The HTTP face of access control, for routes: credentials from headers, cookies, the guard
// every protected route starts with, audited reads, and error answers (with Retry-After).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/context.h"
#include "http/request.h"
#include "http/router.h"
#include "http/response.h"

namespace atb::access {

/// The name of the session cookie.
inline constexpr const char* kSessionCookie = "atbalsts_session";

/// Bearer token, session cookie, CSRF header and whether the method changes state.
Credentials credentials_from(const http::Request& request);
/// Client address, browser and request id for the audit log.
Origin origin_of(const http::Request& request);

/// Set-Cookie value for a session (HttpOnly, SameSite=Strict, Path=/, Secure over TLS).
std::string session_cookie(const std::string& token, const Context& ctx);
/// Set-Cookie value that removes the session cookie.
std::string cleared_cookie(const Context& ctx);

/// Authenticates the request (see authenticate()).
Result<Authenticated> require_user(const Context& ctx, const http::Request& request,
                                   bool allow_partial = false);

/// An audit entry for what `who` does in this request (to append inside a write transaction).
audit::Entry audit_entry(const Principal& who, const http::Request& request, std::string action,
                         std::string entity_type, std::string entity_id, std::string reason = {});
/// Writes an audit entry for what `who` just did (waits until it is durable).
Result<void> audit_action(const Context& ctx, const Principal& who, const http::Request& request,
                          std::string action, std::string entity_type, std::string entity_id,
                          std::string reason = {});
/// The same for an attempt that was refused (outcome "denied"), e.g. a partner asking for a
/// record not referred to her: written even when reads auditing is switched off.
Result<void> audit_denied(const Context& ctx, const Principal& who, const http::Request& request,
                          std::string action, std::string entity_type, std::string entity_id,
                          std::string reason = {});
/// The same for a read of personal data; skipped only when reads auditing is switched off.
Result<void> audit_read(const Context& ctx, const Principal& who, const http::Request& request,
                        std::string entity_type, std::string entity_id);

/// The same for the rows of a list or search: one entry (action "list") whose entity_id names
/// every row shown, comma-separated; the audit store indexes each id once per user and day (audit_listed_day).
Result<void> audit_list(const Context& ctx, const Principal& who, const http::Request& request,
                        const std::string& entity_type, const std::vector<std::int64_t>& ids);

/// The problem answer for an error (adds Retry-After to 429).
http::Response answer_error(const Error& error, const http::Request& request);

/// A handler that authenticates first: `f(request, principal)` returns the answer or an error,
/// which becomes a problem answer.
template <class F>
http::Handler guarded(const Context& ctx, F f) {
  return [ctx, f](http::Request& req) -> http::Response {
    auto who = require_user(ctx, req);
    if (!who) return answer_error(who.error(), req);
    Result<http::Response> answer = f(req, who->principal);
    if (!answer) return answer_error(answer.error(), req);
    return std::move(*answer);
  };
}


}  // namespace atb::access
