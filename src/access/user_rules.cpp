#include "access/user_rules.h"

#include <algorithm>

namespace atb::access {

Result<void> check_username(const std::string& u) {
  const bool shape = u.size() >= 3 && u.size() <= 64 && u[0] >= 'a' && u[0] <= 'z' &&
                     std::all_of(u.begin(), u.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                              c == '_' || c == '-';
                     });
  if (shape) return ok();
  return Error::invalid_field(
      "username", {"Lietotājvārdam jābūt 3–64 rakstzīmēm: mazie latīņu burti, cipari, '.', '_' vai '-', sākot ar burtu.",
                   "The user name must be 3–64 characters: lower-case latin letters, digits, '.', '_' or '-', starting with a letter."});
}

Result<void> check_email(const std::string& e) {
  const size_t at = e.find('@');
  const bool shape = e.size() <= 254 && at != std::string::npos && at > 0 &&
                     e.find('@', at + 1) == std::string::npos &&
                     e.find('.', at) != std::string::npos && e.back() != '.' &&
                     e.find(' ') == std::string::npos;
  if (shape) return ok();
  return Error::invalid_field("email", {"E-pasta adrese nav derīga.", "The e-mail address is not valid."});
}

Result<std::vector<Role>> parse_roles(const std::vector<std::string>& names) {
  std::vector<Role> roles;
  for (const std::string& n : names) {
    auto r = parse_role(n);
    if (!r) return Error::invalid_field("roles", {"Nezināma loma: " + n + ".", "Unknown role: " + n + "."});
    if (std::find(roles.begin(), roles.end(), *r) != roles.end()) {
      return Error::invalid_field("roles", {"Loma norādīta divreiz: " + n + ".", "Role given twice: " + n + "."});
    }
    roles.push_back(*r);
  }
  if (roles.empty()) {
    return Error::invalid_field("roles", {"Norādiet vismaz vienu lomu.", "Give at least one role."});
  }
  return roles;
}

Result<void> check_partner_institution(const std::vector<Role>& roles, const std::optional<std::int64_t>& partner_id) {
  const bool partner = std::find(roles.begin(), roles.end(), Role::partner) != roles.end();
  if (!partner || partner_id) return ok();
  return Error::invalid_field("partner_id", {"Partnera lietotājam norādiet viņa iestādi.",
                                             "Give the institution of a partner user."});
}

}  // namespace atb::access
