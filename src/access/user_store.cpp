#include "access/user_store.h"

#include <algorithm>

#include "core/time.h"

namespace atb::access {

using storage::params;
using storage::Row;

namespace {

constexpr const char* kUserColumns =
    "id, username, full_name, email, municipality_id, disabled, totp_enabled, created_at, partner_id";

/// kUserColumns with each column qualified by `alias` ("u.id, u.username, …").
std::string user_columns_of(const std::string& alias) {
  std::string out;
  std::string_view rest = kUserColumns;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view column = rest.substr(0, comma);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out += alias + "." + std::string(column);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return out;
}

User user_from(const Row& r) {
  User u;
  u.id = r.integer(0);
  u.username = r.text(1);
  u.full_name = r.text(2);
  u.email = r.opt_text(3);
  u.municipality_id = r.integer(4);
  u.disabled = r.integer(5) != 0;
  u.totp_enabled = r.integer(6) != 0;
  u.created_at = r.text(7);
  u.partner_id = r.opt_integer(8);
  return u;
}

// Fills roles and team ids of the given users with two queries.
Result<void> attach_roles_and_teams(storage::Connection& c, std::vector<User>& users) {
  for (User& u : users) {
    ATB_TRY_ASSIGN(roles, c.query("SELECT role FROM user_role WHERE user_id = ? ORDER BY role", params(u.id)));
    for (const Row& r : roles) {
      if (auto role = parse_role(r.text(0))) u.roles.push_back(*role);
    }
    ATB_TRY_ASSIGN(teams, c.query("SELECT team_id FROM user_team WHERE user_id = ? ORDER BY team_id",
                                  params(u.id)));
    for (const Row& r : teams) u.team_ids.push_back(r.integer(0));
  }
  return ok();
}

Result<void> write_roles(storage::Connection& c, std::int64_t id, const std::vector<Role>& roles) {
  ATB_TRY(c.execute("DELETE FROM user_role WHERE user_id = ?", params(id)));
  for (Role r : roles) {
    ATB_TRY(c.execute("INSERT INTO user_role (user_id, role) VALUES (?, ?)", params(id, role_name(r))));
  }
  return ok();
}

Result<void> write_teams(storage::Connection& c, std::int64_t id, const std::vector<std::int64_t>& teams) {
  ATB_TRY(c.execute("DELETE FROM user_team WHERE user_id = ?", params(id)));
  for (std::int64_t t : teams) {
    ATB_TRY(c.execute("INSERT INTO user_team (user_id, team_id) VALUES (?, ?)", params(id, t)));
  }
  return ok();
}

}  // namespace

Result<std::optional<LoginRecord>> find_login(storage::Connection& c, const std::string& username) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id, password_hash, disabled, totp_enabled, totp_secret,"
                               " totp_last_step FROM app_user WHERE username = ?",
                               params(username)));
  if (rows.empty()) return std::optional<LoginRecord>{};
  const Row& r = rows[0];
  return std::optional<LoginRecord>(LoginRecord{r.integer(0), r.text(1), r.integer(2) != 0,
                                                r.integer(3) != 0, r.opt_text(4), r.integer(5)});
}

Result<std::int64_t> insert_user(storage::Connection& c, const NewUser& u) {
  const std::string now = now_utc_iso();
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO app_user (username, full_name, email, municipality_id,"
                               " password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                               " RETURNING id",
                               params(u.username, u.full_name, u.email, u.municipality_id,
                                      u.password_hash, now, now)));
  const std::int64_t id = rows[0].integer(0);
  if (u.partner_id) ATB_TRY(c.execute("UPDATE app_user SET partner_id = ? WHERE id = ?", params(*u.partner_id, id)));
  ATB_TRY(write_roles(c, id, u.roles));
  ATB_TRY(write_teams(c, id, u.team_ids));
  return id;
}

Result<std::optional<User>> find_user(storage::Connection& c, std::int64_t id) {
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE id = ?",
                               params(id)));
  if (rows.empty()) return std::optional<User>{};
  std::vector<User> users{user_from(rows[0])};
  ATB_TRY(attach_roles_and_teams(c, users));
  return std::optional<User>(std::move(users[0]));
}

Result<std::optional<std::int64_t>> find_user_id(storage::Connection& c, const std::string& username) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT id FROM app_user WHERE username = ?", params(username)));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>(rows[0].integer(0));
}

Result<UserPage> list_users(storage::Connection& c, const std::string& q, int page, int page_size) {
  std::string pattern = "%";
  for (char ch : q) {
    if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  pattern += '%';
  const char* where = " WHERE LOWER(username) LIKE ? ESCAPE '\\' OR LOWER(full_name) LIKE ? ESCAPE '\\'";
  ATB_TRY_ASSIGN(count, c.query(std::string("SELECT COUNT(*) FROM app_user") + where, params(pattern, pattern)));
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kUserColumns + " FROM app_user" + where +
                                   " ORDER BY username LIMIT ? OFFSET ?",
                               params(pattern, pattern, page_size,
                                      static_cast<std::int64_t>(page - 1) * page_size)));
  UserPage out;
  out.total = count[0].integer(0);
  for (const Row& r : rows) out.items.push_back(user_from(r));
  ATB_TRY(attach_roles_and_teams(c, out.items));
  return out;
}

Result<void> update_user(storage::Connection& c, std::int64_t id, const UserPatch& p) {
  const std::string now = now_utc_iso();
  if (p.full_name) {
    ATB_TRY(c.execute("UPDATE app_user SET full_name = ?, updated_at = ? WHERE id = ?",
                      params(*p.full_name, now, id)));
  }
  if (p.email) {
    ATB_TRY(c.execute("UPDATE app_user SET email = ?, updated_at = ? WHERE id = ?", params(*p.email, now, id)));
  }
  if (p.disabled) {
    ATB_TRY(c.execute("UPDATE app_user SET disabled = ?, updated_at = ? WHERE id = ?",
                      params(*p.disabled, now, id)));
  }
  if (p.partner_id) {
    ATB_TRY(c.execute("UPDATE app_user SET partner_id = ?, updated_at = ? WHERE id = ?", params(*p.partner_id, now, id)));
  }
  if (p.roles) ATB_TRY(write_roles(c, id, *p.roles));
  if (p.team_ids) ATB_TRY(write_teams(c, id, *p.team_ids));
  return ok();
}

namespace {

/// The principal of user row `users[0]` (kUserColumns), or none when there is none or she is
/// disabled: her roles, teams and departments loaded in one more round trip.
Result<std::optional<Principal>> principal_of(storage::Connection& c, const storage::Rows& users) {
  if (users.empty()) return std::optional<Principal>{};
  const User found = user_from(users[0]);
  if (found.disabled) return std::optional<Principal>{};
  const std::int64_t user_id = found.id;
  Principal p;
  p.user_id = found.id;
  p.username = found.username;
  p.full_name = found.full_name;
  p.municipality_id = found.municipality_id;
  // Roles (kind 0), teams (1) and the teams' departments (2) in one round trip: every request
  // loads its principal.
  ATB_TRY_ASSIGN(rows, c.query("SELECT 0, role, CAST(NULL AS BIGINT) FROM user_role WHERE user_id = ?"
                               " UNION ALL SELECT 1, CAST(NULL AS TEXT), team_id FROM user_team WHERE user_id = ?"
                               " UNION ALL SELECT DISTINCT 2, CAST(NULL AS TEXT), t.department_id FROM user_team ut"
                               " JOIN team t ON t.id = ut.team_id WHERE ut.user_id = ?"
                               " ORDER BY 1, 2, 3",
                               params(user_id, user_id, user_id)));
  for (const Row& r : rows) {
    const std::int64_t kind = r.integer(0);
    if (kind == 0) {
      if (auto role = parse_role(r.text(1))) p.roles.push_back(*role);
    } else {
      (kind == 1 ? p.team_ids : p.department_ids).push_back(r.integer(2));
    }
  }
  // A partner user acts for her institution: the policy reads the cases referred to it.
  if (p.has(Role::partner)) p.partner_id = found.partner_id;
  return std::optional<Principal>(std::move(p));
}

}  // namespace

Result<std::optional<Principal>> load_principal(storage::Connection& c, std::int64_t user_id) {
  ATB_TRY_ASSIGN(users, c.query(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE id = ?",
                                params(user_id)));
  return principal_of(c, users);
}

Result<std::optional<Principal>> load_token_principal(storage::Connection& c, const std::string& token_hash,
                                                      const std::string& now) {
  ATB_TRY_ASSIGN(users, c.query("SELECT " + user_columns_of("u") +
                                    " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                                    " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?",
                                params(token_hash, now)));
  return principal_of(c, users);
}

Result<bool> teams_exist(storage::Connection& c, std::int64_t municipality_id,
                         const std::vector<std::int64_t>& team_ids) {
  for (std::int64_t t : team_ids) {
    ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM team t JOIN department d ON d.id = t.department_id"
                                 " WHERE t.id = ? AND d.municipality_id = ?",
                                 params(t, municipality_id)));
    if (rows.empty()) return false;
  }
  return true;
}

Result<bool> partner_exists(storage::Connection& c, std::int64_t municipality_id, std::int64_t partner_id) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM partner WHERE id = ? AND municipality_id = ?",
                               params(partner_id, municipality_id)));
  return !rows.empty();
}

Result<void> set_totp(storage::Connection& c, std::int64_t user_id, std::optional<std::string> sealed) {
  ATB_TRY(c.execute("UPDATE app_user SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0,"
                    " updated_at = ? WHERE id = ?",
                    params(sealed, sealed.has_value(), now_utc_iso(), user_id)));
  if (!sealed) ATB_TRY(replace_recovery_codes(c, user_id, {}));
  return ok();
}

Result<bool> claim_totp_step(storage::Connection& c, std::int64_t user_id, std::int64_t step) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE app_user SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                              params(step, user_id, step)));
  return n == 1;
}

Result<void> replace_recovery_codes(storage::Connection& c, std::int64_t user_id,
                                    const std::vector<std::string>& code_hashes) {
  ATB_TRY(c.execute("DELETE FROM recovery_code WHERE user_id = ?", params(user_id)));
  for (const std::string& h : code_hashes) {
    ATB_TRY(c.execute("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)", params(user_id, h)));
  }
  return ok();
}

Result<bool> use_recovery_code(storage::Connection& c, std::int64_t user_id, const std::string& code_hash) {
  ATB_TRY_ASSIGN(n, c.execute("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ?"
                              " AND used_at IS NULL",
                              params(now_utc_iso(), user_id, code_hash)));
  return n == 1;
}

}  // namespace atb::access
