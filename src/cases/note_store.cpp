#include "cases/note_store.h"

#include <map>

#include "storage/id_list.h"
#include "storage/page_clause.h"

namespace atb::cases {

using storage::params;

namespace {

constexpr const char* kSelect =
    "SELECT n.id, n.case_id, n.kind, n.occurred_on, n.author_id, u.full_name, n.created_at, n.text_sealed";
constexpr const char* kFrom = " FROM case_note n JOIN app_user u ON u.id = n.author_id";
constexpr std::size_t kCountColumn = 8;  ///< a column list_notes adds after kSelect's

CaseNote from_row(const storage::Row& r) {
  return CaseNote{r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4), r.text(5), r.text(6), r.text(7)};
}

}  // namespace

Result<std::int64_t> insert_note(storage::Connection& c, const CaseNote& n) {
  ATB_TRY_ASSIGN(rows, c.query("INSERT INTO case_note (case_id, kind, occurred_on, author_id, created_at, text_sealed)"
                               " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                               params(n.case_id, n.kind, n.occurred_on, n.author_id, n.created_at, n.text_sealed)));
  return rows[0].integer(0);
}

Result<std::pair<std::vector<CaseNote>, std::int64_t>> list_notes(storage::Connection& c, std::int64_t case_id,
                                                                  const std::string& kind, int page, int page_size) {
  std::string where = " WHERE n.case_id = ?";
  storage::Params args = params(case_id);
  if (!kind.empty()) {
    where += " AND n.kind = ?";
    args.push_back(kind);
  }
  // The count rides on the page's statement (one round trip): an uncorrelated subquery, run once.
  const std::string count = "(SELECT COUNT(*) FROM case_note n" + where + ")";
  storage::Params all = args;
  all.insert(all.end(), args.begin(), args.end());
  ATB_TRY_ASSIGN(rows, c.query(std::string(kSelect) + ", " + count + kFrom + where + " ORDER BY n.created_at DESC, n.id DESC" +
                                   storage::page_clause(page_size, static_cast<std::int64_t>(page - 1) * page_size),
                               all));
  std::int64_t total = 0;
  if (!rows.empty()) {
    total = rows[0].integer(kCountColumn);
  } else if (page > 1) {  // past the last page: the count alone
    ATB_TRY_ASSIGN(counted, c.query("SELECT " + count, args));
    total = counted[0].integer(0);
  }
  std::vector<CaseNote> out;
  out.reserve(rows.size());
  for (const storage::Row& r : rows) out.push_back(from_row(r));
  return std::pair{std::move(out), total};
}

Result<std::vector<CaseNote>> load_notes(storage::Connection& c, std::int64_t case_id,
                                         const std::vector<std::int64_t>& ids) {
  std::vector<CaseNote> out;
  if (ids.empty()) return out;
  storage::Params args = params(case_id);
  const std::string marks = storage::id_placeholders(ids, args);
  ATB_TRY_ASSIGN(rows, c.query(std::string(kSelect) + kFrom + " WHERE n.case_id = ? AND n.id IN (" + marks + ")", args));
  std::map<std::int64_t, CaseNote> found;
  for (const storage::Row& r : rows) found.emplace(r.integer(0), from_row(r));
  for (std::int64_t id : ids) {
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
  }
  return out;
}

}  // namespace atb::cases
