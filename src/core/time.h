// Clock helpers. Times are stored and sent as UTC ISO 8601; dates as YYYY-MM-DD (Europe/Riga).
#pragma once

#include <string>

namespace atb {

/// The current UTC time as "2026-11-23T18:19:00.123Z".
std::string now_utc_iso();

}  // namespace atb
