// The assembled application: database (opened and migrated), routes, static files, metrics
// and the request dispatcher. `atbalsts serve` runs it; tests drive it in-process.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "access/context.h"
#include "access/login.h"
#include "access/password.h"
#include "audit/log.h"
#include "cases/instrument_registry.h"
#include "core/config.h"
#include "core/secret_box.h"
#include "core/result.h"
#include "http/dispatcher.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "registry/import_jobs.h"
#include "services/overdue_alerts.h"
#include "storage/database.h"

namespace atb::app {

class Application {
 public:
  /// Loads the assessment instruments (an invalid file is an error naming it), opens the
  /// database, applies pending migrations, loads the web UI and registers routes.
  static Result<std::unique_ptr<Application>> open(const Config& config);

  /// Serves HTTP until SIGTERM/SIGINT or stop().
  Result<void> serve(std::function<void(int port)> on_listening = {});
  /// Begins a graceful stop of serve().
  void stop();

  http::Dispatcher& dispatcher() { return *dispatcher_; }
  storage::Database& database() { return *db_; }
  audit::AuditLog& audit() { return *audit_; }
  const Config& config() const { return config_; }

 private:
  explicit Application(Config config) : config_(std::move(config)) {}

  Config config_;
  std::shared_ptr<storage::Database> db_;
  std::optional<access::PasswordPolicy> passwords_;
  std::optional<SecretBox> box_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<access::LoginService> login_;
  std::unique_ptr<registry::ImportJobs> imports_;
  std::shared_ptr<const cases::InstrumentRegistry> instruments_;  ///< config instruments_dir
  http::Router router_;
  http::StaticFiles files_;
  http::Metrics metrics_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
  /// The hourly overdue-decision alerts of referrals while serve() runs (last: stops first).
  std::unique_ptr<services::OverdueAlertTimer> overdue_alerts_;
};

}  // namespace atb::app
