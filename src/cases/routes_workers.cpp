// Finding workers by name (GET /api/v1/workers?q=…): the workers of the caller's departments
// (the director's: her municipality's) whom she may choose as a case's co-workers or a task's
// responsible worker. Names and teams only; through the access policy
// (access::may_search_workers, access::worker_visible_sql); each list audited (entity type "user").
#include <algorithm>

#include <nlohmann/json.hpp>

#include "access/record_scope.h"
#include "cases/routes.h"
#include "cases/worker_search.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

json worker_json(const Worker& w) {
  json teams = json::array();
  for (const WorkerTeam& t : w.teams) teams.push_back({{"id", t.id}, {"name_lv", t.name_lv}, {"name_en", t.name_en}});
  return {{"user_id", w.user_id}, {"name", w.name}, {"teams", std::move(teams)}};
}

Result<Response> search(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_search_workers(p));
  ATB_TRY_ASSIGN(paging, http::paging(req));
  ATB_TRY_ASSIGN(q, http::search_text(req, "q", kMaxWorkerQuery));
  ATB_TRY_ASSIGN(all, cc.access.db->read([&](storage::Connection& c) {
    return visible_workers(c, access::worker_visible_sql(p, "u", "t"));
  }));
  const std::vector<Worker> found = match_workers(std::move(all), q);
  const std::size_t from = std::min(found.size(), static_cast<std::size_t>(paging.page - 1) * paging.page_size);
  const std::size_t to = std::min(found.size(), from + static_cast<std::size_t>(paging.page_size));
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (std::size_t i = from; i < to; ++i) {
    items.push_back(worker_json(found[i]));
    ids.push_back(found[i].user_id);
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "user", ids));
  return Response::json(
      {{"items", std::move(items)}, {"total", found.size()}, {"page", paging.page}, {"page_size", paging.page_size}});
}

}  // namespace

void add_worker_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/workers", handler(cc, search),
             {.summary = "Workers of the caller's departments by name (q=…, every word begins a word of the name; "
                         "case and diacritics ignored), paginated: names and teams only. Case roles.",
              .tag = "cases", .authenticated = true});
}

}  // namespace atb::cases
