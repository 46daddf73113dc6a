#include "registry/bulk_insert.h"

#include <algorithm>

namespace atb::registry {

BulkInsert::BulkInsert(storage::Connection& c, std::string table, std::vector<std::string> columns,
                       std::size_t rows_per_statement)
    : c_(c), table_(std::move(table)), columns_(std::move(columns)) {
  per_statement_ = rows_per_statement ? rows_per_statement
                                      : std::clamp<std::size_t>(30000 / std::max<std::size_t>(columns_.size(), 1), 1, 500);
}

const std::string& BulkInsert::sql_for(std::size_t rows) {
  for (const auto& [n, sql] : statements_) {
    if (n == rows) return sql;
  }
  std::string row = "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) row += i ? ",?" : "?";
  row += ")";
  std::string sql = "INSERT INTO " + table_ + " (";
  for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 1));
  for (std::size_t i = 0; i < rows; ++i) (sql += i ? "," : "") += row;
  return statements_.emplace_back(rows, std::move(sql)).second;
}

Result<void> BulkInsert::row_added(std::size_t values) {
  if (values != columns_.size()) {
    return Error::internal("BulkInsert " + table_ + ": " + std::to_string(values) + " values for " +
                           std::to_string(columns_.size()) + " columns");
  }
  ++pending_;
  ++total_;
  return ok();
}

Result<void> BulkInsert::flush() {
  const std::size_t width = columns_.size();
  std::size_t done = 0;
  storage::Params chunk;
  while (done < pending_) {
    // The largest of the fixed sizes that fits what is left.
    std::size_t n = 1;
    for (std::size_t size : {per_statement_, std::size_t{100}, std::size_t{10}}) {
      if (size <= per_statement_ && size <= pending_ - done) {
        n = size;
        break;
      }
    }
    chunk.assign(std::make_move_iterator(params_.begin() + static_cast<std::ptrdiff_t>(done * width)),
                 std::make_move_iterator(params_.begin() + static_cast<std::ptrdiff_t>((done + n) * width)));
    auto written = c_.execute(sql_for(n), chunk);
    if (!written) {
      params_.clear();
      pending_ = 0;
      return std::move(written).error();
    }
    done += n;
  }
  params_.clear();
  pending_ = 0;
  return ok();
}

Result<std::int64_t> IdReserver::next() {
  if (c_.engine() == storage::Engine::sqlite) {
    if (next_ == 0) {
      ATB_TRY_ASSIGN(rows, c_.query("SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM " + table_ +
                                        " UNION ALL SELECT seq FROM sqlite_sequence WHERE name = ?) t",
                                    storage::params(table_)));
      next_ = rows[0].integer(0) + 1;
    }
    return next_++;
  }
  if (at_ == ids_.size()) {
    ATB_TRY_ASSIGN(rows, c_.query("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
                                  storage::params(table_, static_cast<std::int64_t>(block_))));
    ids_.clear();
    for (const storage::Row& r : rows) ids_.push_back(r.integer(0));
    at_ = 0;
  }
  return ids_[at_++];
}

Result<void> BulkLoadSettings::apply() {
  if (c_.engine() == storage::Engine::sqlite) {
    ATB_TRY_ASSIGN(cache, c_.query("PRAGMA cache_size"));
    cache_size_ = cache[0].integer(0);
    applied_ = true;
    return c_.execute_script("PRAGMA cache_size = " + std::to_string(-1024 * cache_mib_));
  }
  // Plans made once for a prepared statement would keep the estimates of tables that were
  // nearly empty when the load began (a scan of what has become thousands of rows, per row).
  return c_.execute_script(
      "SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL plan_cache_mode = force_custom_plan");
}

Result<void> BulkLoadSettings::restore() {
  if (!applied_) return ok();
  applied_ = false;
  return c_.execute_script("PRAGMA cache_size = " + std::to_string(cache_size_));
}

}  // namespace atb::registry
