#include "app/admin_commands.h"

#include <ostream>

#include <fmt/format.h>

#include "access/auth.h"
#include "access/session_store.h"
#include "access/user_rules.h"
#include "access/user_store.h"
#include "audit/drain.h"
#include "audit/store.h"
#include "core/crypto.h"
#include "core/time.h"

namespace atb::app {
namespace {

using storage::params;

Error no_such_user(const std::string& username) {
  return Error{Errc::not_found, {"Lietotājs nav atrasts: " + username, "No such user: " + username}, {}, {}};
}

audit::Entry cli_entry(const std::string& action, std::int64_t user_id) {
  audit::Entry e;
  e.username = "cli";
  e.role = "operator";
  e.action = action;
  e.entity_type = "user";
  e.entity_id = std::to_string(user_id);
  e.remote = "local";
  return e;
}

Result<std::int64_t> user_id(storage::Connection& c, const std::string& username) {
  ATB_TRY_ASSIGN(id, access::find_user_id(c, username));
  if (!id) return no_such_user(username);
  return *id;
}

Result<void> append_one(storage::Connection& c, audit::Entry e) {
  std::vector<audit::Entry> entries{std::move(e)};
  return audit::append(c, entries);
}

}  // namespace

Result<std::int64_t> user_add(storage::Database& db, const access::PasswordPolicy& passwords,
                              const UserAddOptions& o) {
  ATB_TRY(access::check_username(o.username));
  if (!o.email.empty()) ATB_TRY(access::check_email(o.email));
  ATB_TRY(passwords.check(o.password, o.username));
  ATB_TRY_ASSIGN(roles, access::parse_roles(o.roles));
  access::NewUser u;
  u.username = o.username;
  u.full_name = o.full_name.empty() ? o.username : o.full_name;
  if (!o.email.empty()) u.email = o.email;
  u.password_hash = access::hash_password(o.password);
  u.roles = roles;
  return db.write([&](storage::Connection& c) -> Result<std::int64_t> {
    ATB_TRY_ASSIGN(m, c.query("SELECT MIN(id) FROM municipality"));
    if (m[0].is_null(0)) {
      return Error{Errc::conflict, {"Vispirms izveidojiet pašvaldību (atbalsts demo).",
                                    "Create the municipality first (atbalsts demo)."}, {}, {}};
    }
    u.municipality_id = m[0].integer(0);
    for (const std::string& code : o.teams) {
      ATB_TRY_ASSIGN(t, c.query("SELECT t.id FROM team t JOIN department d ON d.id = t.department_id"
                                " WHERE t.code = ? AND d.municipality_id = ?",
                                params(code, u.municipality_id)));
      if (t.empty()) return Error::invalid_field("teams", {"Nezināma komanda: " + code, "Unknown team: " + code});
      u.team_ids.push_back(t[0].integer(0));
    }
    ATB_TRY_ASSIGN(existing, access::find_user_id(c, u.username));
    if (existing) return Error{Errc::conflict, {"Tāds lietotājvārds jau ir.", "This user name is taken."}, {}, {}};
    ATB_TRY_ASSIGN(id, access::insert_user(c, u));
    ATB_TRY(append_one(c, cli_entry("create", id)));
    return id;
  });
}

Result<void> user_list(storage::Database& db, std::ostream& out) {
  ATB_TRY_ASSIGN(page, db.read([](storage::Connection& c) { return access::list_users(c, "", 1, 100000); }));
  for (const access::User& u : page.items) {
    std::string roles;
    for (access::Role r : u.roles) {
      if (!roles.empty()) roles += ',';
      roles.append(access::role_name(r));
    }
    out << fmt::format("{:<20} {:<30} {:<40} {}{}\n", u.username, u.full_name, roles,
                       u.disabled ? "disabled" : "active", u.totp_enabled ? ", 2FA" : ", 2FA not enrolled");
  }
  return ok();
}

Result<void> user_disable(storage::Database& db, const std::string& username) {
  return db.write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(id, user_id(c, username));
    access::UserPatch p;
    p.disabled = true;
    ATB_TRY(access::update_user(c, id, p));
    ATB_TRY(access::end_user_sessions(c, id, now_utc_iso()));
    return append_one(c, cli_entry("permission_change", id));
  });
}

Result<void> user_reset_2fa(storage::Database& db, const std::string& username) {
  return db.write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(id, user_id(c, username));
    ATB_TRY(access::set_totp(c, id, std::nullopt));
    ATB_TRY(access::end_user_sessions(c, id, now_utc_iso()));
    return append_one(c, cli_entry("reset_2fa", id));
  });
}

Result<std::string> token_create(storage::Database& db, const std::string& username, int days,
                                 const std::string& name) {
  if (days < 1 || days > 366) {
    return Error::invalid_field("expires", {"Derīgums: 1–366 dienas.", "Validity: 1–366 days."});
  }
  const std::string token = "atb_" + crypto::random_token();
  const std::string expires = iso_utc(std::chrono::system_clock::now() + std::chrono::hours(24 * days));
  ATB_TRY(db.write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(id, user_id(c, username));
    ATB_TRY(access::insert_token(c, access::secret_hash(token), id, name, expires));
    return append_one(c, cli_entry("token_create", id));
  }));
  return token;
}

Result<bool> audit_verify(storage::Database& db, const std::string& database_url, std::ostream& out) {
  ATB_TRY_ASSIGN(moved, audit::drain_journal_of(db, database_url));
  if (moved > 0) out << "Read journal: " << moved << " entries moved into the chain.\n";
  ATB_TRY_ASSIGN(v, db.read([](storage::Connection& c) { return audit::verify_chain(c); }));
  if (v.ok) {
    out << "Audit log intact: " << v.checked << " entries verified.\n";
    return true;
  }
  out << "Audit log BROKEN at entry " << v.first_bad_seq << ": " << v.problem << " (" << v.checked
      << " entries verified before it).\n";
  return false;
}

}  // namespace atb::app
