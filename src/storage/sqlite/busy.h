// Waiting for SQLite's locks in small steps.
#pragma once

#include <sqlite3.h>

namespace atb::storage::sqlite {

/// Makes `db` wait up to `timeout_ms` for a lock another connection holds, retrying every
/// quarter millisecond (SQLite's own busy timeout sleeps in steps growing to 100 ms, so a
/// waiter may sleep on long after the lock is free).
void wait_when_busy(sqlite3* db, int timeout_ms);

}  // namespace atb::storage::sqlite
