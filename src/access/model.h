// Who is asking: roles, users and the authenticated principal of a request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atb::access {

/// The roles of the system (a user may have several).
enum class Role {
  social_worker,
  supervisor,
  department_head,
  director,
  benefits_officer,
  partner,
  admin,    ///< manages users and configuration; sees no client data by default
  auditor,  ///< data-protection officer: reads the audit log
};

/// Every role, in a stable order.
const std::vector<Role>& all_roles();
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

/// A user account as administrators see it (never the password hash or TOTP secret).
struct User {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;
  std::optional<std::string> email;
  std::int64_t municipality_id = 0;
  std::vector<Role> roles;
  std::vector<std::int64_t> team_ids;
  bool disabled = false;
  bool totp_enabled = false;
  std::string created_at;
  std::optional<std::int64_t> partner_id;  ///< a partner user's institution (partner register)
};

/// The authenticated caller of one request.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string full_name;
  std::int64_t municipality_id = 0;
  std::vector<Role> roles;
  std::vector<std::int64_t> team_ids;
  std::vector<std::int64_t> department_ids;  ///< departments of the user's teams
  std::optional<std::int64_t> partner_id;    ///< the outside institution of a partner user
  std::int64_t session_id = 0;               ///< 0 when authenticated by an API token
  bool via_token = false;
  std::string stage = "complete";            ///< totp | enroll | complete
  std::string csrf_token;

  bool has(Role role) const;
  /// Roles joined by ',' for the audit log.
  std::string roles_text() const;
};

}  // namespace atb::access
