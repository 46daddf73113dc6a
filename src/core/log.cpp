#include "core/log.h"

#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/time.h"

namespace atb::log {
namespace {

std::shared_ptr<spdlog::logger>& logger() {
  static std::shared_ptr<spdlog::logger> instance;
  return instance;
}

void write(spdlog::level::level_enum level, std::string_view name, std::string_view msg,
           const nlohmann::json& fields) {
  auto& l = logger();
  if (!l) init(true);
  if (!l->should_log(level)) return;
  nlohmann::json line = {{"time", now_utc_iso()}, {"level", name}, {"msg", msg}};
  if (fields.is_object()) line.update(fields);
  l->log(level, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void init(bool enabled) {
  static std::once_flag once;
  std::call_once(once, [] {
    spdlog::init_thread_pool(16384, 1);
    auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
    auto l = std::make_shared<spdlog::async_logger>("atbalsts", sink, spdlog::thread_pool(),
                                                    spdlog::async_overflow_policy::block);
    l->set_pattern("%v");
    l->flush_on(spdlog::level::warn);
    logger() = l;
  });
  logger()->set_level(enabled ? spdlog::level::info : spdlog::level::off);
}

void info(std::string_view msg, const nlohmann::json& fields) {
  write(spdlog::level::info, "info", msg, fields);
}
void warn(std::string_view msg, const nlohmann::json& fields) {
  write(spdlog::level::warn, "warn", msg, fields);
}
void error(std::string_view msg, const nlohmann::json& fields) {
  write(spdlog::level::err, "error", msg, fields);
}
void flush() {
  if (logger()) logger()->flush();
}

}  // namespace atb::log
