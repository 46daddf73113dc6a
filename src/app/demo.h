// Demonstration data: the municipality "Liepājas valstspilsēta" with the three departments of
// its social service and their teams. Idempotent: a second run creates nothing.
#pragma once

#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// How many records a demo run created.
struct DemoSummary {
  int created = 0;
  int existing = 0;
};

/// The password of every demonstration user (printed by `make run`).
inline constexpr const char* kDemoPassword = "Demo-Atbalsts-2026";

/// Loads the demonstration data in one transaction: the municipality, its departments and
/// teams, and staff users of every role (no authenticator yet: each enrols at first login).
Result<DemoSummary> load_demo(storage::Database& db);

}  // namespace atb::app
