#include "audit/log.h"

#include "audit/store.h"
#include "core/log.h"

namespace atb::audit {

AuditLog::AuditLog(std::shared_ptr<storage::Database> db) : AuditLog(std::move(db), nullptr, nullptr) {}

AuditLog::AuditLog(std::shared_ptr<storage::Database> db, std::unique_ptr<Journal> journal,
                   std::unique_ptr<Drainer> drainer)
    : db_(std::move(db)),
      journal_(std::move(journal)),
      drainer_(std::move(drainer)),
      writer_([this] { run(); }) {}

Result<std::unique_ptr<AuditLog>> AuditLog::with_journal(std::shared_ptr<storage::Database> db,
                                                         const std::string& journal_path,
                                                         std::chrono::milliseconds drain_every) {
  // Two connections to the journal: the writer appends through one while the drainer reads
  // and removes through the other, so a drain never holds up an acknowledgement.
  ATB_TRY_ASSIGN(writes, Journal::open(journal_path));
  ATB_TRY_ASSIGN(drains, Journal::open(journal_path));
  auto drainer = std::make_unique<Drainer>(db, std::move(drains), drain_every);
  return std::unique_ptr<AuditLog>(new AuditLog(std::move(db), std::move(writes), std::move(drainer)));
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(std::shared_ptr<storage::Database> db,
                                                 std::string_view database_url, bool journal) {
  ATB_TRY_ASSIGN(url, storage::DatabaseUrl::parse(database_url));
  if (journal && url.engine == storage::Engine::sqlite && Journal::file_backed(url.target)) {
    return with_journal(std::move(db), Journal::path_for(url.target));
  }
  return std::make_unique<AuditLog>(std::move(db));
}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
  drainer_.reset();  // its last drain takes what the writer appended
}

Result<void> AuditLog::flush() { return drainer_ ? drainer_->flush() : ok(); }

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
    Result<void> written = ok();
    if (journal_) {
      written = journal_->append(entries);
      if (written) drainer_->owed();
    } else {
      written = db_->write([&](storage::Connection& c) { return append(c, entries, &listed_); });
      written ? listed_.committed() : listed_.rolled_back();
    }
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
