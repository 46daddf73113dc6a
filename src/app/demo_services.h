// Demonstration services for `atbalsts demo` (after the demo cases): a small catalogue — a
// mentor for young people (ESF project), a group apartment (full, with a waiting list), a
// psychologist, the mobile social service and a youth centre — and referrals of members of
// the open demo cases in every state: awaiting a decision (one overdue), waiting, placed (with a
// delivery log), ended and refused. Made with the real stores and rules (eligibility, states,
// capacity). Idempotent: a second run creates nothing.
#pragma once

#include "app/demo_persons.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// Adds the demonstration services and referrals unless present, in one transaction.
Result<DemoCount> load_demo_services(storage::Database& db);

}  // namespace atb::app
