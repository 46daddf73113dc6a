#include "storage/database.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <utility>

#include "storage/postgres/engine.h"
#include "storage/sqlite/engine.h"

namespace atb::storage {

Result<DatabaseUrl> DatabaseUrl::parse(std::string_view url) {
  auto starts = [&](std::string_view p) { return url.substr(0, p.size()) == p; };
  if (starts("postgresql://") || starts("postgres://")) {
    return DatabaseUrl{Engine::postgresql, std::string(url)};
  }
  if (starts("sqlite:")) {
    std::string_view path = url.substr(7);
    if (path.substr(0, 2) == "//") path.remove_prefix(2);
    if (!path.empty()) return DatabaseUrl{Engine::sqlite, std::string(path)};
  }
  return Error::invalid_field(
      "database", {"Datubāzes adresei jābūt formā sqlite:CEĻŠ vai postgresql://lietotājs@resursdators:ports/db.",
                   "The database URL must be sqlite:PATH or postgresql://user@host:port/db."});
}

Result<std::unique_ptr<Connection>> connect(const DatabaseUrl& url) {
  if (url.engine == Engine::postgresql) return postgres::connect(url.target);
  return sqlite::connect(url.target);
}

Database::Database(DatabaseUrl url, std::chrono::milliseconds acquire_timeout)
    : url_(std::move(url)), acquire_timeout_(acquire_timeout) {}

Database::~Database() = default;

int default_pool_size(Engine engine) {
  if (engine == Engine::postgresql) return 16;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 2;
}

Result<std::shared_ptr<Database>> Database::open(std::string_view url, int pool_size,
                                                 std::chrono::milliseconds acquire_timeout) {
  auto parsed = DatabaseUrl::parse(url);
  if (!parsed) return std::move(parsed).error();
  std::shared_ptr<Database> db(new Database(std::move(*parsed), acquire_timeout));
  const int n = pool_size < 1 ? default_pool_size(db->url_.engine) : pool_size;
  for (int i = 0; i < n; ++i) {
    auto c = connect(db->url_);
    if (!c) return std::move(c).error();
    db->idle_.push_back(std::move(*c));
  }
  db->size_ = n;
  return db;
}

Result<Database::Lease> Database::acquire() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  const bool got = available_.wait_for(lock, acquire_timeout_, [&] { return !idle_.empty(); });
  --waiting_;
  if (!got) {
    ++timeouts_total_;
    return Error::unavailable("timed out waiting for a database connection");
  }
  Lease lease{std::move(idle_.back())};
  idle_.pop_back();
  ++in_use_;
  ++acquired_total_;
  return lease;
}

void Database::release(Lease lease, bool healthy) {
  if (!healthy && !lease.connection->ping()) {
    // The connection broke (server restart, network): replace it, or keep the old one
    // to retry later if the database is still away.
    if (auto fresh = connect(url_)) lease.connection = std::move(*fresh);
  }
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(lease.connection));
    --in_use_;
  }
  available_.notify_one();
}

bool Database::ping() {
  auto lease = acquire();
  if (!lease) return false;
  const bool alive = lease->connection->ping();
  release(std::move(*lease), alive);
  return alive;
}

namespace {
/// At most this many writes share one transaction, so one group never holds the lock long.
constexpr std::size_t kMaxGroup = 64;
}  // namespace

Result<void> Database::write_in_group(std::function<bool(Connection&)> run) {
  GroupedWrite job{std::move(run), ok()};
  std::unique_lock lock(group_mutex_);
  group_queue_.push_back(&job);
  const auto deadline = std::chrono::steady_clock::now() + acquire_timeout_;
  while (!job.done) {
    if (!group_leader_) {
      group_leader_ = true;
      std::vector<GroupedWrite*> batch;
      while (!group_queue_.empty() && batch.size() < kMaxGroup) {
        batch.push_back(group_queue_.front());
        group_queue_.pop_front();
      }
      lock.unlock();
      commit_group(batch);
      lock.lock();
      group_leader_ = false;
      ++write_groups_;
      grouped_writes_ += batch.size();
      for (GroupedWrite* w : batch) w->done = true;
      group_done_.notify_all();
      continue;
    }
    if (std::chrono::steady_clock::now() < deadline) {
      group_done_.wait_until(lock, deadline);
      continue;
    }
    auto queued = std::find(group_queue_.begin(), group_queue_.end(), &job);
    if (queued != group_queue_.end()) {  // not yet taken into a group: give up
      group_queue_.erase(queued);
      std::lock_guard pool(mutex_);
      ++timeouts_total_;
      return Error::unavailable("timed out waiting for the database write lock");
    }
    group_done_.wait(lock);  // taken into the running group: its outcome is near
  }
  return std::move(job.outcome);
}

void Database::commit_group(const std::vector<GroupedWrite*>& batch) {
  auto fail_all = [&](const Error& e) {
    for (GroupedWrite* w : batch) {
      w->outcome = e;
      w->ran_ok = false;
    }
  };
  auto lease = acquire();
  if (!lease) return fail_all(lease.error());
  Connection& c = *lease->connection;
  if (auto b = c.begin(true); !b) {
    release(std::move(*lease), false);
    return fail_all(b.error());
  }
  const bool alone = batch.size() == 1;
  bool any_ok = false;
  for (GroupedWrite* w : batch) {
    if (!alone) {
      if (auto s = c.execute_script("SAVEPOINT grouped_write"); !s) {
        (void)c.rollback();
        release(std::move(*lease), false);
        return fail_all(s.error());
      }
    }
    try {
      w->ran_ok = w->run(c);
    } catch (const std::exception& e) {
      w->ran_ok = false;
      w->outcome = Error::internal(std::string("write failed: ") + e.what());
    }
    any_ok = any_ok || w->ran_ok;
    if (!alone) {
      // A failed write is undone alone. If SQLite already rolled back the whole transaction
      // (it does so after some errors), the savepoint is gone: then nothing in this group
      // may be acknowledged.
      auto undone = c.execute_script(w->ran_ok ? "RELEASE grouped_write"
                                               : "ROLLBACK TO grouped_write; RELEASE grouped_write");
      if (!undone) {
        (void)c.rollback();
        release(std::move(*lease), false);
        return fail_all(undone.error());
      }
    }
  }
  if (!any_ok) {
    (void)c.rollback();
    release(std::move(*lease), true);
    return;
  }
  if (auto committed = c.commit(); !committed) {
    (void)c.rollback();
    release(std::move(*lease), false);
    for (GroupedWrite* w : batch) {
      if (w->ran_ok) w->outcome = committed.error();
    }
    return;
  }
  release(std::move(*lease), true);
}

std::uint64_t Database::write_groups() const {
  std::lock_guard lock(group_mutex_);
  return write_groups_;
}

std::uint64_t Database::grouped_writes() const {
  std::lock_guard lock(group_mutex_);
  return grouped_writes_;
}

PoolStats Database::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{size_, in_use_, waiting_, acquired_total_, timeouts_total_};
}

}  // namespace atb::storage
