// Checks of user-administration input, without I/O.
#pragma once

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

}  // namespace atb::access
