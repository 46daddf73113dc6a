#include "services/roster_cache.h"

#include <unordered_map>

namespace atb::services {

using storage::params;

Result<Roster> load_roster(storage::Connection& c, std::int64_t service_id, std::int64_t version) {
  // Both states in one index range (referral_service_queue); 'placed' sorts before 'waiting'.
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT r.state, r.id, r.case_id, r.person_id, COALESCE(r.priority, 3),"
      " CASE WHEN r.state = 'waiting' THEN r.waiting_since ELSE r.start_on END, r.quantity,"
      " pe.given_names || ' ' || pe.surname, c.municipality_id, c.department_id, c.team_id,"
      " c.lead_worker_id"
      " FROM referral r JOIN case_file c ON c.id = r.case_id JOIN person pe ON pe.id = r.person_id"
      " WHERE r.service_id = ? AND r.state IN ('placed', 'waiting')"
      " ORDER BY r.state, 5, 6, r.id",
      params(service_id)));
  ATB_TRY_ASSIGN(co_workers, c.query(
      "SELECT cw.case_id, cw.user_id FROM case_worker cw WHERE cw.case_id IN"
      " (SELECT r.case_id FROM referral r WHERE r.service_id = ? AND r.state IN ('placed', 'waiting'))",
      params(service_id)));
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> workers_of;
  for (const storage::Row& r : co_workers) workers_of[r.integer(0)].push_back(r.integer(1));

  Roster roster;
  roster.version = version;
  for (const storage::Row& r : rows) {
    RosterRow row;
    row.entry.referral_id = r.integer(1);
    row.entry.case_id = r.integer(2);
    row.entry.person_id = r.integer(3);
    row.entry.priority = static_cast<int>(r.integer(4));
    row.entry.waiting_since = r.text(5);
    row.entry.quantity = static_cast<int>(r.integer(6));
    row.entry.person_name = r.text(7);
    row.case_scope.municipality_id = r.integer(8);
    row.case_scope.department_id = r.integer(9);
    row.case_scope.team_id = r.integer(10);
    row.case_scope.lead_worker_id = r.opt_integer(11).value_or(0);
    if (auto w = workers_of.find(row.entry.case_id); w != workers_of.end()) row.case_scope.co_worker_ids = w->second;
    if (r.text(0) == "placed") {
      roster.occupied += row.entry.quantity;
      roster.placed.push_back(std::move(row));
    } else {
      roster.waiting.push_back(std::move(row));
    }
  }
  return roster;
}

Result<std::shared_ptr<const Roster>> RosterCache::get(storage::Connection& c, std::int64_t service_id,
                                                       std::int64_t version) {
  {
    std::lock_guard lock(mutex_);
    if (auto kept = kept_.find(service_id); kept != kept_.end() && kept->second->version == version) {
      return kept->second;
    }
  }
  ATB_TRY_ASSIGN(loaded, load_roster(c, service_id, version));
  auto roster = std::make_shared<const Roster>(std::move(loaded));
  std::lock_guard lock(mutex_);
  ++loads_;
  auto kept = kept_.find(service_id);
  if (kept == kept_.end() && kept_.size() >= capacity_) kept_.erase(kept_.begin());
  // A later version kept meanwhile by another request stays.
  if (kept == kept_.end() || kept->second->version <= version) kept_[service_id] = roster;
  return roster;
}

std::uint64_t RosterCache::loads() const {
  std::lock_guard lock(mutex_);
  return loads_;
}

}  // namespace atb::services
