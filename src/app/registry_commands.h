// Command-line tools of the client registry: the demonstration registry generator
// (`atbalsts demo --scale national | --persons N [--seed S] [--csv FILE]`) and
// `atbalsts import persons FILE`, and the bulk recalculation of assistance decisions. Each returns the process exit code and writes its results to
// `out` and its progress (a bar on a terminal, a line per 10 % otherwise) to `err`.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "storage/database.h"

namespace atb::app {

/// Options of `atbalsts demo` for generated persons.
struct DemoRegistryOptions {
  std::optional<std::string> scale;    ///< "national": 2,000,000 persons
  std::optional<std::size_t> persons;  ///< persons in all (households in proportion)
  std::uint64_t seed = 1;
  std::optional<std::string> csv;      ///< write the persons to this import file instead
  std::optional<std::size_t> cases;    ///< cases in all (default 300,000 with --scale national, else none)
  bool cases_only = false;             ///< generate only the cases, on an already generated registry
  bool services_only = false;          ///< generate only the services and referrals, on generated cases
  std::string key_file;                ///< the key file whose keyring seals the generated notes
};

/// Whether the options ask for generated persons or a CSV file at all.
bool wants_generated_registry(const DemoRegistryOptions& o);

/// After load_demo: generates the registry of the demo municipality up to the number of persons
/// asked, then social-assistance applications (with decisions and payments) for a share of the
/// new households, then cases up to the number asked (cases/generator.h; with `cases_only`,
/// only the cases), and with --scale national their services and referrals (services/generator.h;
/// with `services_only`, only those). Nothing when the persons are already there. Exit code 0, or 1 on failure.
int demo_registry(storage::Database& db, const DemoRegistryOptions& o, std::ostream& out, std::ostream& err);

/// `atbalsts assistance recalculate --month YYYY-MM`: every granted decision in force on the 1st
/// of the month recalculated under the settings in force then; the changed ones superseded by
/// new decisions (assistance/bulk_recalc.h). Exit code 0, 1 on failure, 2 for a bad month.
int assistance_recalculate_command(storage::Database& db, const std::string& month, const std::string& reason,
                                   std::ostream& out, std::ostream& err);

/// Writes the generated persons to o.csv as an import file (codes not in `db`). 0 or 1.
int demo_csv(storage::Database& db, const DemoRegistryOptions& o, std::ostream& out, std::ostream& err);

/// Options of `atbalsts import persons`.
struct ImportCommandOptions {
  std::string file;
  bool dry_run = false;
  std::string encoding = "utf-8";             ///< or "windows-1257"
  std::string team;                           ///< code of the registering team
  std::optional<std::string> user;            ///< who imports (audit, registered_by); else "system"
  std::uint64_t max_size = 1ull << 30;        ///< larger files are refused before reading
  std::optional<std::string> lang;            ///< "lv", "en" or "both"; default from LANG
};

/// Checks (dry run) or imports a CSV of persons through registry::import_persons, with an audit
/// entry. Exit codes: 0 done (or a clean dry run), 1 rows were bad (nothing written), 2 the file
/// or the options were refused (too large, unreadable, wrong encoding or columns, unknown team).
int import_persons_command(storage::Database& db, const ImportCommandOptions& o, std::ostream& out,
                           std::ostream& err);

}  // namespace atb::app
