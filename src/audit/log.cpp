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
  std::vector<Entry> one;
  one.push_back(std::move(entry));
  return record_all(std::move(one));
}

Result<void> AuditLog::record_all(std::vector<Entry> entries) {
  std::vector<std::future<Result<void>>> futures;
  futures.reserve(entries.size());
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error::unavailable("the audit log is shutting down");
    for (Entry& e : entries) {
      auto pending = std::make_unique<Pending>();
      pending->entry = std::move(e);
      futures.push_back(pending->done.get_future());
      queue_.push_back(std::move(pending));
    }
  }
  wake_.notify_one();
  Result<void> result = ok();
  for (auto& f : futures) {
    if (auto r = f.get(); !r && result) result = std::move(r);
  }
  return result;
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
    auto written = db_->write([&](storage::Connection& c) { return append(c, entries, &listed_); });
    if (written) {
      listed_.committed();
    } else {
      listed_.rolled_back();
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
