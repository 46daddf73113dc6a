// Demonstration social-assistance data for `atbalsts demo`: the municipality's low-income
// threshold, housing-cost norms, a small benefit catalogue and a few applications.
#pragma once

#include <cstdint>

#include "app/demo_persons.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::app {

/// Adds the assistance settings (counted: low-income threshold, norms, catalogue) and a demo
/// application unless present.
Result<DemoCount> load_demo_assistance(storage::Connection& c, std::int64_t municipality_id);

}  // namespace atb::app
