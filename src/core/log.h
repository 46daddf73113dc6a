// Logging: one JSON object per line on standard output (access log and events alike),
// written by a background thread so request threads never wait on the terminal.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace atb::log {

/// Sets up the logger once per process; `enabled=false` silences everything (tests).
void init(bool enabled = true);

/// Writes {"time","level","msg",...fields} as one line.
void info(std::string_view msg, const nlohmann::json& fields);
void warn(std::string_view msg, const nlohmann::json& fields);
void error(std::string_view msg, const nlohmann::json& fields);
/// Flushes what is queued (before exit).
void flush();

}  // namespace atb::log
