// SQL of the audit log: extending the chain, reading it back, and verifying it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/entry.h"
#include "audit/listed_days.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::audit {

/// Appends entries at the end of the chain inside the caller's write transaction. The chain
/// head row is locked first, so writers on any number of servers extend it in turn. With
/// `listed`, the listed-record index rows it knows to be committed are not written again and
/// the ones written are noted in it (the caller tells it whether the transaction committed).
Result<void> append(storage::Connection& c, std::vector<Entry>& entries,
                    ListedDays* listed = nullptr);

/// A stored entry with its chain fields.
struct StoredEntry {
  std::int64_t seq = 0;
  Entry entry;
  std::string prev_hash;
  std::string hash;
};

/// Filters of the audit viewer (empty = any).
struct Filter {
  std::string username, action, entity_type, entity_id;
  std::string from, to;  ///< dates YYYY-MM-DD, inclusive
};

/// A page of entries, newest first.
struct EntryPage {
  std::vector<StoredEntry> items;
  std::int64_t total = 0;
};
Result<EntryPage> find_entries(storage::Connection& c, const Filter& f, int page, int page_size);

/// What verification found: nothing (ok), or the first entry that was changed, removed or inserted.
struct Verdict {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t first_bad_seq = 0;
  std::string problem;  ///< changed | removed | inserted | head | seal
};
/// Walks the whole chain in order, in pages.
Result<Verdict> verify_chain(storage::Connection& c);

}  // namespace atb::audit
