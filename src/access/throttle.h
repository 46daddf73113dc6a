// Login throttling: failed attempts are counted per account and per client address within a
// window; past the limit, logins for that key are refused until the lock ends. Unknown user
// names are counted like known ones, so the answers never reveal which accounts exist.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "storage/connection.h"

namespace atb::access {

/// Limits of the throttle.
struct ThrottleRules {
  int account_failures = 5;    ///< per user name
  int address_failures = 30;   ///< per client address (offices share addresses)
  std::chrono::seconds window{15 * 60};
  std::chrono::seconds lock{15 * 60};
};

/// The stored state of one key.
struct ThrottleState {
  int failures = 0;
  TimePoint window_start;
  std::optional<TimePoint> locked_until;
};

/// The state after one more failure at `now` (pure rule).
ThrottleState after_failure(const std::optional<ThrottleState>& before, TimePoint now, int limit,
                            const ThrottleRules& rules);
/// Seconds until `state` unlocks at `now`, or 0 when not locked (pure rule).
std::int64_t seconds_locked(const std::optional<ThrottleState>& state, TimePoint now);

/// Keys: "user:NAME" (lower-case) and "ip:ADDRESS".
std::string account_key(const std::string& username);
std::string address_key(const std::string& address);

Result<std::optional<ThrottleState>> load_throttle(storage::Connection& c, const std::string& key);
Result<void> save_throttle(storage::Connection& c, const std::string& key, const ThrottleState& s);
Result<void> clear_throttle(storage::Connection& c, const std::string& key);

}  // namespace atb::access
