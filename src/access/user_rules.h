// Checks of user-administration input, without I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"

namespace atb::access {

/// 3–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter.
Result<void> check_username(const std::string& username);
/// A plausible e-mail address (one '@', a dot in the domain, no spaces), at most 254 characters.
Result<void> check_email(const std::string& email);
/// Role names into roles; at least one, none unknown, no duplicates. Errors name `roles`.
Result<std::vector<Role>> parse_roles(const std::vector<std::string>& names);
/// A user with the role `partner` belongs to one institution of the partner register: without it
/// she could do nothing, so the account is refused (422 naming `partner_id`).
Result<void> check_partner_institution(const std::vector<Role>& roles, const std::optional<std::int64_t>& partner_id);

}  // namespace atb::access
