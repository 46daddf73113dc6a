// The audit log writer. record() returns only once the entry is durable, so no answer that
// carries personal data leaves the server before its trace. Entries of concurrent requests
// are written together in one transaction (group commit), so auditing costs little.
#pragma once

#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/entry.h"
#include "audit/listed_days.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::audit {

class AuditLog {
 public:
  explicit AuditLog(std::shared_ptr<storage::Database> db);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Appends one entry and waits until it is committed.
  Result<void> record(Entry entry);
  /// Appends several entries (e.g. the rows of a list) and waits until all are committed.
  Result<void> record_all(std::vector<Entry> entries);

  /// Batches committed and entries written so far (for tests and metrics).
  std::uint64_t batches() const;
  std::uint64_t entries() const;

 private:
  struct Pending {
    Entry entry;
    std::promise<Result<void>> done;
  };
  void run();

  std::shared_ptr<storage::Database> db_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::unique_ptr<Pending>> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0, entries_ = 0;
  ListedDays listed_;  ///< the writer thread's own: listed-record index rows it committed
  std::thread writer_;
};

}  // namespace atb::audit
