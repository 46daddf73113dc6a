#include "registry/importer.h"

#include <algorithm>
#include <unordered_set>

#include "core/csv.h"
#include "core/date.h"
#include "core/time.h"
#include "registry/bulk_insert.h"
#include "registry/import_rows.h"
#include "registry/rules.h"

namespace atb::registry {


namespace {

std::size_t count_lines(std::string_view bytes) {
  return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
}

/// The personal codes (of `rows`) already in the database, one query per chunk. The list is
/// padded to a fixed length so that one prepared statement serves every chunk.
Result<std::unordered_set<std::string>> codes_taken(storage::Connection& c, const std::vector<import::CheckedRow>& rows,
                                                    std::size_t chunk) {
  storage::Params codes;
  for (const import::CheckedRow& r : rows) {
    if (r.person && r.person->draft.personal_code) codes.push_back(*r.person->draft.personal_code);
  }
  std::unordered_set<std::string> taken;
  if (codes.empty()) return taken;
  const std::size_t width = std::max(chunk, codes.size());
  while (codes.size() < width) codes.push_back(codes.back());
  std::string sql = "SELECT code FROM person_code WHERE code IN (?";
  for (std::size_t i = 1; i < width; ++i) sql += ",?";
  ATB_TRY_ASSIGN(found, c.query(sql + ")", codes));
  for (const storage::Row& r : found) taken.insert(r.text(0));
  return taken;
}

}  // namespace

Result<ImportReport> import_persons(storage::Database& db, std::string_view bytes, const ImportOptions& options,
                                    const ImportProgress& progress) {
  ATB_TRY_ASSIGN(reader, csv::Reader::open(bytes, csv::Options{.windows1257 = options.windows1257}));
  ATB_TRY_ASSIGN(cols, import::columns_of(reader));
  const std::size_t estimate = count_lines(bytes) - 1;
  const std::string now = now_utc_iso();
  constexpr std::size_t kChunk = 500;
  ImportReport report;
  auto fail_row = [&](RowError e) {
    ++report.error_count;
    if (report.errors.size() < kMaxReportedErrors) report.errors.push_back(std::move(e));
  };
  auto run = [&](storage::Connection& c) -> Result<void> {
    // A real run is one large transaction: a big page cache, every row written with multi-row
    // INSERTs; the rows are read and checked on another thread meanwhile.
    BulkLoadSettings settings(c);
    if (!options.dry_run) ATB_TRY(settings.apply());
    PersonRows batch(c);
    import::RowChecker checker(reader, cols, today_riga(), kChunk);
    const Text taken{"Persona ar šo personas kodu jau ir reģistrēta.", "A person with this personal code is already registered."};
    for (std::vector<import::CheckedRow> rows = checker.next(); !rows.empty(); rows = checker.next()) {
      ATB_TRY_ASSIGN(in_database, codes_taken(c, rows, kChunk));
      for (import::CheckedRow& r : rows) {
        if (++report.total_rows % 5000 == 0 && progress) progress(report.total_rows, std::max(estimate, report.total_rows));
        for (RowError& e : r.errors) fail_row(std::move(e));
        if (!r.person) continue;
        if (r.person->draft.personal_code && in_database.count(*r.person->draft.personal_code)) {
          fail_row({r.row, "personal_code", taken});
          continue;
        }
        ++report.valid_rows;
        if (options.dry_run || report.error_count > 0) continue;
        ATB_TRY_ASSIGN(id, batch.insert_person(options.municipality_id, *r.person, options.user_id, now));
        ATB_TRY(batch.add_registration(id, options.registration, now));
        ++report.imported_rows;
      }
    }
    ATB_TRY(batch.flush());
    ATB_TRY(settings.restore());
    if (progress) progress(report.total_rows, report.total_rows);
    if (report.error_count > 0 || options.dry_run) {
      report.imported_rows = 0;
      return Error{Errc::conflict, {"Nekas nav ierakstīts.", "Nothing was written."}, {}, "import rolled back"};
    }
    if (options.before_commit) ATB_TRY(options.before_commit(c, report.imported_rows));
    return ok();
  };
  auto done = options.dry_run ? db.read(run) : bulk_write(db, run);
  if (!done && done.error().detail != "import rolled back") return std::move(done).error();
  return report;
}

}  // namespace atb::registry
