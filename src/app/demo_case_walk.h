// One demonstration case walked through its stages with the real stores (`atbalsts demo`,
// demo_cases.h): the intake it came from, the transitions with their reasons, the agreement
// before the case leaves the agreement stage, assessments, the cooperation plan approved by the
// supervisor before implementation, notes sealed with the keyring, and closure by the
// supervisor's approval of the lead worker's request. Every step checks the stage rules
// (cases/rules.h, cases/plan_rules.h) as the API does, so the demo data is valid by them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cases/instrument_registry.h"
#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"
#include "core/sealed_text.h"
#include "storage/connection.h"

namespace atb::app {

/// Who and what a demonstration case is about.
struct DemoCaseSubject {
  std::int64_t municipality_id = 0, department_id = 0, team_id = 0;
  std::optional<std::int64_t> household_id;  ///< a family's case
  std::optional<std::int64_t> person_id;     ///< an adult's case
  std::vector<std::int64_t> persons;         ///< the household's members (adult first), or the person
  std::vector<bool> children;                ///< per person: under 18
  std::int64_t lead = 0, supervisor = 0;     ///< lead worker and the team's supervisor
};

/// What a walk adds: optional parts are left out when their tools are missing.
struct DemoCaseTools {
  const Keyring* keyring = nullptr;                      ///< notes (sealed)
  const cases::InstrumentRegistry* instruments = nullptr;  ///< assessments
};

/// Stores an intake about `subject` received at `received_at` (UTC ISO) with the deadline its
/// urgency gives; open (no outcome yet). `n` varies the channel, reporter and concern.
Result<cases::Intake> add_demo_intake(storage::Connection& c, const DemoCaseSubject& subject, const std::string& urgency,
                                      const std::string& received_at, unsigned n);

/// Walks a new case of `subject` from an intake received `age_days` ago to `stage` (a kStages
/// code; "closed" closes it from implementation). `n` varies the texts and choices.
Result<std::int64_t> walk_demo_case(storage::Connection& c, const DemoCaseSubject& subject, const std::string& stage,
                                    int age_days, unsigned n, const DemoCaseTools& tools);

}  // namespace atb::app
