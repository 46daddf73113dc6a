// "My work" and caseloads: the caller's open tasks (as responsible worker or lead worker),
// reviews of her cases' plans due within 14 days or overdue, and her active caseload against
// the warning limit; the caseload of each worker of a team for supervisors (their teams),
// department heads (their departments) and the director (her municipality's teams). Contract:
// docs/api-cases-plan.md.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "cases/intake_store.h"
#include "cases/plan_json.h"
#include "cases/plan_rules.h"
#include "cases/plan_store.h"
#include "cases/routes.h"
#include "http/json_body.h"

namespace atb::cases {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

constexpr int kWorkListMax = 200;  ///< tasks and reviews shown at most
constexpr int kReviewDays = 14;    ///< reviews due within this many days are shown

json caseload_json(std::int64_t active, int limit) {
  return {{"active", active}, {"limit", limit}, {"over", caseload_over(active, limit)}};
}

Result<Response> my_work(const CaseContext& cc, Request& req, const access::Principal& p) {
  ATB_TRY(access::may_work_cases(p));
  const Date today = today_riga();
  struct Found {
    std::vector<WorkTask> tasks;
    std::vector<WorkReview> reviews;
    std::int64_t active = 0;
  };
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    Found f;
    ATB_TRY_ASSIGN_TO(f.tasks, work_tasks(c, p.user_id, access::case_visible_sql(p, "c"), kWorkListMax));
    ATB_TRY_ASSIGN_TO(f.reviews, work_reviews(c, p.user_id, add_days(today, kReviewDays).iso(),
                                               access::case_visible_sql(p, "c"), kWorkListMax));
    ATB_TRY_ASSIGN(loads, active_caseloads(c, {p.user_id}));
    f.active = loads.count(p.user_id) ? loads.at(p.user_id) : 0;
    return f;
  }));
  const std::string today_iso = today.iso();
  std::vector<std::int64_t> case_ids;
  json tasks = json::array();
  for (const WorkTask& w : found.tasks) {
    json t = to_json(w.task);
    t["case_id"] = w.task.case_id;
    t["subject_name"] = w.subject_name;
    t["overdue"] = w.task.due_on < today_iso;
    tasks.push_back(std::move(t));
    case_ids.push_back(w.task.case_id);
  }
  json reviews = json::array();
  for (const WorkReview& r : found.reviews) {
    reviews.push_back({{"case_id", r.case_id}, {"subject_name", r.subject_name}, {"review_on", r.review_on},
                       {"overdue", r.review_on < today_iso}});
    case_ids.push_back(r.case_id);
  }
  std::sort(case_ids.begin(), case_ids.end());
  case_ids.erase(std::unique(case_ids.begin(), case_ids.end()), case_ids.end());
  ATB_TRY(access::audit_list(cc.access, p, req, "case", case_ids));
  return Response::json({{"tasks", tasks}, {"reviews", reviews},
                         {"caseload", caseload_json(found.active, cc.settings.caseload_warning)}});
}

// The teams whose caseload `p` sees: the one asked for (403 outside her scope, 422 when it is
// no team), or all of her own (supervisor), of her departments (department head) and of her
// municipality (director).
Result<std::vector<std::int64_t>> caseload_teams(storage::Connection& c, const access::Principal& p,
                                                 const std::optional<std::string>& asked) {
  if (asked) {
    const auto id = http::path_id(*asked);
    ATB_TRY_ASSIGN(scope, id ? team_scope(c, *id) : Result<std::optional<access::TeamScope>>(std::nullopt));
    if (!scope) return Error::invalid_field("team_id", {"Komanda nav atrasta.", "No such team."});
    ATB_TRY(access::may_see_caseload(p, *scope));
    return std::vector<std::int64_t>{scope->team_id};
  }
  std::vector<std::int64_t> teams;
  if (p.has(access::Role::supervisor)) teams = p.team_ids;
  if (p.has(access::Role::department_head)) {
    ATB_TRY_ASSIGN(more, department_teams(c, p.department_ids));
    teams.insert(teams.end(), more.begin(), more.end());
  }
  if (p.has(access::Role::director)) {
    ATB_TRY_ASSIGN(all, municipality_teams(c, p.municipality_id));
    teams.insert(teams.end(), all.begin(), all.end());
  }
  if (teams.empty() && !p.has(access::Role::director)) {
    return Error{Errc::forbidden, {"Komandas noslodzi redz komandas vadītājs, nodaļas vadītājs vai pašvaldības direktors.",
                                   "A team's caseload is seen by its supervisor, the department's head or the municipality's director."},
                 {}, {}};
  }
  std::sort(teams.begin(), teams.end());
  teams.erase(std::unique(teams.begin(), teams.end()), teams.end());
  return teams;
}

Result<Response> caseload(const CaseContext& cc, Request& req, const access::Principal& p) {
  const auto asked = req.query("team_id");
  struct Found {
    std::vector<std::int64_t> teams;
    std::vector<TeamWorker> workers;
    std::map<std::int64_t, std::int64_t> loads;
  };
  ATB_TRY_ASSIGN(found, cc.access.db->read([&](storage::Connection& c) -> Result<Found> {
    Found f;
    ATB_TRY_ASSIGN_TO(f.teams, caseload_teams(c, p, asked));
    ATB_TRY_ASSIGN_TO(f.workers, team_workers(c, f.teams));
    std::vector<std::int64_t> ids;
    for (const TeamWorker& w : f.workers) ids.push_back(w.id);
    ATB_TRY_ASSIGN_TO(f.loads, active_caseloads(c, ids));
    return f;
  }));
  const int limit = cc.settings.caseload_warning;
  json items = json::array();
  std::vector<std::int64_t> ids;
  for (const TeamWorker& w : found.workers) {
    const std::int64_t active = found.loads.count(w.id) ? found.loads.at(w.id) : 0;
    json item = caseload_json(active, limit);
    item["user_id"] = w.id;
    item["name"] = w.name;
    items.push_back(std::move(item));
    ids.push_back(w.id);
  }
  ATB_TRY(access::audit_list(cc.access, p, req, "user", ids));
  return Response::json({{"items", items}, {"limit", limit}, {"team_ids", found.teams}});
}

}  // namespace

void add_work_routes(http::Router& router, const CaseContext& cc) {
  router.add(Method::get, "/api/v1/my/work", handler(cc, my_work),
             {.summary = "The caller's open tasks (nearest due first), reviews due within 14 days or overdue, and "
                         "her active caseload against the warning limit.",
              .tag = "cases", .authenticated = true});
  router.add(Method::get, "/api/v1/caseload", handler(cc, caseload),
             {.summary = "Active caseload of each worker of a team (team_id=…; default: the caller's teams) for "
                         "supervisors, department heads and the director.",
              .tag = "cases", .authenticated = true});
  add_worker_routes(router, cc);
}

}  // namespace atb::cases
