#include "storage/sqlite/busy.h"

#include <chrono>
#include <cstdint>
#include <thread>

namespace atb::storage::sqlite {
namespace {

constexpr std::chrono::microseconds kStep{250};

int retry(void* timeout_ms, int attempts) {
  const auto limit = reinterpret_cast<std::intptr_t>(timeout_ms);
  if (static_cast<std::int64_t>(attempts) * kStep.count() >= static_cast<std::int64_t>(limit) * 1000) return 0;
  std::this_thread::sleep_for(kStep);
  return 1;
}

}  // namespace

void wait_when_busy(sqlite3* db, int timeout_ms) {
  if (timeout_ms <= 0) {
    sqlite3_busy_handler(db, nullptr, nullptr);
    return;
  }
  sqlite3_busy_handler(db, retry, reinterpret_cast<void*>(static_cast<std::intptr_t>(timeout_ms)));
}

}  // namespace atb::storage::sqlite
