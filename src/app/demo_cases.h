// Demonstration case management for `atbalsts demo`: about 40 cases in every stage (intake …
// closed) of families (team "families", led by anna, supervised by ilze) and adults (team
// "adults", janis and karlis), each walked through its stages with the real stores and rules
// (demo_case_walk.h), with intakes, transitions, agreements, assessments, plans and notes; and
// open intakes, some acute, one of them overdue on the duty board. The cases are of their own
// demo households and persons, never of the persons of demo_persons.h that other tests use.
// Idempotent: a second run creates nothing.
#pragma once

#include <string>

#include "app/demo_persons.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::app {

/// Adds the demonstration cases unless present, in one transaction (after load_demo). Notes are
/// sealed with the keyring of `key_file`; assessments use the instruments of `instruments_dir`
/// (left out when the folder cannot be read).
Result<DemoCount> load_demo_cases(storage::Database& db, const std::string& key_file, const std::string& instruments_dir);

}  // namespace atb::app
