#include "access/http_auth.h"

#include <fmt/format.h>

namespace atb::access {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::optional<std::string> cookie(const http::Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      std::string_view pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        return std::string(pair.substr(eq + 1));
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Credentials credentials_from(const http::Request& request) {
  Credentials c;
  if (auto auth = request.header("authorization"); auth && auth->rfind("Bearer ", 0) == 0) {
    c.bearer = std::string(trim(auth->substr(7)));
  }
  c.session_token = cookie(request, kSessionCookie);
  if (auto csrf = request.header("x-csrf-token")) c.csrf_header = std::string(*csrf);
  c.state_changing = request.method == http::Method::post || request.method == http::Method::put ||
                     request.method == http::Method::patch || request.method == http::Method::del;
  return c;
}

Origin origin_of(const http::Request& request) {
  return Origin{request.remote_address, std::string(request.header("user-agent").value_or("")),
                request.request_id};
}

std::string session_cookie(const std::string& token, const Context& ctx) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", kSessionCookie, token,
                     ctx.auth.absolute.count(), ctx.secure_cookies ? "; Secure" : "");
}

std::string cleared_cookie(const Context& ctx) {
  return fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", kSessionCookie,
                     ctx.secure_cookies ? "; Secure" : "");
}

Result<Authenticated> require_user(const Context& ctx, const http::Request& request,
                                   bool allow_partial) {
  return authenticate(*ctx.db, credentials_from(request), ctx.auth, allow_partial);
}

audit::Entry audit_entry(const Principal& who, const http::Request& request, std::string action,
                         std::string entity_type, std::string entity_id, std::string reason) {
  audit::Entry e;
  e.user_id = who.user_id;
  e.username = who.username;
  e.role = who.roles_text();
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  e.reason = std::move(reason);
  e.request_id = request.request_id;
  e.remote = request.remote_address;
  return e;
}

Result<void> audit_action(const Context& ctx, const Principal& who, const http::Request& request,
                          std::string action, std::string entity_type, std::string entity_id,
                          std::string reason) {
  return ctx.audit->record(audit_entry(who, request, std::move(action), std::move(entity_type),
                                       std::move(entity_id), std::move(reason)));
}

Result<void> audit_denied(const Context& ctx, const Principal& who, const http::Request& request,
                          std::string action, std::string entity_type, std::string entity_id,
                          std::string reason) {
  audit::Entry e = audit_entry(who, request, std::move(action), std::move(entity_type), std::move(entity_id),
                               std::move(reason));
  e.outcome = "denied";
  return ctx.audit->record(std::move(e));
}

Result<void> audit_read(const Context& ctx, const Principal& who, const http::Request& request,
                        std::string entity_type, std::string entity_id) {
  if (!ctx.audit_reads) return ok();
  return audit_action(ctx, who, request, "read", std::move(entity_type), std::move(entity_id));
}

Result<void> audit_list(const Context& ctx, const Principal& who, const http::Request& request,
                        const std::string& entity_type, const std::vector<std::int64_t>& ids) {
  if (!ctx.audit_reads || ids.empty()) return ok();
  std::string listed;
  listed.reserve(ids.size() * 8);
  for (std::int64_t id : ids) {
    if (!listed.empty()) listed += ',';
    listed += std::to_string(id);
  }
  return ctx.audit->record(audit_entry(who, request, "list", entity_type, std::move(listed)));
}

http::Response answer_error(const Error& error, const http::Request& request) {
  http::Response r = http::problem(error, request.lang, request.request_id);
  if (error.code == Errc::too_many && error.retry_after_seconds > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return r;
}

}  // namespace atb::access
