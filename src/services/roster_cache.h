// The rosters of services kept between requests (roster.h). A service's page reads the
// service row, whose roster_version every change of the roster moves in the changing
// transaction (migration 0032); the kept roster serves while its version is that one, and is
// read again otherwise. The version is read before the roster, so a kept roster is never older
// than the version it is kept under. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/result.h"
#include "services/roster.h"
#include "storage/connection.h"

namespace atb::services {

/// Reads the roster of `service_id` (two statements: the referrals with their cases and persons,
/// then the co-workers of those cases), labelled `version`.
Result<Roster> load_roster(storage::Connection& c, std::int64_t service_id, std::int64_t version);

class RosterCache {
 public:
  /// Keeps at most `capacity` services' rosters (past it, one kept roster makes room).
  explicit RosterCache(std::size_t capacity = 512) : capacity_(capacity) {}

  /// The roster of `service_id` at `version` (read from the service row just before): the kept
  /// one when it has that version, else read on `c` and kept.
  Result<std::shared_ptr<const Roster>> get(storage::Connection& c, std::int64_t service_id,
                                            std::int64_t version);

  /// How many rosters were read from the database (for tests).
  std::uint64_t loads() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Roster>> kept_;
  std::uint64_t loads_ = 0;
};

}  // namespace atb::services
