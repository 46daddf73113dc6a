#include "core/time.h"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace atb {

std::string now_utc_iso() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  const std::time_t secs = static_cast<std::time_t>(ms.count() / 1000);
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(secs), ms.count() % 1000);
}

}  // namespace atb
