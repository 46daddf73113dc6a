// Generated case management for the national demonstration data (`atbalsts demo --scale
// national`, `--cases N`, `--cases-only`): caseworkers in the social work department's teams, and
// cases of the generated registry's households and persons with their intakes, transitions,
// agreements, closures, cooperation plans with tasks and sealed notes, written with multi-row INSERTs in one transaction. Every case follows
// the stage rules (cases/rules.h): it reached its stage by allowed transitions, left the agreement
// stage only with an agreement recorded, and was closed only by a supervisor's approval of its
// lead worker's closure request.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/sealed_text.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::cases {

/// Cases of the national scale.
inline constexpr std::size_t kNationalCases = 300'000;
/// Caseworkers of the national scale.
inline constexpr std::size_t kNationalWorkers = 300;

/// What to generate.
struct CaseGeneratorOptions {
  /// The municipality holds at least this many cases afterwards (existing ones count).
  std::size_t cases = 0;
  /// Generated social workers ("sw0001", …; and supervisors "sv0001", …, one per 15 workers),
  /// spread over the teams "families" (3 in 5) and "adults"; each leads 30–60 open cases, the
  /// rest of the cases are closed ones of earlier years. 0 = one per 1,000 cases, at least 4
  /// and at most kNationalWorkers.
  std::size_t workers = 0;
  /// The password hash the generated users get.
  std::string password_hash;
  /// Seals the notes (6–60 a case, about 33 on average); without one no notes are written.
  const Keyring* keyring = nullptr;
  std::uint64_t seed = 1;
  std::optional<Date> today;  ///< reference date (default: today in Riga)
  /// Called now and then: the stage ("workers", "cases"), how far, out of how much.
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

/// What generate_cases did.
struct CaseGeneratorReport {
  std::size_t existing_cases = 0;  ///< before the run
  std::size_t cases = 0;           ///< generated
  std::size_t open_cases = 0;      ///< of them not closed
  std::size_t workers = 0;         ///< generated social workers and supervisors (new ones)
  std::size_t intakes = 0;         ///< with an outcome, and open ones for the duty board
  std::size_t transitions = 0;
  std::size_t agreements = 0;
  std::size_t closures = 0;        ///< approved closure requests
  std::size_t plans = 0;           ///< cooperation plan versions
  std::size_t tasks = 0;           ///< their tasks
  std::size_t notes = 0;           ///< sealed notes (none without a keyring)
};

/// The number of workers `options` asks for (workers, or the default for its cases).
std::size_t worker_count(const CaseGeneratorOptions& options);

/// Tops the cases of `municipality_id` up to `options.cases` in one transaction (after
/// load_demo and generate_registry: the subjects are the households registered in the team
/// "families" and the persons registered in "adults"). Nothing happens when there are enough.
Result<CaseGeneratorReport> generate_cases(storage::Database& db, std::int64_t municipality_id,
                                           const CaseGeneratorOptions& options);

}  // namespace atb::cases
