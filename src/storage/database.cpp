#include "storage/database.h"

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

Result<std::shared_ptr<Database>> Database::open(std::string_view url, int pool_size,
                                                 std::chrono::milliseconds acquire_timeout) {
  auto parsed = DatabaseUrl::parse(url);
  if (!parsed) return std::move(parsed).error();
  std::shared_ptr<Database> db(new Database(std::move(*parsed), acquire_timeout));
  const int n = pool_size < 1 ? 1 : pool_size;
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

PoolStats Database::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{size_, in_use_, waiting_, acquired_total_, timeouts_total_};
}

}  // namespace atb::storage
