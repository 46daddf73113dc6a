// Clock helpers. Times are stored and sent as UTC ISO 8601 with milliseconds
// ("2026-11-23T18:19:00.123Z"), which sort correctly as text; dates as YYYY-MM-DD.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace atb {

using TimePoint = std::chrono::system_clock::time_point;

/// The current UTC time as "2026-11-23T18:19:00.123Z".
std::string now_utc_iso();
/// A time point in the same format.
std::string iso_utc(TimePoint t);
/// Parses the format above (nullopt if it is not exactly that).
std::optional<TimePoint> parse_iso_utc(std::string_view text);

}  // namespace atb
