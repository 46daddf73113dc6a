// Import jobs started from the upload page: each runs on its own thread while the browser
// polls its progress. Jobs live in the server that runs them (a few at a time) and are
// forgotten an hour after they end.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.h"
#include "registry/importer.h"

namespace atb::registry {

/// A snapshot of one job.
struct ImportStatus {
  std::string id;
  std::int64_t user_id = 0;
  std::string state = "running";  ///< running | done | failed
  bool dry_run = true;
  std::size_t processed_rows = 0;
  std::size_t total_rows = 0;
  std::optional<ImportReport> report;  ///< when done
  std::optional<Error> error;          ///< when failed (file-level problem)
};

class ImportJobs {
 public:
  /// At most `max_running` imports at once.
  explicit ImportJobs(int max_running = 2);
  ~ImportJobs();  ///< waits for running jobs
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  /// The work of a job: reports progress, returns the report.
  using Work = std::function<Result<ImportReport>(const ImportProgress&)>;
  /// Starts a job for `user_id`; too_many when `max_running` jobs run already.
  Result<std::string> start(std::int64_t user_id, bool dry_run, Work work);
  /// The job's status, for its owner only (nullopt otherwise).
  std::optional<ImportStatus> status(const std::string& id, std::int64_t user_id) const;

 private:
  struct Job {
    ImportStatus status;
    std::chrono::steady_clock::time_point ended;
    std::thread thread;
  };
  void forget_old();

  int max_running_;
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Job>> jobs_;
  int running_ = 0;
};

}  // namespace atb::registry
