#include "app/demo_services.h"

#include <functional>

#include "app/demo_housing.h"
#include "app/demo_mentors.h"
#include "app/demo_mobile.h"
#include "core/time.h"
#include "services/rules.h"
#include "services/store.h"

namespace atb::app {
namespace {

using services::Service;
using storage::params;

// A member of an open demo case, who may be referred.
struct Candidate {
  std::int64_t case_id = 0, person_id = 0, lead = 0, supervisor = 0;
  std::string team;
  Date birth;
  int age = 0;
  bool used = false;
};

Service service(std::int64_t m, std::int64_t dep, const char* lv, const char* en, const char* kind,
                int capacity, const char* capacity_unit, const char* unit, std::int64_t price,
                services::Eligibility e) {
  Service s;
  s.municipality_id = m;
  s.name_lv = lv;
  s.name_en = en;
  s.kind = kind;
  s.provider_department_id = dep;
  s.capacity = capacity;
  s.capacity_unit = capacity_unit;
  s.unit = unit;
  s.price_cents = price;
  s.eligibility = std::move(e);
  return s;
}

// The members of the open demo cases in planning or implementation, families' first.
Result<std::vector<Candidate>> candidates(storage::Connection& c, std::int64_t m) {
  const char* from =
      " FROM case_file c JOIN team t ON t.id = c.team_id"
      " LEFT JOIN user_team ut ON ut.team_id = c.team_id AND ut.user_id IN (SELECT user_id FROM "
      "user_role WHERE role = 'supervisor')";
  ATB_TRY_ASSIGN(
      rows,
      c.query(
          std::string(
              "SELECT c.id, p.id, p.birth_date, c.lead_worker_id, MIN(ut.user_id), t.code") +
              from +
              " JOIN household_member hm ON hm.household_id = c.household_id AND hm.until IS NULL"
              " JOIN person p ON p.id = hm.person_id"
              " WHERE c.municipality_id = ? AND c.stage IN ('plan', 'implementation', 'review')"
              " GROUP BY c.id, p.id, p.birth_date, c.lead_worker_id, t.code"
              " UNION ALL SELECT c.id, p.id, p.birth_date, c.lead_worker_id, MIN(ut.user_id), "
              "t.code" +
              from +
              " JOIN person p ON p.id = c.person_id"
              " WHERE c.municipality_id = ? AND c.stage IN ('plan', 'implementation', 'review')"
              " GROUP BY c.id, p.id, p.birth_date, c.lead_worker_id, t.code"
              " ORDER BY 6 DESC, 1, 2",
          params(m, m)));
  std::vector<Candidate> out;
  const Date today = today_riga();
  for (const storage::Row& r : rows) {
    const auto birth = parse_date(r.text(2));
    if (!birth || r.is_null(4)) continue;
    out.push_back({r.integer(0), r.integer(1), r.integer(3), r.integer(4), r.text(5), *birth,
                   age_on(*birth, today)});
  }
  return out;
}

// What happens to one demo referral, `days` days after its request (which was `ago` days ago).
struct Plan {
  const Service* service;
  std::function<bool(const Candidate&)> who;
  std::optional<std::string> target_group;
  std::string until;  ///< requested | refused | waiting | placed | ended
  int ago = 30;
  int quantity = 1;
  int priority = 3;
  int deliveries = 0;
};

std::string iso_days_ago(int days) {
  return add_days(today_riga(), -days).iso();
}
std::string at_days_ago(int days) {
  return iso_days_ago(days) + "T09:00:00.000Z";
}

// Makes one referral go as far as its plan says; false when nobody fits.
Result<bool> make(storage::Connection& c, std::vector<Candidate>& people, const Plan& plan) {
  const Date requested = add_days(today_riga(), -plan.ago);
  Candidate* who = nullptr;
  for (Candidate& p : people) {
    if (!p.used && plan.who(p) &&
        services::check_eligibility(plan.service->eligibility, p.birth, requested,
                                    plan.target_group)) {
      who = &p;
      break;
    }
  }
  if (!who) return false;
  who->used = true;
  services::Referral r;
  r.service_id = plan.service->id;
  r.case_id = who->case_id;
  r.person_id = who->person_id;
  r.target_group = plan.target_group;
  r.quantity = plan.quantity;
  r.requested_on = requested.iso();
  r.requested_by.id = who->lead;
  r.requested_at = at_days_ago(plan.ago);
  r.decision_due_on = services::decision_due(requested).iso();
  ATB_TRY_ASSIGN(id, services::insert_referral(c, r));
  if (plan.until == "requested") return true;
  const int decided = plan.ago - 7;
  services::DecisionChange d{"waiting", "granted", "", plan.priority, iso_days_ago(decided)};
  if (plan.until == "refused")
    d = {"refused", "refused", "Persona jau saņem līdzvērtīgu pakalpojumu.", std::nullopt,
         std::nullopt};
  ATB_TRY(services::decide_referral(c, id, 1, d, who->supervisor, at_days_ago(decided)));
  if (plan.until == "refused" || plan.until == "waiting") return true;
  const int started = decided - 3;
  ATB_TRY(services::place_referral(c, id, 2, iso_days_ago(started), std::nullopt, who->supervisor,
                                   at_days_ago(started)));
  for (int n = 0; n < plan.deliveries; ++n) {
    const int on = started - 7 * (n + 1);
    if (on < 0) break;
    services::Delivery log{
        0,
        id,
        iso_days_ago(on),
        plan.quantity == 1 ? 1 : 2,
        n % 4 != 3,
        n % 4 == 3 ? std::optional<std::string>("Neieradās, zvanīja atteikt") : std::nullopt,
        {who->lead, ""},
        at_days_ago(on)};
    ATB_TRY(services::insert_delivery(c, log));
  }
  if (plan.until == "ended") {
    ATB_TRY(services::end_referral(c, id, 3, iso_days_ago(2), "Mērķi sasniegti", who->lead,
                                   at_days_ago(2)));
  }
  return true;
}

}  // namespace

Result<DemoCount> load_demo_services(storage::Database& db) {
  return db.write([&](storage::Connection& c) -> Result<DemoCount> {
    ATB_TRY_ASSIGN(mun, c.query("SELECT id FROM municipality WHERE code = 'liepaja'"));
    if (mun.empty()) return DemoCount{};
    const std::int64_t m = mun[0].integer(0);
    ATB_TRY_ASSIGN(existing,
                   c.query("SELECT COUNT(*) FROM service WHERE municipality_id = ?", params(m)));
    if (existing[0].integer(0) > 0) return DemoCount{0, static_cast<int>(existing[0].integer(0))};
    ATB_TRY_ASSIGN(
        dep, c.query("SELECT id FROM department WHERE municipality_id = ? AND code = 'services'",
                     params(m)));
    if (dep.empty()) return DemoCount{};
    const std::int64_t d = dep[0].integer(0);

    std::vector<Service> catalogue = {
        service(m, d, "Mentora pakalpojums jauniešiem", "Mentor for young people", "mentor", 10,
                "places", "hour", 1200, {13, 25, {"youth_at_risk"}}),
        service(m, d, "Grupu dzīvoklis “Cerība”", "Group apartment Cerība", "group_apartment", 2,
                "places", "day", 1850, {18, std::nullopt, {"mental_disorder"}}),
        service(m, d, "Psihologa konsultācijas", "Psychologist consultations", "psychologist", 40,
                "visits_per_month", "session", 3000, {}),
        service(m, d, "Mobilais sociālais dienests", "Mobile social service", "mobile_service", 120,
                "visits_per_month", "visit", 1500, {18, std::nullopt, {"seniors", "disability"}}),
        service(m, d, "Jauniešu centrs “Kurzeme”", "Youth centre Kurzeme", "youth_centre", 30,
                "places", "session", 0, {3, 25, {"children", "youth_at_risk"}}),
    };
    catalogue[0].funding = "project";
    catalogue[0].project_number = "9.2.2.1/15/I/001";
    catalogue[2].funding = "state";
    const std::string now = now_utc_iso();
    for (Service& s : catalogue) {
      ATB_TRY(services::check_service(s));
      ATB_TRY_ASSIGN_TO(s.id, services::insert_service(c, s, now));
    }
    ATB_TRY_ASSIGN(people, candidates(c, m));
    auto adult = [](const Candidate& p) { return p.age >= 18 && p.age < 65; };
    auto families_adult = [](const Candidate& p) { return p.team == "families" && p.age >= 18; };
    auto child = [](const Candidate& p) { return p.age >= 3 && p.age < 13; };
    auto youth = [](const Candidate& p) { return p.age >= 13 && p.age <= 25; };
    auto senior = [](const Candidate& p) { return p.age >= 65; };
    const std::vector<Plan> plans = {
        // The group apartment is full: two placed (families' cases), one waiting, one overdue.
        {&catalogue[1], families_adult, "mental_disorder", "placed", 200, 1, 3, 0},
        {&catalogue[1], families_adult, "mental_disorder", "placed", 90, 1, 3, 0},
        {&catalogue[1], adult, "mental_disorder", "waiting", 30, 1, 2, 0},
        {&catalogue[1], adult, "mental_disorder", "requested", 40},
        {&catalogue[4], child, "children", "placed", 60, 1, 3, 6},
        {&catalogue[4], child, "children", "requested", 5},
        {&catalogue[0], youth, "youth_at_risk", "placed", 120, 1, 3, 12},
        {&catalogue[0], youth, "youth_at_risk", "ended", 300, 1, 3, 20},
        {&catalogue[2], adult, std::nullopt, "placed", 50, 4, 3, 5},
        {&catalogue[2], adult, std::nullopt, "refused", 20},
        {&catalogue[3], senior, "seniors", "placed", 70, 8, 3, 8},
        {&catalogue[3], senior, "seniors", "requested", 3},
    };
    int made = static_cast<int>(catalogue.size());
    for (const Plan& plan : plans) {
      ATB_TRY_ASSIGN(done, make(c, people, plan));
      made += done ? 1 : 0;
    }
    ATB_TRY_ASSIGN(housing, load_demo_housing(c, catalogue[1].id));
    made += housing;
    ATB_TRY_ASSIGN(mentors, load_demo_mentors(c, catalogue[0].id)); made += mentors;
    ATB_TRY_ASSIGN(mobile, load_demo_mobile(c, catalogue[3].id)); made += mobile;
    return DemoCount{made, 0};
  });
}

}  // namespace atb::app
