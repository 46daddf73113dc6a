#include "audit/log.h"

#include "audit/store.h"
#include "core/log.h"

namespace atb::audit {

AuditLog::AuditLog(std::shared_ptr<storage::Database> db)
    : db_(std::move(db)), writer_([this] { run(); }) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

Result<void> AuditLog::record(Entry entry) {
  auto pending = std::make_unique<Pending>();
  pending->entry = std::move(entry);
  auto future = pending->done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error::unavailable("the audit log is shutting down");
    queue_.push_back(std::move(pending));
  }
  wake_.notify_one();
  return future.get();
}

void AuditLog::run() {
  for (;;) {
    std::vector<std::unique_ptr<Pending>> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      batch.swap(queue_);
    }
    std::vector<Entry> entries;
    entries.reserve(batch.size());
    for (auto& p : batch) entries.push_back(p->entry);
    auto written = db_->write([&](storage::Connection& c) { return append(c, entries); });
    if (!written) {
      log::error("audit write failed", {{"entries", entries.size()}, {"error", written.error().detail}});
    }
    {
      std::lock_guard lock(mutex_);
      ++batches_;
      entries_ += batch.size();
    }
    for (auto& p : batch) p->done.set_value(written);
  }
}

std::uint64_t AuditLog::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::uint64_t AuditLog::entries() const {
  std::lock_guard lock(mutex_);
  return entries_;
}

}  // namespace atb::audit
