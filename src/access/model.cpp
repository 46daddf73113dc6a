#include "access/model.h"

#include <algorithm>
#include <array>
#include <utility>

namespace atb::access {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 8> kRoles{{
    {Role::social_worker, "social_worker"},
    {Role::supervisor, "supervisor"},
    {Role::department_head, "department_head"},
    {Role::director, "director"},
    {Role::benefits_officer, "benefits_officer"},
    {Role::partner, "partner"},
    {Role::admin, "admin"},
    {Role::auditor, "auditor"},
}};

}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& [r, n] : kRoles) out.push_back(r);
    return out;
  }();
  return roles;
}

std::string_view role_name(Role role) {
  for (const auto& [r, n] : kRoles) {
    if (r == role) return n;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

bool Principal::has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Principal::roles_text() const {
  std::string out;
  for (Role r : roles) {
    if (!out.empty()) out += ',';
    out += role_name(r);
  }
  return out;
}

}  // namespace atb::access
