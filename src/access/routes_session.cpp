#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/policy.h"
#include "access/routes.h"
#include "access/session_store.h"
#include "access/user_store.h"
#include "core/time.h"
#include "http/json_body.h"
#include "org/store.h"

namespace atb::access {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

Response with_cookie(Response r, std::string cookie) {
  r.headers.emplace_back("Set-Cookie", std::move(cookie));
  return r;
}

json roles_json(const std::vector<Role>& roles) {
  json out = json::array();
  for (Role r : roles) out.push_back(role_name(r));
  return out;
}

Result<json> session_json(const Context& ctx, const Authenticated& a) {
  json out = {{"stage", a.principal.stage},
              {"csrf_token", a.principal.csrf_token},
              {"idle_timeout_seconds", ctx.auth.idle.count()}};
  if (a.session) out["expires_at"] = a.session->expires_at;
  if (a.principal.stage != "complete") return out;
  ATB_TRY_ASSIGN(teams, ctx.db->read([&](storage::Connection& c) {
    return org::load_teams(c, a.principal.team_ids);
  }));
  json team_list = json::array();
  for (const auto& t : teams) {
    team_list.push_back({{"id", t.id}, {"name", {{"lv", t.name.lv}, {"en", t.name.en}}}});
  }
  out["user"] = {{"id", a.principal.user_id},
                 {"username", a.principal.username},
                 {"full_name", a.principal.full_name},
                 {"roles", roles_json(a.principal.roles)},
                 {"teams", team_list},
                 {"municipality_id", a.principal.municipality_id}};
  return out;
}

json sessions_json(const std::vector<SessionRecord>& list, std::int64_t current) {
  json items = json::array();
  for (const auto& s : list) {
    items.push_back({{"id", s.id},
                     {"created_at", s.created_at},
                     {"last_seen_at", s.last_seen_at},
                     {"remote", s.remote},
                     {"user_agent", s.user_agent},
                     {"stage", s.stage},
                     {"current", s.id == current}});
  }
  return {{"items", items}};
}

// A completed login answer: the new cookie and the session JSON.
Response completed(const Context& ctx, const Request& req, const IssuedSession& issued,
                   json extra = json::object()) {
  Authenticated a;
  auto principal = ctx.db->read([&](storage::Connection& c) {
    return load_principal(c, issued.record.user_id);
  });
  if (!principal || !*principal) return answer_error(Error::internal("user vanished after login"), req);
  a.principal = std::move(**principal);
  a.principal.stage = "complete";
  a.principal.csrf_token = issued.record.csrf_token;
  a.session = issued.record;
  auto body = session_json(ctx, a);
  if (!body) return answer_error(body.error(), req);
  body->update(extra);
  return with_cookie(Response::json(*body), session_cookie(issued.token, ctx));
}

const char* kLoginSchema = R"({"type":"object","required":["username","password"],
  "properties":{"username":{"type":"string","maxLength":64},"password":{"type":"string","maxLength":1024}}})";
const char* kCodeSchema = R"({"type":"object","properties":{"code":{"type":"string"},"recovery_code":{"type":"string"}}})";

}  // namespace

void add_session_routes(http::Router& router, const Context& ctx) {
  router.add(Method::post, "/api/v1/session", [ctx](Request& req) {
    auto body = http::json_object_body(req, {"username", "password"});
    if (!body) return answer_error(body.error(), req);
    auto username = http::required_string(*body, "username", 64);
    if (!username) return answer_error(username.error(), req);
    auto password = http::required_string(*body, "password", 1024);
    if (!password) return answer_error(password.error(), req);
    auto issued = ctx.login->password_step(*username, *password, origin_of(req));
    if (!issued) return answer_error(issued.error(), req);
    return with_cookie(Response::json({{"stage", issued->record.stage},
                                       {"csrf_token", issued->record.csrf_token}}),
                       session_cookie(issued->token, ctx));
  }, {.summary = "Log in with user name and password (first step).", .tag = "session",
      .request_schema = kLoginSchema}, {.pool = http::Pool::hashing});

  router.add(Method::post, "/api/v1/session/totp", [ctx](Request& req) {
    auto who = require_user(ctx, req, true);
    if (!who) return answer_error(who.error(), req);
    auto body = http::json_object_body(req, {"code", "recovery_code"});
    if (!body) return answer_error(body.error(), req);
    auto code = http::optional_string(*body, "code", 16);
    auto recovery = http::optional_string(*body, "recovery_code", 32);
    if (!code) return answer_error(code.error(), req);
    if (!recovery) return answer_error(recovery.error(), req);
    if (!*code && !*recovery) {
      return answer_error(Error::invalid_field("code", {"Ievadiet kodu.", "Enter the code."}), req);
    }
    auto issued = ctx.login->second_factor(*who, code->value_or(""), recovery->value_or(""), origin_of(req));
    if (!issued) return answer_error(issued.error(), req);
    return completed(ctx, req, *issued);
  }, {.summary = "Second factor: a TOTP code or a recovery code.", .tag = "session",
      .authenticated = true, .request_schema = kCodeSchema});

  router.add(Method::post, "/api/v1/session/enrollment", [ctx](Request& req) {
    auto who = require_user(ctx, req, true);
    if (!who) return answer_error(who.error(), req);
    auto body = http::json_object_body(req, {});
    if (!body) return answer_error(body.error(), req);
    auto e = ctx.login->start_enrollment(*who);
    if (!e) return answer_error(e.error(), req);
    return Response::json({{"secret", e->secret_base32}, {"otpauth_uri", e->otpauth_uri}, {"qr_svg", e->qr_svg}});
  }, {.summary = "Start enrolling an authenticator app (QR code and secret).", .tag = "session",
      .authenticated = true});

  router.add(Method::post, "/api/v1/session/enrollment/confirm", [ctx](Request& req) {
    auto who = require_user(ctx, req, true);
    if (!who) return answer_error(who.error(), req);
    auto body = http::json_object_body(req, {"code"});
    if (!body) return answer_error(body.error(), req);
    auto code = http::required_string(*body, "code", 16);
    if (!code) return answer_error(code.error(), req);
    auto done = ctx.login->confirm_enrollment(*who, *code, origin_of(req));
    if (!done) return answer_error(done.error(), req);
    return completed(ctx, req, done->first, {{"recovery_codes", done->second}});
  }, {.summary = "Confirm the authenticator with a first code; returns recovery codes once.",
      .tag = "session", .authenticated = true, .request_schema = kCodeSchema});

  router.add(Method::get, "/api/v1/session", [ctx](Request& req) {
    auto who = require_user(ctx, req, true);
    if (!who) return answer_error(who.error(), req);
    auto body = session_json(ctx, *who);
    if (!body) return answer_error(body.error(), req);
    return Response::json(*body);
  }, {.summary = "The current session and user.", .tag = "session", .authenticated = true});

  router.add(Method::del, "/api/v1/session", [ctx](Request& req) {
    auto who = require_user(ctx, req, true);
    if (!who) return answer_error(who.error(), req);
    if (auto done = ctx.login->logout(*who, origin_of(req)); !done) return answer_error(done.error(), req);
    return with_cookie(Response::empty(204), cleared_cookie(ctx));
  }, {.summary = "Log out.", .tag = "session", .authenticated = true, .success_status = 204});

  router.add(Method::get, "/api/v1/sessions", [ctx](Request& req) {
    auto who = require_user(ctx, req);
    if (!who) return answer_error(who.error(), req);
    auto list = ctx.db->read([&](storage::Connection& c) {
      return list_open_sessions(c, who->principal.user_id, now_utc_iso());
    });
    if (!list) return answer_error(list.error(), req);
    return Response::json(sessions_json(*list, who->principal.session_id));
  }, {.summary = "My open sessions.", .tag = "session", .authenticated = true});

  router.add(Method::del, "/api/v1/sessions/{id}", [ctx](Request& req) {
    auto who = require_user(ctx, req);
    if (!who) return answer_error(who.error(), req);
    const auto id = http::path_id(req.param("id"));
    auto found = ctx.db->read([&](storage::Connection& c) -> Result<std::optional<SessionRecord>> {
      if (!id) return std::optional<SessionRecord>{};
      return find_session_by_id(c, *id);
    });
    if (!found) return answer_error(found.error(), req);
    const bool own = *found && (*found)->user_id == who->principal.user_id;
    const bool admin = may_manage_users(who->principal).ok();
    if (!*found || (!own && !admin)) {
      return answer_error(Error{Errc::not_found, {"Sesija nav atrasta.", "No such session."}, {}, {}}, req);
    }
    auto ended = ctx.db->write([&](storage::Connection& c) { return end_session(c, *id, now_utc_iso()); });
    if (!ended) return answer_error(ended.error(), req);
    if (auto a = audit_action(ctx, who->principal, req, "end_session", "session", std::to_string(*id)); !a) {
      return answer_error(a.error(), req);
    }
    return Response::empty(204);
  }, {.summary = "End one of my sessions (an administrator: anyone's).", .tag = "session",
      .authenticated = true, .success_status = 204});
}

}  // namespace atb::access
