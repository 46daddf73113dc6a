#include "audit/drainer.h"

#include "audit/drain.h"
#include "core/log.h"

namespace atb::audit {

Drainer::Drainer(std::shared_ptr<storage::Database> db, std::unique_ptr<Journal> journal,
                 std::chrono::milliseconds every)
    : db_(std::move(db)), journal_(std::move(journal)), every_(every), thread_([this] { run(); }) {}

Drainer::~Drainer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Result<void> Drainer::flush() {
  std::future<Result<void>> done;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error::unavailable("the audit log is shutting down");
    flushes_.emplace_back();
    done = flushes_.back().get_future();
  }
  wake_.notify_all();
  return done.get();
}

void Drainer::owed() {
  bool was = false;
  {
    std::lock_guard lock(mutex_);
    was = owed_;
    owed_ = true;
  }
  if (!was) wake_.notify_all();  // the thread sleeps without a deadline while nothing is owed
}

void Drainer::run() {
  auto next = std::chrono::steady_clock::now();
  for (;;) {
    std::vector<std::promise<Result<void>>> flushes;
    bool stopping = false;
    {
      std::unique_lock lock(mutex_);
      // Sleep until the interval is up with entries owed, or a flush or the stop is asked for.
      while (!stopping_ && flushes_.empty()) {
        if (!owed_) {
          wake_.wait(lock);
        } else if (std::chrono::steady_clock::now() < next) {
          wake_.wait_until(lock, next);
        } else {
          break;
        }
      }
      flushes.swap(flushes_);
      stopping = stopping_;
      owed_ = false;  // entries appended from here on ask again
    }
    auto drained = drain(*db_, *journal_, &listed_);
    next = std::chrono::steady_clock::now() + every_;
    Result<void> outcome = ok();
    if (!drained) {
      log::error("audit journal drain failed", {{"error", drained.error().detail}});
      owed();  // what is left is tried again after the interval
      outcome = drained.error();
    }
    for (auto& f : flushes) f.set_value(outcome);
    if (stopping) return;
  }
}

}  // namespace atb::audit
