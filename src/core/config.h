// Configuration: defaults, then a TOML file, then ATBALSTS_* environment variables, then
// command-line flags (applied by main). Each later source overrides the earlier.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"

namespace atb {

/// Everything the server can be told.
struct Config {
  std::string database = "sqlite:var/atbalsts.db";
  int pool_size = 0;  ///< database connections; 0: chosen for the engine (storage::default_pool_size)
  std::string address = "127.0.0.1";
  int port = 8080;
  std::string web_dir = "web/dist";
  int threads = 64;       ///< workers for handlers that use the database (they mostly wait)
  int io_threads = 2;     ///< socket I/O
  int hash_threads = 1;   ///< password hashing
  bool access_log = true;
  int session_idle_seconds = 30 * 60;
  int session_absolute_seconds = 12 * 60 * 60;
  std::string common_passwords_file = "/usr/share/john/password.lst";
  std::string key_file = "var/atbalsts.key";  ///< secret-box key for secrets at rest
  bool audit_reads = true;  ///< switched off only to measure what auditing costs
  /// SQLite: entries of reads, lists and logins are made durable in a read journal beside the
  /// database and join the hash chain about once a second (audit/journal.h). Ignored on PostgreSQL.
  bool audit_journal = true;
  std::size_t json_body_limit = 1 << 20;
  std::size_t hard_body_limit = 64 << 20;
  std::size_t header_limit = 16 << 10;
  std::size_t url_limit = 8 << 10;
  int read_timeout_seconds = 30;
  int shutdown_grace_seconds = 10;
  // Case management ([cases]): first-contact deadlines of intakes, in working days, and where
  // public web requests arrive (municipality code, "" = the first; department and team codes).
  int intake_routine_working_days = 10;
  int intake_priority_working_days = 3;
  std::string web_intake_municipality;
  std::string web_intake_department = "social_work";
  std::string web_intake_team = "families";
  int public_requests_per_hour = 5;          ///< per client address
  std::size_t public_request_body = 8 << 10;  ///< bytes; larger public requests get 413
  /// Assessment instrument definitions (<id>.v<version>.json); relative to the working
  /// directory like web_dir, so the repository's own folder when run from its root.
  std::string instruments_dir = "config/instruments";
  int caseload_warning = 30;  ///< [cases] a worker's active cases above this are flagged
  // Statistics ([reports]): the longest period a request may span, in years (1–100), and the
  // smallest count a national figure shows (smaller cells are suppressed; 1–100).
  int report_max_period_years = 20;
  int report_min_cell_count = 5;
  /// The statutory reports' forms (<name>.json, src/reports/statutory_definition.h); relative to
  /// the working directory like instruments_dir. [reports] statutory_dir, ATBALSTS_STATUTORY_DIR.
  std::string report_statutory_dir = "config/reports";
};

/// Reads a TOML file over `config` ([database] url, pool_size; [server] address, port, web,
/// threads, io_threads, hash_threads, access_log; [limits] json_body, hard_body, headers, url,
/// read_timeout_seconds, shutdown_grace_seconds; [auth] idle_timeout_seconds,
/// absolute_timeout_seconds, common_passwords, key_file; [audit] reads; [cases]
/// routine_working_days, priority_working_days, web_municipality, web_department, web_team,
/// public_requests_per_hour, public_request_body, instruments_dir, caseload_warning; [reports]
/// max_period_years, min_cell_count).
/// Unknown keys and wrong types are errors naming the key.
Result<void> apply_toml_file(Config& config, const std::string& path);

/// Looks up an environment variable (injectable for tests).
using EnvLookup = std::function<std::optional<std::string>(const char*)>;
/// The process environment.
std::optional<std::string> process_env(const char* name);

/// Applies ATBALSTS_DATABASE, ATBALSTS_POOL_SIZE, ATBALSTS_ADDRESS, ATBALSTS_PORT, ATBALSTS_WEB,
/// ATBALSTS_THREADS, ATBALSTS_ACCESS_LOG (on/off), ATBALSTS_KEY_FILE, ATBALSTS_AUDIT_READS (on/off),
/// ATBALSTS_INSTRUMENTS_DIR.
Result<void> apply_env(Config& config, const EnvLookup& env = process_env);

/// Loads defaults + the file named by ATBALSTS_CONFIG or `file` (if any) + environment.
Result<Config> load_config(const std::string& file, const EnvLookup& env = process_env);

/// Checks ranges (port 1–65535, threads 1–256, pool 1–256, limits > 0).
Result<void> validate(const Config& config);

}  // namespace atb
