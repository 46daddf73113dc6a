// The thread that moves the read journal into the hash chain (journal.h, drain.h): about once
// every interval, and at once when asked (flush) — before anything reads the chain.
#pragma once

#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/journal.h"
#include "audit/listed_days.h"
#include "core/result.h"
#include "storage/database.h"

namespace atb::audit {

class Drainer {
 public:
  /// Starts draining `journal` (its own connection: the writer appends through another) into
  /// `db`. The first drain runs at once, taking what an earlier run left in the journal.
  Drainer(std::shared_ptr<storage::Database> db, std::unique_ptr<Journal> journal,
          std::chrono::milliseconds every);
  /// Drains once more, then stops.
  ~Drainer();
  Drainer(const Drainer&) = delete;
  Drainer& operator=(const Drainer&) = delete;

  /// Waits until every entry the journal held when called is in the chain.
  Result<void> flush();
  /// Entries have been appended to the journal: a drain is due within the interval.
  void owed();

 private:
  void run();

  std::shared_ptr<storage::Database> db_;
  std::unique_ptr<Journal> journal_;
  const std::chrono::milliseconds every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::promise<Result<void>>> flushes_;
  bool owed_ = true;  ///< the journal may hold entries (at start: from an earlier run)
  bool stopping_ = false;
  ListedDays listed_;  ///< the drain thread's own (see append())
  std::thread thread_;
};

}  // namespace atb::audit
