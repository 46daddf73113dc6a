// The national demonstration registry: `atbalsts demo --scale national` (2,000,000 persons in
// about 700,000 households) or `--persons N`, and `--csv FILE` for import tests. The people come
// from population.h; this writes them with multi-row INSERTs in one transaction, with the same
// search keys (registry::search_keys) and sort keys (collation_key) insert_person would write,
// so that search, duplicates and the person page work on generated data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::registry {

/// Persons of the national scale.
inline constexpr std::size_t kNationalPersons = 2'000'000;

/// Called now and then: what is being done ("persons", "indexes", "rows"), how far, out of how much.
using GeneratorProgress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// What to generate.
struct GeneratorOptions {
  /// generate_registry: the registry holds at least this many persons afterwards (existing
  /// ones count). write_persons_csv: the number of rows.
  std::size_t persons = 0;
  std::uint64_t seed = 1;
  std::optional<Date> today;  ///< reference date (default: today in Riga)
  GeneratorProgress progress;
  /// When at least this many persons are generated (and no fewer than exist), the secondary
  /// indexes of the registry tables are dropped first and rebuilt, identical, at the end.
  std::size_t rebuild_indexes_from = 50'000;
};

/// What generate_registry did.
struct GeneratorReport {
  std::size_t existing_persons = 0;  ///< before the run
  std::size_t persons = 0;           ///< generated
  std::size_t households = 0;
  std::size_t addresses = 0;
  std::size_t earlier_names = 0;
  std::size_t earlier_codes = 0;
  std::size_t phones = 0;
  std::size_t search_keys = 0;
  std::size_t registrations = 0;     ///< of persons and households
  bool rebuilt_indexes = false;      ///< secondary indexes were dropped and rebuilt for speed
};

/// Tops the registry of the municipality up to `options.persons` persons in one transaction:
/// households with members, addresses, codes, earlier names and codes, phones, search keys,
/// and registrations spread over the municipality's teams (run after load_demo, which makes
/// them). Nothing happens when the registry already holds that many. Personal codes already in
/// the database are never generated again. Meant for a database no server writes to meanwhile:
/// a large run drops and rebuilds the registry's secondary indexes inside its transaction
/// (which on PostgreSQL also locks those tables until it commits).
Result<GeneratorReport> generate_registry(storage::Database& db, std::int64_t municipality_id,
                                          const GeneratorOptions& options);

/// Writes `options.persons` generated persons as an import file (UTF-8, `;`, a header with the
/// columns of registry::kImportColumns), with codes not already in `db`. Returns the rows written.
Result<std::size_t> write_persons_csv(storage::Database& db, std::ostream& out, const GeneratorOptions& options);

}  // namespace atb::registry
