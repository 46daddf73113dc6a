#include "access/throttle.h"

#include <algorithm>

namespace atb::access {

using storage::params;

ThrottleState after_failure(const std::optional<ThrottleState>& before, TimePoint now, int limit,
                            const ThrottleRules& rules) {
  ThrottleState s;
  if (before && now - before->window_start < rules.window) {
    s = *before;
    s.failures += 1;
  } else {
    s.failures = 1;
    s.window_start = now;
  }
  if (s.failures >= limit) s.locked_until = now + rules.lock;
  return s;
}

std::int64_t seconds_locked(const std::optional<ThrottleState>& state, TimePoint now) {
  if (!state || !state->locked_until || *state->locked_until <= now) return 0;
  return std::max<std::int64_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(*state->locked_until - now).count());
}

std::string account_key(const std::string& username) {
  std::string lower = username;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "user:" + lower;
}

std::string address_key(const std::string& address) { return "ip:" + address; }

Result<std::optional<ThrottleState>> load_throttle(storage::Connection& c, const std::string& key) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT failures, window_start, locked_until FROM login_throttle"
                               " WHERE throttle_key = ?",
                               params(key)));
  if (rows.empty()) return std::optional<ThrottleState>{};
  ThrottleState s;
  s.failures = static_cast<int>(rows[0].integer(0));
  s.window_start = parse_iso_utc(rows[0].text(1)).value_or(TimePoint{});
  if (auto locked = rows[0].opt_text(2)) s.locked_until = parse_iso_utc(*locked);
  return std::optional<ThrottleState>(s);
}

Result<void> save_throttle(storage::Connection& c, const std::string& key, const ThrottleState& s) {
  const std::optional<std::string> locked =
      s.locked_until ? std::optional<std::string>(iso_utc(*s.locked_until)) : std::nullopt;
  ATB_TRY_ASSIGN(n, c.execute("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ?"
                              " WHERE throttle_key = ?",
                              params(s.failures, iso_utc(s.window_start), locked, key)));
  if (n == 0) {
    ATB_TRY(c.execute("INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until)"
                      " VALUES (?, ?, ?, ?)",
                      params(key, s.failures, iso_utc(s.window_start), locked)));
  }
  return ok();
}

Result<void> clear_throttle(storage::Connection& c, const std::string& key) {
  ATB_TRY(c.execute("DELETE FROM login_throttle WHERE throttle_key = ?", params(key)));
  return ok();
}

}  // namespace atb::access
