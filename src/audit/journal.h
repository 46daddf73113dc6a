// The read journal: a small SQLite file beside the database where the entries of reads, lists
// and logins are made durable first, before they join the hash chain in batches (drain.h).
//
// Why: a SQLite connection empties its whole page cache whenever another connection has
// committed. With every audited read ending in a commit to the database, the readers of a busy
// server re-read their pages from the file all the time. Committing the read entries to this
// separate file instead leaves the database's caches alone; the chain takes them about once a
// second. An entry is acknowledged only once it is durable here (WAL, synchronous=FULL), so a
// crash loses nothing: the next start moves what is left into the chain.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audit/entry.h"
#include "core/result.h"
#include "storage/connection.h"

namespace atb::audit {

/// An entry waiting in the journal, with its place there (ids only grow).
struct JournalEntry {
  std::int64_t id = 0;
  Entry entry;
};

/// The journal file. Not thread-safe: one thread (the audit writer) uses it.
class Journal {
 public:
  /// Opens (creating if needed) the journal at `path`. A new file gets a new identity (uid):
  /// the chain remembers how far it took each journal by that identity, so a replaced file
  /// starts afresh rather than being skipped.
  static Result<std::unique_ptr<Journal>> open(const std::string& path);

  /// The journal of the SQLite database at `database_path`: that path + "-audit-journal".
  static std::string path_for(const std::string& database_path);
  /// Whether the SQLite database at `database_path` is a plain file (not in memory, not a URI),
  /// so that a journal can lie beside it.
  static bool file_backed(const std::string& database_path);

  const std::string& uid() const { return uid_; }

  /// Appends entries in one durable transaction (an empty `at` is set to now).
  Result<void> append(std::vector<Entry>& entries);
  /// Up to `limit` entries with ids above `after`, oldest first.
  Result<std::vector<JournalEntry>> pending(std::int64_t after, std::size_t limit);
  /// Removes the entries up to `id` (the chain holds them).
  Result<void> forget(std::int64_t id);

 private:
  Journal(std::unique_ptr<storage::Connection> c, std::string uid)
      : c_(std::move(c)), uid_(std::move(uid)) {}
  std::unique_ptr<storage::Connection> c_;
  std::string uid_;
};

}  // namespace atb::audit
