#include "storage/sqlite/checkpointer.h"

#include "storage/sqlite/busy.h"

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace atb::storage::sqlite {

/// One thread with its own connection, checkpointing until it is destroyed.
class Checkpointer {
 public:
  explicit Checkpointer(sqlite3* db) : db_(db), thread_([this] { run(); }) {}
  ~Checkpointer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sqlite3_close_v2(db_);
  }
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  /// How often the WAL is looked at; a checkpoint runs only when it holds new frames.
  static constexpr std::chrono::milliseconds kInterval{20};

  void run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) {
      lock.unlock();
      int frames = 0, copied = 0;
      // PASSIVE: copies what no reader still needs and never blocks a reader or a writer. A
      // busy answer (another checkpoint running) is tried again next time.
      (void)sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
      // -1: this connection has not yet opened the WAL (it learns the mode by reading).
      if (frames < 0) (void)sqlite3_exec(db_, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr);
      lock.lock();
    }
  }

  sqlite3* db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  ///< last: starts once everything above is ready
};

std::shared_ptr<Checkpointer> checkpointer_for(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return nullptr;
  std::error_code ec;
  const std::string key = std::filesystem::weakly_canonical(path, ec).string();
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<Checkpointer>> running;
  std::lock_guard lock(mutex);
  if (auto existing = running[key].lock()) return existing;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    return nullptr;
  }
  wait_when_busy(db, 0);
  sqlite3_exec(db, "PRAGMA wal_autocheckpoint=0", nullptr, nullptr, nullptr);
  auto made = std::make_shared<Checkpointer>(db);
  running[key] = made;
  return made;
}

}  // namespace atb::storage::sqlite
