#include "registry/search_key_upgrade.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "registry/bulk_insert.h"
#include "registry/rules.h"

namespace atb::registry {

using storage::params;

namespace {

constexpr std::int64_t kBatch = 5000;

Result<int> stored_version(storage::Connection& c) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT version FROM search_key_version WHERE id = 1"));
  return rows.empty() ? 0 : static_cast<int>(rows[0].integer(0));
}

// The keys of the persons with ids in [from, to]: each person's current name first, then her
// earlier names, then the names of the duplicates merged into her (as rebuild_keys does).
Result<void> rekey_range(storage::Connection& c, BulkInsert& keys, std::int64_t from, std::int64_t to) {
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT id, given_names, surname, 0 FROM person WHERE id BETWEEN ? AND ?"
      " UNION ALL SELECT person_id, given_names, surname, 1 FROM person_name WHERE person_id BETWEEN ? AND ?"
      " UNION ALL SELECT merged_into_id, given_names, surname, 2 FROM person WHERE merged_into_id BETWEEN ? AND ?"
      " ORDER BY 1, 4",
      params(from, to, from, to, from, to)));
  std::vector<std::pair<std::string, std::string>> names;
  auto flush = [&](std::int64_t person) -> Result<void> {
    if (names.empty()) return ok();
    for (const std::string& key : search_keys(names)) ATB_TRY(keys.add(key, person));
    names.clear();
    return ok();
  };
  std::int64_t person = 0;
  for (const storage::Row& r : rows) {
    if (r.integer(0) != person) {
      ATB_TRY(flush(person));
      person = r.integer(0);
    }
    names.emplace_back(r.text(1), r.text(2));
  }
  ATB_TRY(flush(person));
  return keys.flush();
}

}  // namespace

Result<std::int64_t> upgrade_search_keys(storage::Database& db, const RekeyProgress& progress) {
  ATB_TRY_ASSIGN(version, db.read([](storage::Connection& c) { return stored_version(c); }));
  if (version >= kSearchKeyVersion) return std::int64_t{0};
  return bulk_write(db, [&](storage::Connection& c) -> Result<std::int64_t> {
    ATB_TRY_ASSIGN(again, stored_version(c));  // another server may have done it meanwhile
    if (again >= kSearchKeyVersion) return std::int64_t{0};
    BulkLoadSettings settings(c);
    ATB_TRY(settings.apply());
    ATB_TRY_ASSIGN(span, c.query("SELECT COUNT(*), COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM person"));
    const std::int64_t total = span[0].integer(0), first = span[0].integer(1), last = span[0].integer(2);
    ATB_TRY(c.execute("DELETE FROM person_key"));
    BulkInsert keys{c, "person_key", {"search_key", "person_id"}};
    for (std::int64_t from = first; total > 0 && from <= last; from += kBatch) {
      const std::int64_t to = std::min(last, from + kBatch - 1);
      ATB_TRY(rekey_range(c, keys, from, to));
      if (progress) progress(std::min(total, to - first + 1), total);
    }
    ATB_TRY(c.execute("UPDATE search_key_version SET version = ? WHERE id = 1", params(kSearchKeyVersion)));
    ATB_TRY(settings.restore());
    return total;
  });
}

}  // namespace atb::registry
