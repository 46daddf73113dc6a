#include "cases/worker_search.h"

#include <algorithm>

#include "registry/names.h"

namespace atb::cases {

Result<std::vector<Worker>> visible_workers(storage::Connection& c, const std::string& visible) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT u.id, u.full_name, t.id, t.name_lv, t.name_en FROM app_user u"
                               " JOIN user_team ut ON ut.user_id = u.id JOIN team t ON t.id = ut.team_id"
                               " WHERE " + visible + " ORDER BY u.id, t.id"));
  std::vector<Worker> out;
  for (const storage::Row& r : rows) {
    if (out.empty() || out.back().user_id != r.integer(0)) out.push_back({r.integer(0), r.text(1), {}});
    out.back().teams.push_back({r.integer(2), r.text(3), r.text(4)});
  }
  return out;
}

std::vector<Worker> match_workers(std::vector<Worker> workers, const std::string& q) {
  const std::vector<std::string> words = registry::fold_tokens(q);
  std::vector<Worker> out;
  for (Worker& w : workers) {
    const std::string name = " " + registry::fold(w.name);
    const bool all = std::all_of(words.begin(), words.end(),
                                 [&](const std::string& word) { return name.find(" " + word) != std::string::npos; });
    if (all) out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Worker& a, const Worker& b) { return registry::collate_less(a.name, b.name); });
  return out;
}

}  // namespace atb::cases
