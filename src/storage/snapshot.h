// A read of several statements that must all see the same data (reports that add up).
#pragma once

#include <utility>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::storage {

/// Runs `f` (returning a Result) in one read-only transaction: one snapshot on both engines
/// (SQLite keeps one for a read transaction; PostgreSQL needs REPEATABLE READ for it). Nothing
/// is written, so it always ends with a rollback.
template <typename F>
auto in_snapshot(Connection& c, F f) -> decltype(f()) {
  ATB_TRY(c.begin(false));
  if (c.engine() == Engine::postgresql) {
    if (auto set = c.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !set) {
      (void)c.rollback();
      return std::move(set).error();
    }
  }
  auto result = f();
  (void)c.rollback();
  return result;
}

}  // namespace atb::storage
