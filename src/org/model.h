// The organisation of a social service: municipality → departments → teams.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace atb::org {

/// A team inside a department (e.g. work with families with children).
struct Team {
  std::int64_t id = 0;
  std::string code;
  Text name;
};

/// A department of the social service (glossary: assistance, services, social_work).
struct Department {
  std::int64_t id = 0;
  std::string code;
  Text name;
  std::vector<Team> teams;
};

/// A municipality (pašvaldība) whose social service uses the system.
struct Municipality {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<std::int64_t> inhabitants;
  std::vector<Department> departments;
};

}  // namespace atb::org
