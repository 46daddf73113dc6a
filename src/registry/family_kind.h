// The family kind recorded on each household registration: "with_children" when on the day of the
// registration a member of the household (by membership dates) was under 18, else "adults". The
// statistics count first registrations by it (reports/registration_figures.cpp), so every write
// that can change it — a registration, a member added or ended, a birth date corrected — calls
// one of these in its transaction.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::registry {

/// Recomputes the family kind of every registration of household `household_id`.
Result<void> refresh_family_kind(storage::Connection& c, std::int64_t household_id);

/// Recomputes it for every household person `person_id` was ever a member of.
Result<void> refresh_family_kinds_of_person(storage::Connection& c, std::int64_t person_id);

/// Recomputes it for every registration (after a bulk load, e.g. the national data generator).
Result<void> refresh_all_family_kinds(storage::Connection& c);

}  // namespace atb::registry
