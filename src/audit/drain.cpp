#include "audit/drain.h"

#include <filesystem>

#include "audit/store.h"

namespace atb::audit {

using storage::params;

Result<std::size_t> drain(storage::Database& db, Journal& journal, ListedDays* listed,
                          std::size_t batch) {
  std::size_t moved = 0;
  for (std::int64_t after = 0;;) {
    ATB_TRY_ASSIGN(rows, journal.pending(after, batch));
    if (rows.empty()) return moved;
    const std::int64_t last = rows.back().id;
    std::size_t taken = 0;
    auto written = db.write([&](storage::Connection& c) -> Result<void> {
      // The chain's head lock first (as append() takes it): a second drainer of this journal
      // reads the mark only after the first one's transaction has ended.
      ATB_TRY(c.execute("UPDATE audit_head SET last_seq = last_seq WHERE id = 1"));
      ATB_TRY_ASSIGN(marks, c.query("SELECT mark FROM audit_journal_mark WHERE journal_uid = ?",
                                    params(journal.uid())));
      const std::int64_t mark = marks.empty() ? 0 : marks[0].integer(0);
      std::vector<Entry> entries;
      entries.reserve(rows.size());
      for (const JournalEntry& j : rows) {
        if (j.id > mark) entries.push_back(j.entry);
      }
      taken = entries.size();
      ATB_TRY(append(c, entries, listed));
      ATB_TRY(c.execute("INSERT INTO audit_journal_mark (journal_uid, mark) VALUES (?, ?)"
                        " ON CONFLICT (journal_uid) DO UPDATE SET mark = excluded.mark"
                        " WHERE audit_journal_mark.mark < excluded.mark",
                        params(journal.uid(), last)));
      return ok();
    });
    if (listed) written ? listed->committed() : listed->rolled_back();
    ATB_TRY(written);
    ATB_TRY(journal.forget(last));
    moved += taken;
    after = last;
    if (rows.size() < batch) return moved;
  }
}

Result<std::size_t> drain_journal_of(storage::Database& db, std::string_view database_url) {
  ATB_TRY_ASSIGN(url, storage::DatabaseUrl::parse(database_url));
  if (url.engine != storage::Engine::sqlite || !Journal::file_backed(url.target)) return std::size_t{0};
  const std::string path = Journal::path_for(url.target);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::size_t{0};
  ATB_TRY_ASSIGN(journal, Journal::open(path));
  return drain(db, *journal);
}

}  // namespace atb::audit
