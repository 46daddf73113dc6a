#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/policy.h"
#include "access/routes.h"
#include "access/session_store.h"
#include "access/user_rules.h"
#include "access/user_store.h"
#include "audit/store.h"
#include "core/time.h"
#include "http/json_body.h"

namespace atb::access {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

json user_json(const User& u) {
  json roles = json::array();
  for (Role r : u.roles) roles.push_back(role_name(r));
  return {{"id", u.id},          {"username", u.username},   {"full_name", u.full_name},
          {"email", u.email ? json(*u.email) : json(nullptr)}, {"roles", roles},
          {"team_ids", u.team_ids}, {"disabled", u.disabled}, {"totp_enabled", u.totp_enabled},
          {"created_at", u.created_at}, {"partner_id", u.partner_id ? json(*u.partner_id) : json(nullptr)}};
}

// "partner_id": the institution of a partner user (null: none); 422 naming it when not an id.
Result<std::optional<std::int64_t>> partner_member(const json& body) {
  if (body["partner_id"].is_null()) return std::optional<std::int64_t>{};
  if (!body["partner_id"].is_number_integer() || body["partner_id"].get<std::int64_t>() < 1) {
    return Error::invalid_field("partner_id", {"Norādiet partneriestādi.", "Give the partner institution."});
  }
  return std::optional(body["partner_id"].get<std::int64_t>());
}

Error unknown_partner() {
  return Error::invalid_field("partner_id", {"Tādas partneriestādes šajā pašvaldībā nav.",
                                             "No such partner institution in this municipality."});
}

Error no_user() { return Error{Errc::not_found, {"Lietotājs nav atrasts.", "No such user."}, {}, {}}; }

// The admin behind the request, or the error to answer with.
Result<Principal> admin_of(const Context& ctx, const Request& req) {
  ATB_TRY_ASSIGN(who, require_user(ctx, req));
  ATB_TRY(may_manage_users(who.principal));
  return std::move(who.principal);
}

// A user of the admin's municipality; other municipalities' users do not exist for her.
Result<User> user_in_scope(const Context& ctx, const Principal& admin, const Request& req) {
  const auto id = http::path_id(req.param("id"));
  if (!id) return no_user();
  ATB_TRY_ASSIGN(found, ctx.db->read([&](storage::Connection& c) { return find_user(c, *id); }));
  if (!found || found->municipality_id != admin.municipality_id) return no_user();
  return std::move(*found);
}

// The validated body of POST /api/v1/users, hashing the password.
Result<NewUser> new_user_from(const Context& ctx, const Principal& admin, const json& body) {
  NewUser u;
  ATB_TRY_ASSIGN(username, http::required_string(body, "username", 64));
  ATB_TRY(check_username(username));
  ATB_TRY_ASSIGN(full_name, http::required_string(body, "full_name", 200));
  if (full_name.empty()) return Error::invalid_field("full_name", {"Lauks ir obligāts.", "This field is required."});
  ATB_TRY_ASSIGN(email, http::optional_string(body, "email", 254));
  if (email) ATB_TRY(check_email(*email));
  ATB_TRY_ASSIGN(password, http::required_string(body, "password", 1024));
  ATB_TRY(ctx.passwords->check(password, username));
  ATB_TRY_ASSIGN(role_names, http::string_array(body, "roles", 8, 32));
  ATB_TRY_ASSIGN(roles, parse_roles(role_names));
  std::vector<std::int64_t> teams;
  if (body.contains("team_ids")) ATB_TRY_ASSIGN_TO(teams, http::id_array(body, "team_ids", 50));
  u.username = std::move(username);
  u.full_name = std::move(full_name);
  u.email = std::move(email);
  u.municipality_id = admin.municipality_id;
  u.password_hash = hash_password(password);
  u.roles = std::move(roles);
  u.team_ids = std::move(teams);
  if (body.contains("partner_id")) ATB_TRY_ASSIGN_TO(u.partner_id, partner_member(body));
  ATB_TRY(check_partner_institution(u.roles, u.partner_id));
  return u;
}

Result<UserPatch> patch_from(const json& body) {
  UserPatch p;
  if (body.contains("full_name")) {
    ATB_TRY_ASSIGN(v, http::required_string(body, "full_name", 200));
    p.full_name = std::move(v);
  }
  if (body.contains("email")) {
    ATB_TRY_ASSIGN(v, http::optional_string(body, "email", 254));
    if (v) ATB_TRY(check_email(*v));
    p.email = std::move(v);
  }
  if (body.contains("roles")) {
    ATB_TRY_ASSIGN(names, http::string_array(body, "roles", 8, 32));
    ATB_TRY_ASSIGN(roles, parse_roles(names));
    p.roles = std::move(roles);
  }
  if (body.contains("team_ids")) {
    ATB_TRY_ASSIGN(ids, http::id_array(body, "team_ids", 50));
    p.team_ids = std::move(ids);
  }
  if (body.contains("disabled")) {
    if (!body["disabled"].is_boolean()) {
      return Error::invalid_field("disabled", {"Jābūt true vai false.", "Must be true or false."});
    }
    p.disabled = body["disabled"].get<bool>();
  }
  if (body.contains("partner_id")) ATB_TRY_ASSIGN_TO(p.partner_id, partner_member(body));
  return p;
}

Error unknown_team() {
  return Error::invalid_field("team_ids", {"Tāda komanda šajā pašvaldībā nav.", "No such team in this municipality."});
}

const char* kUserSchema = R"({"type":"object","required":["username","full_name","password","roles"],
  "properties":{"username":{"type":"string"},"full_name":{"type":"string"},"email":{"type":"string"},
  "password":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},
  "team_ids":{"type":"array","items":{"type":"integer"}},"partner_id":{"type":["integer","null"]}}})";

}  // namespace

void add_user_routes(http::Router& router, const Context& ctx) {
  router.add(Method::get, "/api/v1/users", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto page = http::paging(req);
    if (!page) return answer_error(page.error(), req);
    auto q = http::search_text(req, "q", 100);
    if (!q) return answer_error(q.error(), req);
    auto users = ctx.db->read([&](storage::Connection& c) {
      return list_users(c, *q, page->page, page->page_size);
    });
    if (!users) return answer_error(users.error(), req);
    if (auto a = audit_action(ctx, *admin, req, "list", "user", "*", *q); !a) return answer_error(a.error(), req);
    json items = json::array();
    for (const User& u : users->items) items.push_back(user_json(u));
    return Response::json({{"items", items}, {"total", users->total}, {"page", page->page},
                           {"page_size", page->page_size}});
  }, {.summary = "Users of the municipality (administrators).", .tag = "users", .authenticated = true});

  router.add(Method::post, "/api/v1/users", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto body = http::json_object_body(req, {"username", "full_name", "email", "password", "roles", "team_ids", "partner_id"});
    if (!body) return answer_error(body.error(), req);
    auto user = new_user_from(ctx, *admin, *body);
    if (!user) return answer_error(user.error(), req);
    auto created = ctx.db->write([&](storage::Connection& c) -> Result<std::optional<User>> {
      ATB_TRY_ASSIGN(teams_ok, teams_exist(c, admin->municipality_id, user->team_ids));
      if (!teams_ok) return unknown_team();
      if (user->partner_id) {
        ATB_TRY_ASSIGN(known, partner_exists(c, admin->municipality_id, *user->partner_id));
        if (!known) return unknown_partner();
      }
      ATB_TRY_ASSIGN(existing, find_user_id(c, user->username));
      if (existing) {
        return Error{Errc::conflict, {"Tāds lietotājvārds jau ir.", "This user name is taken."},
                     {{"username", {"Tāds lietotājvārds jau ir.", "This user name is taken."}}}, {}};
      }
      ATB_TRY_ASSIGN(id, insert_user(c, *user));
      std::vector<audit::Entry> entries{audit_entry(*admin, req, "create", "user", std::to_string(id)),
                                        audit_entry(*admin, req, "permission_change", "user", std::to_string(id))};
      ATB_TRY(audit::append(c, entries));
      return find_user(c, id);
    });
    if (!created) return answer_error(created.error(), req);
    return Response::json(user_json(**created), 201);
  }, {.summary = "Create a user (administrators).", .tag = "users", .authenticated = true,
      .request_schema = kUserSchema, .success_status = 201}, {.pool = http::Pool::hashing});

  router.add(Method::get, "/api/v1/users/{id}", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto user = user_in_scope(ctx, *admin, req);
    if (!user) return answer_error(user.error(), req);
    if (auto a = audit_read(ctx, *admin, req, "user", std::to_string(user->id)); !a) {
      return answer_error(a.error(), req);
    }
    return Response::json(user_json(*user));
  }, {.summary = "One user (administrators).", .tag = "users", .authenticated = true});

  router.add(Method::patch, "/api/v1/users/{id}", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto user = user_in_scope(ctx, *admin, req);
    if (!user) return answer_error(user.error(), req);
    auto body = http::json_object_body(req, {"full_name", "email", "roles", "team_ids", "disabled", "partner_id"});
    if (!body) return answer_error(body.error(), req);
    auto patch = patch_from(*body);
    if (!patch) return answer_error(patch.error(), req);
    const bool access_change = patch->roles || patch->team_ids || patch->disabled || patch->partner_id;
    if (auto kept = check_partner_institution(patch->roles.value_or(user->roles),
                                              patch->partner_id.value_or(user->partner_id));
        !kept) {
      return answer_error(kept.error(), req);
    }
    if (access_change) {
      if (auto allowed = may_change_roles_of(*admin, user->id); !allowed) {
        (void)audit_action(ctx, *admin, req, "permission_change", "user", std::to_string(user->id), "denied: own account");
        return answer_error(allowed.error(), req);
      }
    }
    auto updated = ctx.db->write([&](storage::Connection& c) -> Result<std::optional<User>> {
      if (patch->team_ids) {
        ATB_TRY_ASSIGN(teams_ok, teams_exist(c, admin->municipality_id, *patch->team_ids));
        if (!teams_ok) return unknown_team();
      }
      if (patch->partner_id && *patch->partner_id) {
        ATB_TRY_ASSIGN(known, partner_exists(c, admin->municipality_id, **patch->partner_id));
        if (!known) return unknown_partner();
      }
      ATB_TRY(update_user(c, user->id, *patch));
      if (patch->disabled.value_or(false)) ATB_TRY(end_user_sessions(c, user->id, now_utc_iso()));
      std::vector<audit::Entry> entries{audit_entry(*admin, req, access_change ? "permission_change" : "update",
                                                    "user", std::to_string(user->id))};
      ATB_TRY(audit::append(c, entries));
      return find_user(c, user->id);
    });
    if (!updated) return answer_error(updated.error(), req);
    return Response::json(user_json(**updated));
  }, {.summary = "Change a user: name, e-mail, roles, teams, partner institution, disabled (administrators).", .tag = "users",
      .authenticated = true});

  router.add(Method::post, "/api/v1/users/{id}/reset-2fa", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto user = user_in_scope(ctx, *admin, req);
    if (!user) return answer_error(user.error(), req);
    auto done = ctx.db->write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY(set_totp(c, user->id, std::nullopt));
      ATB_TRY(end_user_sessions(c, user->id, now_utc_iso()));
      std::vector<audit::Entry> entries{audit_entry(*admin, req, "reset_2fa", "user", std::to_string(user->id))};
      return audit::append(c, entries);
    });
    if (!done) return answer_error(done.error(), req);
    return Response::empty(204);
  }, {.summary = "Remove a user's authenticator; she enrols again at next login (administrators).",
      .tag = "users", .authenticated = true, .success_status = 204});

  router.add(Method::get, "/api/v1/users/{id}/sessions", [ctx](Request& req) {
    auto admin = admin_of(ctx, req);
    if (!admin) return answer_error(admin.error(), req);
    auto user = user_in_scope(ctx, *admin, req);
    if (!user) return answer_error(user.error(), req);
    auto list = ctx.db->read([&](storage::Connection& c) { return list_open_sessions(c, user->id, now_utc_iso()); });
    if (!list) return answer_error(list.error(), req);
    json items = json::array();
    for (const auto& s : *list) {
      items.push_back({{"id", s.id}, {"created_at", s.created_at}, {"last_seen_at", s.last_seen_at},
                       {"remote", s.remote}, {"user_agent", s.user_agent}, {"current", false}});
    }
    return Response::json({{"items", items}});
  }, {.summary = "A user's open sessions (administrators).", .tag = "users", .authenticated = true});
}

}  // namespace atb::access
