#include "registry/import_jobs.h"

#include "core/crypto.h"

namespace atb::registry {

ImportJobs::ImportJobs(int max_running) : max_running_(max_running) {}

ImportJobs::~ImportJobs() {
  std::map<std::string, std::unique_ptr<Job>> jobs;
  {
    std::lock_guard lock(mutex_);
    jobs.swap(jobs_);
  }
  for (auto& [id, job] : jobs) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void ImportJobs::forget_old() {
  const auto cutoff = std::chrono::steady_clock::now() - std::chrono::hours(1);
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    Job& job = *it->second;
    if (job.status.state != "running" && job.ended < cutoff) {
      if (job.thread.joinable()) job.thread.join();
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

Result<std::string> ImportJobs::start(std::int64_t user_id, bool dry_run, Work work) {
  std::lock_guard lock(mutex_);
  forget_old();
  if (running_ >= max_running_) {
    Error e{Errc::too_many, {"Pašlaik jau notiek citi importi; mēģiniet pēc brīža.", "Other imports are running; try again shortly."}, {}, {}};
    e.retry_after_seconds = 10;
    return e;
  }
  auto job = std::make_unique<Job>();
  const std::string id = crypto::random_token(16);
  job->status.id = id;
  job->status.user_id = user_id;
  job->status.dry_run = dry_run;
  Job* raw = job.get();
  ++running_;
  jobs_[id] = std::move(job);
  raw->thread = std::thread([this, raw, work = std::move(work)] {
    auto result = work([this, raw](std::size_t processed, std::size_t total) {
      std::lock_guard l(mutex_);
      raw->status.processed_rows = processed;
      raw->status.total_rows = total;
    });
    std::lock_guard l(mutex_);
    if (result) {
      raw->status.state = "done";
      raw->status.processed_rows = result->total_rows;
      raw->status.total_rows = result->total_rows;
      raw->status.report = std::move(*result);
    } else {
      raw->status.state = "failed";
      raw->status.error = std::move(result).error();
    }
    raw->ended = std::chrono::steady_clock::now();
    --running_;
  });
  return id;
}

std::optional<ImportStatus> ImportJobs::status(const std::string& id, std::int64_t user_id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->status.user_id != user_id) return std::nullopt;
  return it->second->status;
}

}  // namespace atb::registry
