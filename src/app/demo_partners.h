// Demonstration partner institutions for `atbalsts demo` (docs/api-partners.md): a school, a
// kindergarten, the orphan's court, the municipal police, NGOs and a day centre, with contact
// persons; two partner users — a school social pedagogue (`pedagogs`) and an orphan's court
// specialist (`bariniesa`), password kDemoPassword, enrolling their authenticator at first
// login like every demo user —; the demo cases' plan tasks of these institutions linked to
// them; and one open information request of the orphan's court. Idempotent.
#pragma once

#include "app/demo_persons.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// Adds the demonstration partners unless present, in one transaction (after load_demo, and
/// after load_demo_cases when the demo cases' tasks are to be linked).
Result<DemoCount> load_demo_partners(storage::Database& db);

}  // namespace atb::app
