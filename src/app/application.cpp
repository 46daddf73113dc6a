#include "app/application.h"

#include "access/routes.h"
#include "app/system_routes.h"
#include "assistance/routes.h"
#include "audit/routes.h"
#include "audit/seal.h"
#include "cases/routes.h"
#include "core/log.h"
#include "org/routes.h"
#include "partners/routes.h"
#include "registry/record_access.h"
#include "registry/routes.h"
#include "registry/search_key_upgrade.h"
#include "reports/routes.h"
#include "reports/statutory_routes.h"
#include "services/routes.h"
#include "services/routes_common.h"
#include "storage/migrations.h"

namespace atb::app {

Result<std::unique_ptr<Application>> Application::open(const Config& config) {
  ATB_TRY(validate(config));
  std::unique_ptr<Application> app(new Application(config));
  // Assessment instruments first: a bad definition stops the start before anything else opens.
  ATB_TRY_ASSIGN(instruments, cases::InstrumentRegistry::load_dir(config.instruments_dir));
  app->instruments_ = std::make_shared<const cases::InstrumentRegistry>(std::move(instruments));
  log::info("instruments loaded", {{"dir", config.instruments_dir}, {"count", app->instruments_->all().size()}});
  // Statutory report forms too: a bad definition stops the start, naming the file and the row.
  ATB_TRY_ASSIGN(statutory, reports::statutory::Definitions::load(config.report_statutory_dir));
  ATB_TRY_ASSIGN(db, storage::Database::open(config.database, config.pool_size));
  app->db_ = db;
  ATB_TRY_ASSIGN(applied, storage::migrate(*db));
  if (applied > 0) log::info("migrated", {{"applied", applied}});
  ATB_TRY_ASSIGN(rekeyed, registry::upgrade_search_keys(*db));
  if (rekeyed > 0) log::info("search keys rebuilt", {{"persons", rekeyed}, {"version", registry::kSearchKeyVersion}});
  ATB_TRY_ASSIGN(files, http::StaticFiles::load(config.web_dir));
  app->files_ = std::move(files);
  if (app->files_.empty()) {
    log::warn("no web UI", {{"web", config.web_dir}, {"hint", "build it with: make web"}});
  }

  ATB_TRY_ASSIGN(passwords, access::PasswordPolicy::load(config.common_passwords_file));
  app->passwords_ = std::move(passwords);
  ATB_TRY_ASSIGN(box, SecretBox::open_or_create(config.key_file));
  app->box_ = std::move(box);
  audit::set_seal_key_from(*app->box_);
  ATB_TRY_ASSIGN(audit_log, audit::AuditLog::open(db, config.database, config.audit_journal));
  app->audit_ = std::move(audit_log);
  app->imports_ = std::make_unique<registry::ImportJobs>();
  const access::AuthSettings auth{std::chrono::seconds(config.session_idle_seconds),
                                  std::chrono::seconds(config.session_absolute_seconds)};
  app->login_ = std::make_unique<access::LoginService>(db, *app->passwords_, *app->box_,
                                                       *app->audit_, auth);
  access::Context ctx{db, auth, &*app->passwords_, &*app->box_, app->audit_.get(),
                      app->login_.get(), config.audit_reads, false};

  access::add_session_routes(app->router_, ctx);
  access::add_user_routes(app->router_, ctx);
  audit::add_routes(app->router_, ctx, [db](const access::Principal& p, std::string_view type, std::string_view id) {
    return db->read([&](storage::Connection& c) {
      if (cases::is_case_entity(type)) return cases::may_see_entity_audit(c, p, type, id);
      if (services::is_referral_entity(type)) return services::may_see_entity_audit(c, p, type, id);
      return registry::may_see_entity_audit(c, p, type, id);
    });
  });
  org::add_routes(app->router_, ctx);
  registry::add_routes(app->router_, ctx, *app->imports_);
  assistance::add_routes(app->router_, ctx);
  cases::Settings case_settings;
  case_settings.routine_working_days = config.intake_routine_working_days;
  case_settings.priority_working_days = config.intake_priority_working_days;
  case_settings.web_municipality = config.web_intake_municipality;
  case_settings.web_department = config.web_intake_department;
  case_settings.web_team = config.web_intake_team;
  case_settings.public_requests_per_hour = config.public_requests_per_hour;
  case_settings.public_request_bytes = config.public_request_body;
  case_settings.caseload_warning = config.caseload_warning;
  // The text keys of case notes and documents (a bad key file stops the start here).
  ATB_TRY_ASSIGN(keyring, Keyring::load(config.key_file));
  const cases::CaseContext case_context{ctx, case_settings, cases::Calendar{}, app->instruments_,
                                        std::make_shared<const Keyring>(std::move(keyring))};
  cases::add_routes(app->router_, case_context);
  partners::add_routes(app->router_, case_context);
  services::add_routes(app->router_, ctx, case_context.keyring);
  reports::Settings report_settings;
  report_settings.period.max_years = config.report_max_period_years;
  report_settings.suppression.min_count = config.report_min_cell_count;
  reports::add_routes(app->router_, ctx, report_settings);
  reports::add_statutory_routes(app->router_, ctx,
                                std::make_shared<const reports::statutory::Definitions>(std::move(statutory)));
  add_system_routes(app->router_, db, app->metrics_);  // last: OpenAPI lists all routes

  app->metrics_.add_gauges([db] {
    const storage::PoolStats s = db->stats();
    return std::map<std::string, double>{
        {"atbalsts_db_pool_size", s.size},
        {"atbalsts_db_pool_in_use", s.in_use},
        {"atbalsts_db_pool_waiting", s.waiting},
        {"atbalsts_db_pool_acquired", static_cast<double>(s.acquired_total)},
        {"atbalsts_db_pool_timeouts", static_cast<double>(s.timeouts_total)}};
  });

  http::Limits limits{config.json_body_limit, config.hard_body_limit, config.header_limit,
                      config.url_limit};
  app->dispatcher_ = std::make_unique<http::Dispatcher>(app->router_, app->files_, app->metrics_,
                                                        limits, config.access_log);
  return app;
}

Result<void> Application::serve(std::function<void(int port)> on_listening) {
  http::ServerOptions options;
  options.address = config_.address;
  options.port = config_.port;
  options.threads = config_.threads;
  options.io_threads = config_.io_threads;
  options.hash_threads = config_.hash_threads;
  options.read_timeout = std::chrono::seconds(config_.read_timeout_seconds);
  options.shutdown_grace = std::chrono::seconds(config_.shutdown_grace_seconds);
  server_ = std::make_unique<http::Server>(options, *dispatcher_);
  // Overdue referral decisions: swept at the start, then every hour, until the server stops.
  overdue_alerts_ = std::make_unique<services::OverdueAlertTimer>(db_, std::chrono::hours(1));
  auto ran = server_->run(std::move(on_listening));
  overdue_alerts_.reset();
  return ran;
}

void Application::stop() {
  if (server_) server_->stop();
}

}  // namespace atb::app
