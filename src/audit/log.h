// The audit log writer. record() returns only once the entry is durable, so no answer that
// carries personal data leaves the server before its trace. Entries of concurrent requests
// are written together in one transaction (group commit), so auditing costs little. On SQLite
// they may go to the read journal first (journal.h), which the chain takes in batches.
#pragma once

#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/drainer.h"
#include "audit/entry.h"
#include "audit/journal.h"
#include "audit/listed_days.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::audit {

class AuditLog {
 public:
  /// Entries go straight into the hash chain.
  explicit AuditLog(std::shared_ptr<storage::Database> db);
  /// Entries are made durable in the read journal at `journal_path` (created if missing) and
  /// moved into the chain every `drain_every` and on flush(); what the journal holds from an
  /// earlier run is moved at once.
  static Result<std::unique_ptr<AuditLog>> with_journal(
      std::shared_ptr<storage::Database> db, const std::string& journal_path,
      std::chrono::milliseconds drain_every = std::chrono::seconds(1));
  /// The log of the database at `database_url`: with its read journal (Journal::path_for) when
  /// `journal` is asked for and the database is a SQLite file, else straight into the chain.
  static Result<std::unique_ptr<AuditLog>> open(std::shared_ptr<storage::Database> db,
                                                std::string_view database_url, bool journal);
  /// Stops taking entries, then moves what the journal holds into the chain.
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Appends one entry and waits until it is committed.
  Result<void> record(Entry entry);
  /// Appends several entries (e.g. the rows of a list) and waits until all are committed.
  Result<void> record_all(std::vector<Entry> entries);
  /// Waits until every entry recorded so far is in the hash chain: call it before reading the
  /// chain (the audit viewer, "who looked at this"). Without a journal there is nothing to wait for.
  Result<void> flush();

  /// Batches committed and entries written so far (for tests and metrics).
  std::uint64_t batches() const;
  std::uint64_t entries() const;

 private:
  struct Pending {
    Entry entry;
    std::promise<Result<void>> done;
  };
  AuditLog(std::shared_ptr<storage::Database> db, std::unique_ptr<Journal> journal,
           std::unique_ptr<Drainer> drainer);
  void run();

  std::shared_ptr<storage::Database> db_;
  std::unique_ptr<Journal> journal_;  ///< the writer thread's connection to the journal, if any
  std::unique_ptr<Drainer> drainer_;  ///< moves the journal into the chain (with journal_)
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::unique_ptr<Pending>> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0, entries_ = 0;
  ListedDays listed_;  ///< the writer thread's own (no journal): listed-record index rows it committed
  std::thread writer_;
};

}  // namespace atb::audit
