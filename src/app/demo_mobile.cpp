#include "app/demo_mobile.h"

#include "core/time.h"
#include "services/mobile_rules.h"
#include "services/mobile_store.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::app {

using storage::params;

namespace {

// A placed client of the service: referral, person, and who works her case.
struct Client {
  std::int64_t referral = 0, person = 0, lead = 0;
};

std::string at(const Date& d) {
  return d.iso() + "T08:00:00.000Z";
}

// Places up to two more adults of the adults' team's active cases in the service (disability),
// as the API would after a granted request; then returns every placed client.
Result<std::vector<Client>> clients(storage::Connection& c, std::int64_t service_id,
                                    std::int64_t supervisor) {
  ATB_TRY_ASSIGN(service, services::load_service(c, service_id));
  if (!service) return std::vector<Client>{};
  ATB_TRY_ASSIGN(rows, c.query("SELECT c.id, c.person_id, c.lead_worker_id, p.birth_date"
                               " FROM case_file c JOIN person p ON p.id = c.person_id"
                               " WHERE c.municipality_id = ? AND c.lead_worker_id IS NOT NULL"
                               " AND c.stage IN ('plan', 'implementation', 'review')"
                               " AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id ="
                               " c.person_id AND r.service_id = ?) ORDER BY c.id",
                               params(service->municipality_id, service_id)));
  const Date today = today_riga();
  const Date requested = add_days(today, -40), decided = add_days(today, -35),
             started = add_days(today, -30);
  int added = 0;
  for (const storage::Row& r : rows) {
    if (added == 2) break;
    const std::optional<std::string> group = "disability";
    if (!services::check_eligibility(service->eligibility, parse_date(r.text(3)), requested,
                                     group)) {
      continue;
    }
    services::Referral ref;
    ref.service_id = service_id;
    ref.case_id = r.integer(0);
    ref.person_id = r.integer(1);
    ref.target_group = group;
    ref.requested_on = requested.iso();
    ref.requested_by.id = r.integer(2);
    ref.requested_at = at(requested);
    ref.decision_due_on = services::decision_due(requested).iso();
    ATB_TRY_ASSIGN(id, services::insert_referral(c, ref));
    ATB_TRY(services::decide_referral(c, id, 1, {"waiting", "granted", "", 3, decided.iso()},
                                      supervisor, at(decided)));
    ATB_TRY(
        services::place_referral(c, id, 2, started.iso(), std::nullopt, supervisor, at(started)));
    ++added;
  }
  ATB_TRY_ASSIGN(placed, c.query("SELECT r.id, r.person_id, c.lead_worker_id FROM referral r"
                                 " JOIN case_file c ON c.id = r.case_id WHERE r.service_id = ?"
                                 " AND r.state = 'placed' AND r.start_on <= ? ORDER BY r.id",
                                 params(service_id, add_days(today, -7).iso())));
  std::vector<Client> out;
  for (const storage::Row& r : placed) out.push_back({r.integer(0), r.integer(1), r.integer(2)});
  return out;
}

// One day plan of the route with a stop for each client (time windows an hour apart from 9:00).
Result<std::vector<std::int64_t>> day(storage::Connection& c, std::int64_t service_id,
                                      const Date& on, const char* route, const char* vehicle,
                                      const std::vector<std::int64_t>& crew,
                                      const std::vector<Client>& who) {
  services::DayPlan plan;
  plan.service_id = service_id;
  plan.day = on.iso();
  plan.route = route;
  plan.vehicle = vehicle;
  plan.created_by = crew.front();
  plan.created_at = at(add_days(on, -3));
  for (std::int64_t u : crew) plan.crew.push_back({u, ""});
  ATB_TRY_ASSIGN(plan_id, services::insert_plan(c, plan));
  static const std::vector<std::vector<services::StopItem>> kBring = {
      {{"hot_meal", 1}, {"medicines", 1}}, {{"shopping", 1}}, {{"hygiene", 2}, {"social_work", 1}}};
  std::vector<std::int64_t> stops;
  for (std::size_t n = 0; n < who.size(); ++n) {
    services::MobileStop s;
    s.plan_id = plan_id;
    s.referral_id = who[n].referral;
    s.person_id = who[n].person;
    s.position = static_cast<int>(n) + 1;
    const int hour = 9 + static_cast<int>(n);
    s.window_from = (hour < 10 ? "0" : "") + std::to_string(hour) + ":00";
    s.window_to = (hour + 1 < 10 ? "0" : "") + std::to_string(hour + 1) + ":00";
    ATB_TRY_ASSIGN_TO(s.address, services::registry_address(c, who[n].person));
    s.planned = kBring[n % kBring.size()];
    s.created_at = plan.created_at;
    ATB_TRY_ASSIGN(id, services::insert_stop(c, s, crew.front()));
    stops.push_back(id);
  }
  return stops;
}

// Records the visit of stop `stop` on `on`: visited (and in the delivery log) or not at home.
Result<void> visit(storage::Connection& c, std::int64_t stop, const Client& who, const Date& on,
                   bool home, std::int64_t by) {
  ATB_TRY_ASSIGN(s, services::load_stop(c, stop));
  if (!s) return Error::internal("stop vanished");
  s->outcome = home ? "visited" : "not_home";
  s->recorded_by = by;
  s->recorded_at = on.iso() + "T14:00:00.000Z";
  if (home) {
    s->delivered = s->planned;
    services::Delivery d{0,        who.referral,   on.iso(),
                         1,        true,           services::items_line_lv(s->delivered),
                         {by, ""}, *s->recorded_at};
    ATB_TRY_ASSIGN_TO(s->delivery_id, services::insert_delivery(c, d));
  } else {
    s->outcome_note = "Durvis neatvēra; zvanīsim rīt.";
  }
  ATB_TRY(services::record_visit(c, *s, 1));
  return ok();
}

}  // namespace

Result<int> load_demo_mobile(storage::Connection& c, std::int64_t service_id) {
  ATB_TRY_ASSIGN(users, c.query("SELECT id FROM app_user WHERE username IN ('janis', 'karlis')"
                                " ORDER BY username"));
  if (users.size() < 2) return 0;
  const std::int64_t worker = users[0].integer(0), supervisor = users[1].integer(0);
  ATB_TRY_ASSIGN(who, clients(c, service_id, supervisor));
  if (who.empty()) return 0;
  const Date today = today_riga();
  const char* route = "Grobiņa – Bārta";
  const char* car = "VW Caddy, LM-4127";
  const Date last_week = add_days(today, -7);
  ATB_TRY_ASSIGN(past, day(c, service_id, last_week, route, car, {worker}, who));
  for (std::size_t n = 0; n < past.size(); ++n) {
    ATB_TRY(visit(c, past[n], who[n], last_week, n != 1, worker));
  }
  ATB_TRY_ASSIGN(now, day(c, service_id, today, route, car, {worker, supervisor}, who));
  const std::vector<Client> first(who.begin(), who.begin() + 1);
  ATB_TRY_ASSIGN(next,
                 day(c, service_id, add_days(today, 7), "Nīca – Rucava", car, {worker}, first));
  return static_cast<int>(3 + past.size() * 2 + now.size() + next.size());
}

}  // namespace atb::app
