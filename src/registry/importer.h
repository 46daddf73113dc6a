// Importing persons from CSV (the CLI `atbalsts import persons` and the upload page share it).
// Every row is checked like a person created by hand; a dry run only reports. The real run
// writes every row in one transaction, or nothing when any row is bad.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "registry/person_store.h"
#include "storage/database.h"

namespace atb::registry {

/// The columns an import file may have (header row, any order, case-insensitive).
inline constexpr std::string_view kImportColumns[] = {"given_names", "surname", "personal_code", "birth_date",
                                                      "sex", "phone", "email", "street", "house", "flat",
                                                      "locality", "postal_code"};

/// How to import.
struct ImportOptions {
  bool dry_run = true;
  bool windows1257 = false;  ///< convert from Windows-1257 (only when asked)
  std::int64_t municipality_id = 0;
  std::int64_t user_id = 0;
  NewRegistration registration;  ///< every imported person is registered so
  /// Runs inside the import's transaction just before it commits (e.g. the audit entry).
  std::function<Result<void>(storage::Connection&, std::size_t imported_rows)> before_commit;
};

/// A bad row: 1-based data row (header excluded), the column, and why.
struct RowError {
  std::size_t row = 0;
  std::string column;
  Text message;
};

/// What an import found and did.
struct ImportReport {
  std::size_t total_rows = 0;
  std::size_t valid_rows = 0;
  std::size_t imported_rows = 0;
  std::size_t error_count = 0;
  std::vector<RowError> errors;  ///< the first kMaxReportedErrors
};
inline constexpr std::size_t kMaxReportedErrors = 1000;

/// Called now and then with rows processed and (estimated) rows in the file.
using ImportProgress = std::function<void(std::size_t processed, std::size_t total)>;

/// Imports `bytes` (the whole file). File-level problems (encoding, missing or unknown
/// columns) are errors; row problems are in the report. Nothing is written when dry_run is
/// set or any row is bad.
Result<ImportReport> import_persons(storage::Database& db, std::string_view bytes, const ImportOptions& options,
                                    const ImportProgress& progress = {});

}  // namespace atb::registry
