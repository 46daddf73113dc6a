// The database: a pool of connections of one engine, opened from a URL.
// Every write runs in exactly one transaction: it commits whole or changes nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace atb::storage {

/// Where the database is: parsed from `sqlite:PATH` or `postgresql://user@host:port/db`.
struct DatabaseUrl {
  Engine engine = Engine::sqlite;
  std::string target;  ///< the SQLite file path, or the libpq connection URI

  static Result<DatabaseUrl> parse(std::string_view url);
};

/// Opens one new connection to the database the URL names (engines live in sqlite/, postgres/).
Result<std::unique_ptr<Connection>> connect(const DatabaseUrl& url);

/// Pool figures for /metrics.
struct PoolStats {
  int size = 0;
  int in_use = 0;
  int waiting = 0;
  std::uint64_t acquired_total = 0;
  std::uint64_t timeouts_total = 0;
};

/// The pool size when none is configured. SQLite: the CPUs plus two (one connection commits
/// while another waits to, the rest read). A SQLite connection empties its page cache whenever
/// another connection has committed, and every audited read ends in a commit, so each reader
/// beyond the CPUs adds a cache that is always cold: fewer readers each serve more requests
/// between two commits from the pages they hold. PostgreSQL: 16 (its buffers are shared).
int default_pool_size(Engine engine);

/// A fixed-size pool of connections shared by all request threads.
class Database {
 public:
  /// Opens `pool_size` connections (default_pool_size when it is 0 or less; at least one, to
  /// fail fast on a wrong URL).
  static Result<std::shared_ptr<Database>> open(std::string_view url, int pool_size,
                                                std::chrono::milliseconds acquire_timeout =
                                                    std::chrono::milliseconds(5000));
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return url_.engine; }

  /// Runs `f(Connection&)` (returning a Result) on a pooled connection, without a transaction.
  template <class F>
  auto read(F&& f) -> std::invoke_result_t<F, Connection&> {
    auto lease = acquire();
    if (!lease) return std::move(lease).error();
    auto result = f(*lease->connection);
    release(std::move(*lease), !suspect(result));
    return result;
  }

  /// Runs `f(Connection&)` in one write transaction: commit when it succeeds, else roll back.
  /// The answer is returned only once the transaction is durable.
  ///
  /// On SQLite, which has one write lock per database, concurrent writes are queued in the
  /// process and committed together (group commit): the first waiting thread runs the queued
  /// writes one after another in one transaction, each inside its own savepoint (a failed one
  /// is rolled back alone), and commits once. A write behaves as if it ran alone and
  /// serially; none is acknowledged before the common commit, and if that fails they all fail.
  /// This replaces SQLite's sleep-and-retry busy handler, which starved some writers for
  /// seconds under load. A write still waiting for its turn after the acquire timeout answers
  /// `unavailable`. Writes must not nest (a write from inside a write would wait for itself).
  template <class F>
  auto write(F&& f) -> std::invoke_result_t<F, Connection&> {
    using R = std::invoke_result_t<F, Connection&>;
    if (url_.engine == Engine::sqlite) {
      std::optional<R> result;
      Result<void> done = write_in_group([&](Connection& c) {
        result.emplace(f(c));
        return result->ok();
      });
      if (!done) return std::move(done).error();
      return std::move(*result);
    }
    auto lease = acquire();
    if (!lease) return std::move(lease).error();
    Connection& c = *lease->connection;
    if (auto b = c.begin(true); !b) {
      release(std::move(*lease), false);
      return std::move(b).error();
    }
    auto result = f(c);
    if (result.ok()) {
      if (auto done = c.commit(); !done) {
        (void)c.rollback();
        release(std::move(*lease), false);
        return std::move(done).error();
      }
    } else {
      (void)c.rollback();
    }
    release(std::move(*lease), !suspect(result));
    return result;
  }

  /// Write groups committed and writes in them so far (group commit on SQLite; for metrics).
  std::uint64_t write_groups() const;
  std::uint64_t grouped_writes() const;

  /// Whether a connection can be had and answers.
  bool ping();

  PoolStats stats() const;

 private:
  struct Lease {
    std::unique_ptr<Connection> connection;
  };

  Database(DatabaseUrl url, std::chrono::milliseconds acquire_timeout);
  /// A failed result whose kind hints at a broken connection rather than a refused input.
  template <class R>
  static bool suspect(const R& r) {
    return !r.ok() && (r.error().code == Errc::internal || r.error().code == Errc::unavailable);
  }
  Result<Lease> acquire();
  /// One queued write of a group: runs in the leader's transaction; `ran_ok` is what it
  /// returned, `outcome` an error that is not its own (lock, commit, exception).
  struct GroupedWrite {
    std::function<bool(Connection&)> run;
    Result<void> outcome;
    bool ran_ok = false;
    bool done = false;
  };
  /// Queues `run` and waits until a group containing it has committed or failed.
  Result<void> write_in_group(std::function<bool(Connection&)> run);
  /// Runs `batch` in one transaction (savepoints between writes) and commits it.
  void commit_group(const std::vector<GroupedWrite*>& batch);
  /// Returns a connection; one that failed is checked and replaced if it no longer works.
  void release(Lease lease, bool healthy);

  DatabaseUrl url_;
  std::chrono::milliseconds acquire_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int size_ = 0;
  int in_use_ = 0;
  int waiting_ = 0;
  std::uint64_t acquired_total_ = 0;
  std::uint64_t timeouts_total_ = 0;

  mutable std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::deque<GroupedWrite*> group_queue_;
  bool group_leader_ = false;
  std::uint64_t write_groups_ = 0;
  std::uint64_t grouped_writes_ = 0;
};

}  // namespace atb::storage
