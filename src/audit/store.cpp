#include "audit/store.h"

#include "audit/seal.h"

#include "core/time.h"

namespace atb::audit {

using storage::params;
using storage::Row;

namespace {

constexpr const char* kColumns =
    "seq, at, user_id, username, role, action, entity_type, entity_id, reason, outcome,"
    " request_id, remote, prev_hash, hash";

StoredEntry stored_from(const Row& r) {
  StoredEntry s;
  s.seq = r.integer(0);
  s.entry = Entry{r.text(1), r.opt_integer(2), r.text(3), r.text(4), r.text(5), r.text(6),
                  r.text(7), r.text(8), r.text(9), r.text(10), r.text(11)};
  s.prev_hash = r.text(12);
  s.hash = r.text(13);
  return s;
}

/// Rows of one multi-row INSERT: `columns` values each, at most `kRowsPerStatement` rows, sent
/// as one statement (a round trip each on PostgreSQL) with `tail` appended.
class RowBatch {
 public:
  RowBatch(storage::Connection& c, std::string head, std::size_t columns, std::string tail)
      : c_(c), head_(std::move(head)), columns_(columns), tail_(std::move(tail)) {}

  /// The parameters of the row being added (push `columns` values, then call added()).
  storage::Params& params() { return params_; }
  Result<void> added() { return ++rows_ == kRowsPerStatement ? flush() : ok(); }

  /// Sends the rows added so far.
  Result<void> flush() {
    if (rows_ == 0) return ok();
    std::string row = "(?";
    for (std::size_t i = 1; i < columns_; ++i) row += ", ?";
    row += ")";
    std::string sql = head_ + " VALUES " + row;
    for (std::size_t i = 1; i < rows_; ++i) sql += ", " + row;
    ATB_TRY(c_.execute(sql + tail_, params_));
    params_.clear();
    rows_ = 0;
    return ok();
  }

 private:
  static constexpr std::size_t kRowsPerStatement = 64;
  storage::Connection& c_;
  std::string head_;
  std::size_t columns_;
  std::string tail_;
  storage::Params params_;
  std::size_t rows_ = 0;
};

/// Indexes each id of a list entry naming several rows by the entry's user and day (see
/// audit_listed_day in the migrations) into `listed`. A key already there (the same user
/// listed the same record earlier that day) is left as it is, so repeated lists write nothing;
/// keys `known` holds as committed are not sent at all.
Result<void> index_listed(RowBatch& listed, std::int64_t seq, const Entry& e, ListedDays* known) {
  if (e.action != "list" || e.entity_id.find(',') == std::string::npos) return ok();
  const std::int64_t user = e.user_id.value_or(0);
  const std::string day = e.at.substr(0, 10);
  std::size_t from = 0;
  while (from <= e.entity_id.size()) {
    std::size_t to = e.entity_id.find(',', from);
    if (to == std::string::npos) to = e.entity_id.size();
    const std::string_view id = std::string_view(e.entity_id).substr(from, to - from);
    if (to > from && !(known && known->known(e.entity_type, id, user, day))) {
      if (known) known->written(e.entity_type, id, user, day);
      storage::Params& p = listed.params();
      p.emplace_back(e.entity_type);
      p.emplace_back(std::string(id));
      p.emplace_back(user);
      p.emplace_back(day);
      p.emplace_back(seq);
      ATB_TRY(listed.added());
    }
    from = to + 1;
  }
  return ok();
}

/// `id` as a LIKE pattern matching it as one element of a comma-separated list.
std::string listed_pattern(const std::string& id) {
  std::string p = "%,";
  for (char ch : id) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  return p + ",%";
}

/// The list entries that named a record: the user-days of audit_listed_day, then that user's
/// list entries of that day (index audit_log_user) whose ids include the record. Entries
/// without a user are indexed under user 0.
constexpr const char* kListedSeqs =
    " seq IN (SELECT a.seq FROM audit_listed_day l JOIN audit_log a"
    " ON (a.user_id = l.user_id OR (l.user_id = 0 AND a.user_id IS NULL))"
    " AND a.at >= (l.day || 'T') AND a.at <= (l.day || 'T23:59:59.999Z')"
    " WHERE l.entity_type = ? AND l.entity_id = ? AND a.action = 'list'"
    " AND a.entity_type = l.entity_type AND (',' || a.entity_id || ',') LIKE ? ESCAPE '\\')";

Verdict bad(std::int64_t checked, std::int64_t seq, const char* problem) {
  return Verdict{false, checked, seq, problem};
}

}  // namespace

Result<void> append(storage::Connection& c, std::vector<Entry>& entries, ListedDays* known) {
  if (entries.empty()) return ok();
  // The no-op update takes the head row's lock (PostgreSQL) and reads it in the same statement.
  ATB_TRY_ASSIGN(head, c.query("UPDATE audit_head SET last_seq = last_seq WHERE id = 1"
                               " RETURNING last_seq, last_hash"));
  std::int64_t seq = head[0].integer(0);
  std::string prev = head[0].text(1);
  // The entries, then the listed records' index, each in as few statements as possible.
  RowBatch rows(c, std::string("INSERT INTO audit_log (") + kColumns + ")", 14, "");
  RowBatch listed(c, "INSERT INTO audit_listed_day (entity_type, entity_id, user_id, day, first_seq)", 5,
                  " ON CONFLICT DO NOTHING");
  for (Entry& e : entries) {
    if (e.at.empty()) e.at = now_utc_iso();
    ++seq;
    std::string hash = chain_hash(prev, seq, e);
    storage::Params& p = rows.params();
    for (storage::Value v : params(seq, e.at, e.user_id, e.username, e.role, e.action, e.entity_type,
                                   e.entity_id, e.reason, e.outcome, e.request_id, e.remote, prev, hash)) {
      p.push_back(std::move(v));
    }
    prev = std::move(hash);
    ATB_TRY(rows.added());
    ATB_TRY(index_listed(listed, seq, e, known));
  }
  ATB_TRY(rows.flush());
  ATB_TRY(listed.flush());
  ATB_TRY(c.execute("UPDATE audit_head SET last_seq = ?, last_hash = ?, seal = ? WHERE id = 1",
                    params(seq, prev, seal(seq, prev))));
  return ok();
}

Result<EntryPage> find_entries(storage::Connection& c, const Filter& f, int page, int page_size) {
  std::string where = " WHERE 1 = 1";
  storage::Params p;
  auto add = [&](const std::string& value, const char* clause, std::string bound) {
    if (value.empty()) return;
    where += clause;
    p.push_back(std::move(bound));
  };
  add(f.username, " AND username = ?", f.username);
  add(f.action, " AND action = ?", f.action);
  add(f.entity_type, " AND entity_type = ?", f.entity_type);
  if (!f.entity_id.empty() && f.entity_type.empty()) {
    add(f.entity_id, " AND entity_id = ?", f.entity_id);
  } else if (!f.entity_id.empty()) {  // the record itself, or a list that showed it
    where += std::string(" AND (entity_id = ? OR") + kListedSeqs + ")";
    p.push_back(f.entity_id);
    p.push_back(f.entity_type);
    p.push_back(f.entity_id);
    p.push_back(listed_pattern(f.entity_id));
  }
  add(f.from, " AND at >= ?", f.from + "T00:00:00.000Z");
  add(f.to, " AND at <= ?", f.to + "T23:59:59.999Z");
  ATB_TRY_ASSIGN(count, c.query("SELECT COUNT(*) FROM audit_log" + where, p));
  storage::Params paged = p;
  paged.push_back(static_cast<std::int64_t>(page_size));
  paged.push_back(static_cast<std::int64_t>(page - 1) * page_size);
  ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kColumns + " FROM audit_log" + where +
                                   " ORDER BY seq DESC LIMIT ? OFFSET ?",
                               paged));
  EntryPage out;
  out.total = count[0].integer(0);
  for (const Row& r : rows) out.items.push_back(stored_from(r));
  return out;
}

Result<Verdict> verify_chain(storage::Connection& c) {
  constexpr std::int64_t kPage = 5000;
  std::int64_t expected = 1, checked = 0;
  std::string prev = kGenesisHash;
  for (;;) {
    ATB_TRY_ASSIGN(rows, c.query(std::string("SELECT ") + kColumns +
                                     " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?",
                                 params(expected, kPage)));
    for (const Row& r : rows) {
      const StoredEntry s = stored_from(r);
      if (s.seq != expected) return bad(checked, expected, "removed");
      if (s.prev_hash != prev) return bad(checked, s.seq - 1, "inserted");
      if (chain_hash(prev, s.seq, s.entry) != s.hash) return bad(checked, s.seq, "changed");
      prev = s.hash;
      ++expected;
      ++checked;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  ATB_TRY_ASSIGN(head, c.query("SELECT last_seq, last_hash, seal FROM audit_head WHERE id = 1"));
  const std::int64_t last = head[0].integer(0);
  if (last > checked) return bad(checked, checked + 1, "removed");
  if (last < checked) return bad(checked, last + 1, "inserted");
  if (head[0].text(1) != prev) return bad(checked, last, "head");
  // The end of the chain must carry the seal only the key file's holder can make.
  if (has_seal_key() && last > 0 && head[0].text(2) != seal(last, prev)) return bad(checked, last, "seal");
  return Verdict{true, checked, 0, ""};
}

}  // namespace atb::audit
