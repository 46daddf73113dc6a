// Moving the read journal's entries into the hash chain (journal.h).
#pragma once

#include <cstddef>
#include <string_view>

#include "audit/journal.h"
#include "audit/listed_days.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::audit {

/// Appends every entry of `journal` to the chain of `db`, oldest first, `batch` entries in each
/// write transaction, then removes them from the journal. Each transaction also records how far
/// it took this journal (audit_journal_mark), and skips entries up to that mark: a crash between
/// the commit and the removal, or two processes draining one journal, never appends an entry
/// twice. `listed` is passed to append(). Returns how many entries joined the chain.
Result<std::size_t> drain(storage::Database& db, Journal& journal, ListedDays* listed = nullptr,
                          std::size_t batch = 2000);

/// Drains the read journal of the database at `database_url` if it has one (a SQLite file
/// with a journal beside it), e.g. before a command checks the chain while no server runs.
/// Returns how many entries joined the chain.
Result<std::size_t> drain_journal_of(storage::Database& db, std::string_view database_url);

}  // namespace atb::audit
