#include "storage/postgres/engine.h"

#include <libpq-fe.h>

#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include <fmt/format.h>

namespace atb::storage::postgres {
namespace {

// Type OIDs from pg_type.h that map onto our integer and real values.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto res = run(sql, params);
    if (!res) return std::move(res).error();
    PGresult* r = res->get();
    Rows out;
    const int ncol = PQnfields(r), nrow = PQntuples(r);
    out.columns.reserve(ncol);
    for (int c = 0; c < ncol; ++c) out.columns.emplace_back(PQfname(r, c));
    out.rows.reserve(nrow);
    for (int i = 0; i < nrow; ++i) {
      std::vector<Value> values;
      values.reserve(ncol);
      for (int c = 0; c < ncol; ++c) values.push_back(cell(r, i, c));
      out.rows.emplace_back(std::move(values));
    }
    return out;
  }

  Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
    auto res = run(sql, params);
    if (!res) return std::move(res).error();
    const char* n = PQcmdTuples(res->get());
    return static_cast<std::int64_t>(n && *n ? std::stoll(n) : 0);
  }

  Result<void> execute_script(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr res(PQexec(conn_, text.c_str()), &PQclear);
    return check(res.get(), sql);
  }

  Result<void> begin(bool) override { return execute_script("BEGIN"); }
  Result<void> commit() override { return execute_script("COMMIT"); }
  Result<void> rollback() override { return execute_script("ROLLBACK"); }
  Result<void> lock_schema() override {
    return execute_script("SELECT pg_advisory_xact_lock(7461626)");
  }

  bool ping() override {
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    return execute_script("SELECT 1").ok();
  }
  Engine engine() const override { return Engine::postgresql; }

 private:
  Result<ResultPtr> run(std::string_view sql, const Params& params) {
    auto name = prepared(sql, static_cast<int>(params.size()));
    if (!name) return std::move(name).error();
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto p = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*p);
      } else if (auto p = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{}", *p);
      } else if (auto p = std::get_if<std::string>(&v)) {
        texts[i] = *p;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    ResultPtr res(PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0),
                  &PQclear);
    if (auto c = check(res.get(), sql); !c) return std::move(c).error();
    return res;
  }

  Result<std::string> prepared(std::string_view sql, int nparams) {
    if (auto it = names_.find(std::string(sql)); it != names_.end()) return it->second;
    if (names_.size() >= kMaxPrepared) {
      // Queries built with literals (e.g. a user's teams) would add statements without end:
      // drop them all on the server and start again.
      ResultPtr dropped(PQexec(conn_, "DEALLOCATE ALL"), &PQclear);
      ATB_TRY(check(dropped.get(), "DEALLOCATE ALL"));
      names_.clear();
    }
    std::string name = fmt::format("s{}", names_.size() + 1);
    const std::string numbered = number_placeholders(sql);
    ResultPtr res(PQprepare(conn_, name.c_str(), numbered.c_str(), nparams, nullptr), &PQclear);
    ATB_TRY(check(res.get(), sql));
    names_.emplace(std::string(sql), name);
    return name;
  }

  Result<void> check(PGresult* r, std::string_view sql) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return ok();
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string detail = fmt::format("postgresql: {} in: {}", PQerrorMessage(conn_), sql);
    if (PQstatus(conn_) != CONNECTION_OK) return Error::unavailable(std::move(detail));
    if (state && state[0] == '2' && state[1] == '3') {
      return Error{Errc::conflict,
                   {"Ieraksts pārkāpj datu ierobežojumu (piemēram, tāds jau ir).",
                    "The record breaks a data constraint (for example, it already exists)."},
                   {},
                   std::move(detail)};
    }
    return Error::internal(std::move(detail));
  }

  static Value cell(PGresult* r, int row, int col) {
    if (PQgetisnull(r, row, col)) return nullptr;
    const char* text = PQgetvalue(r, row, col);
    switch (PQftype(r, col)) {
      case kBool:
        return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
      case kInt2:
      case kInt4:
      case kInt8:
        return static_cast<std::int64_t>(std::stoll(text));
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return std::strtod(text, nullptr);
      default:
        return std::string(text, static_cast<size_t>(PQgetlength(r, row, col)));
    }
  }

  PGconn* conn_;
  /// Prepared statements kept per connection (see prepared()).
  static constexpr std::size_t kMaxPrepared = 512;
  std::unordered_map<std::string, std::string> names_;
};

void ignore_notice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Connection>> connect(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return Error::unavailable("postgresql connect: " + message);
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  auto c = std::make_unique<PgConnection>(conn);
  ATB_TRY(c->execute_script(
      "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET application_name = 'atbalsts'"));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace atb::storage::postgres
