// Demonstration clients for `atbalsts demo`: a few persons and households in each team, so
// that every screen has something to show. Personal codes are generated valid (check digit).
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::app {

/// How many demonstration records were added, and how many were there already.
struct DemoCount {
  int created = 0;
  int existing = 0;
};
/// A valid old-format personal code for a birth date and serial (digits 8–10; the century
/// digit from the year).
std::string demo_personal_code(const Date& birth, int serial);

/// Adds the demonstration persons and households unless the municipality has persons already.
Result<DemoCount> load_demo_persons(storage::Connection& c, std::int64_t municipality_id);

}  // namespace atb::app
