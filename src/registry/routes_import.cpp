// The import upload: POST the CSV, then poll the job's progress and report.
#include <memory>

#include <nlohmann/json.hpp>

#include "access/http_auth.h"
#include "access/record_scope.h"
#include "audit/store.h"
#include "http/json_body.h"
#include "registry/import_jobs.h"
#include "registry/routes.h"
#include "registry/routes_common.h"

namespace atb::registry {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr std::size_t kMaxUpload = 50 * 1024 * 1024;

Result<bool> flag(const Request& req, const char* name, bool fallback) {
  const auto v = req.query(name);
  if (!v) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  return Error::invalid_field(name, {"Jābūt true vai false.", "Must be true or false."});
}

json status_json(const ImportStatus& s, Lang lang) {
  json j = {{"id", s.id}, {"state", s.state}, {"dry_run", s.dry_run}, {"processed_rows", s.processed_rows},
            {"total_rows", s.total_rows}};
  if (s.report) {
    j["valid_rows"] = s.report->valid_rows;
    j["imported_rows"] = s.report->imported_rows;
    j["error_count"] = s.report->error_count;
    json errors = json::array();
    for (const RowError& e : s.report->errors) {
      errors.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message.in(lang)}});
    }
    j["errors"] = errors;
  }
  if (s.error) {
    j["problem"] = s.error->message.in(lang);
    json errors = json::array();
    for (const FieldError& f : s.error->fields) errors.push_back({{"row", 0}, {"column", f.field}, {"message", f.message.in(lang)}});
    j["errors"] = errors;
  }
  return j;
}

Result<Response> start(const access::Context& ctx, ImportJobs& jobs, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_registry(p));
  ATB_TRY_ASSIGN(dry_run, flag(req, "dry_run", true));
  const std::string encoding = req.query("encoding").value_or("utf-8");
  if (encoding != "utf-8" && encoding != "windows-1257") {
    return Error::invalid_field("encoding", {"Kodējums ir utf-8 vai windows-1257.", "The encoding is utf-8 or windows-1257."});
  }
  if (req.body.empty()) return Error::invalid_field("file", {"Fails ir tukšs.", "The file is empty."});
  json reg_body = json::object();
  if (auto team = req.query("team_id")) {
    const auto id = http::path_id(*team);
    if (!id) return Error::invalid_field("team_id", {"Norādiet komandu.", "Give the team."});
    reg_body["team_id"] = *id;
  }
  ATB_TRY_ASSIGN(reg, ctx.db->read([&](storage::Connection& c) { return registration_from(c, p, reg_body, today_riga()); }));
  ImportOptions options{.dry_run = dry_run, .windows1257 = encoding == "windows-1257",
                        .municipality_id = p.municipality_id, .user_id = p.user_id, .registration = reg, .before_commit = {}};
  const audit::Entry entry = access::audit_entry(p, req, dry_run ? "import_check" : "import", "person", "*");
  options.before_commit = [entry](storage::Connection& c, std::size_t rows) -> Result<void> {
    std::vector<audit::Entry> entries{entry};
    entries[0].reason = std::to_string(rows) + " persons imported";
    return audit::append(c, entries);
  };
  auto bytes = std::make_shared<std::string>(std::move(req.body));
  auto db = ctx.db;
  ATB_TRY_ASSIGN(id, jobs.start(p.user_id, dry_run, [db, bytes, options](const ImportProgress& progress) {
    return import_persons(*db, *bytes, options, progress);
  }));
  if (dry_run) ATB_TRY(access::audit_action(ctx, p, req, "import_check", "person", "*", "dry run " + id));
  return Response::json({{"id", id}}, 202);
}

Result<Response> status(ImportJobs& jobs, Request& req, const access::Principal& p) {
  const auto s = jobs.status(std::string(req.param("id")), p.user_id);
  if (!s) return Error{Errc::not_found, {"Imports nav atrasts.", "No such import."}, {}, {}};
  return Response::json(status_json(*s, req.lang));
}

}  // namespace

void add_import_routes(http::Router& router, const access::Context& ctx, ImportJobs& jobs) {
  router.add(Method::post, "/api/v1/imports/persons",
             access::guarded(ctx, [ctx, &jobs](Request& req, const access::Principal& p) { return start(ctx, jobs, req, p); }),
             {.summary = "Upload a CSV of persons to check (dry_run=true) or import; answers a job id.", .tag = "registry",
              .authenticated = true, .success_status = 202},
             {.max_body = kMaxUpload, .pool = http::Pool::general});
  router.add(Method::get, "/api/v1/imports/{id}",
             access::guarded(ctx, [&jobs](Request& req, const access::Principal& p) { return status(jobs, req, p); }),
             {.summary = "Progress and report of an import job (its owner only).", .tag = "registry", .authenticated = true});
}

}  // namespace atb::registry
