// The assembled application: database (opened and migrated), routes, static files, metrics
// and the request dispatcher. `atbalsts serve` runs it; tests drive it in-process.
#pragma once

#include <functional>
#include <memory>

#include "core/config.h"
#include "core/result.h"
#include "http/dispatcher.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "storage/database.h"

namespace atb::app {

class Application {
 public:
  /// Opens the database, applies pending migrations, loads the web UI and registers routes.
  static Result<std::unique_ptr<Application>> open(const Config& config);

  /// Serves HTTP until SIGTERM/SIGINT or stop().
  Result<void> serve(std::function<void(int port)> on_listening = {});
  /// Begins a graceful stop of serve().
  void stop();

  http::Dispatcher& dispatcher() { return *dispatcher_; }
  storage::Database& database() { return *db_; }
  const Config& config() const { return config_; }

 private:
  explicit Application(Config config) : config_(std::move(config)) {}

  Config config_;
  std::shared_ptr<storage::Database> db_;
  http::Router router_;
  http::StaticFiles files_;
  http::Metrics metrics_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace atb::app
