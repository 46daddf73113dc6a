// The national services generator at a small scale on both engines (services/generator.h): a
// catalogue of every kind with department and partner providers, referrals of case members whose
// states, dates, capacities and waiting lists are consistent with the referral rules and with
// their cases, readable through the API, and a second run that writes nothing.
#include <gtest/gtest.h>

#include <map>

#include "cases/generator.h"
#include "core/sealed_text.h"
#include "registry/generator.h"
#include "services/generator.h"
#include "services/rules.h"
#include "services/store.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

using storage::params;

class ServiceData : public ::testing::TestWithParam<storage::Engine> {
 protected:
  std::int64_t scalar(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql << (rows ? "" : rows.error().detail);
    return rows && !rows->empty() ? (*rows)[0].integer(0) : -1;
  }
  storage::Rows rows(const std::string& sql) {
    auto r = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(r) << sql << (r ? "" : r.error().detail);
    return r ? *r : storage::Rows{};
  }

  /// The demo registry with 2,000 persons and 300 generated cases.
  void generate_cases() {
    registry::GeneratorOptions people;
    people.persons = 2000;
    people.seed = 5;
    ASSERT_TRUE(registry::generate_registry(f_.db(), 1, people));
    cases::CaseGeneratorOptions o;
    o.cases = 300;
    o.seed = 9;
    o.password_hash = "x";
    o.today = kToday;
    auto report = cases::generate_cases(f_.db(), 1, o);
    ASSERT_TRUE(report) << report.error().detail << report.error().message.en;
  }

  const Date kToday{2026, 11, 25};
  AppFixture f_{GetParam()};
};

TEST_P(ServiceData, GeneratedReferralsAreConsistentWithRulesCasesAndCapacity) {
  generate_cases();
  const std::int64_t services_before = scalar("SELECT COUNT(*) FROM service");
  const std::int64_t referrals_before = scalar("SELECT COUNT(*) FROM referral");
  services::ServiceGeneratorOptions o;
  o.seed = 3;
  o.today = kToday;
  auto report = services::generate_services(f_.db(), 1, o);
  ASSERT_TRUE(report) << report.error().detail << report.error().message.en;
  const services::ServiceGeneratorReport& r = *report;
  EXPECT_FALSE(r.already_generated);
  EXPECT_EQ(r.services, 60u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM service") - services_before, 60);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM referral") - referrals_before,
            static_cast<std::int64_t>(r.referrals));
  EXPECT_EQ(r.requested + r.refused + r.waiting + r.placed + r.ended, r.referrals);
  // About one referral per two cases (the demo's cases count too), every state present.
  const std::int64_t cases = scalar("SELECT COUNT(*) FROM case_file");
  EXPECT_GT(static_cast<std::int64_t>(r.referrals) * 10, cases * 4)
      << r.referrals << " of " << cases;
  EXPECT_LT(static_cast<std::int64_t>(r.referrals) * 10, cases * 6)
      << r.referrals << " of " << cases;
  for (std::size_t n :
       {r.requested, r.overdue, r.refused, r.waiting, r.placed, r.ended, r.deliveries})
    EXPECT_GT(n, 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM referral_delivery"),
            static_cast<std::int64_t>(r.deliveries));

  // The catalogue: every kind, providers of both sorts, a contract period only for partners,
  // a project number only for project funding; each passes the catalogue rules.
  const std::string generated = " FROM service s WHERE s.name_lv LIKE '% Nr. %'";
  EXPECT_EQ(scalar("SELECT COUNT(DISTINCT s.kind)" + generated), 11);
  EXPECT_GT(scalar("SELECT COUNT(*)" + generated + " AND s.provider_partner_id IS NOT NULL"), 10);
  EXPECT_GT(scalar("SELECT COUNT(*)" + generated + " AND s.provider_department_id IS NOT NULL"),
            10);
  EXPECT_EQ(scalar("SELECT COUNT(*)" + generated +
                   " AND (s.provider_partner_id IS NULL) <> (s.contract_from IS NULL)"),
            0);
  EXPECT_GE(scalar("SELECT COUNT(*) FROM partner"), 6);
  for (const storage::Row& row : rows("SELECT s.kind, s.capacity, s.capacity_unit" + generated)) {
    if (row.text(0) == "group_apartment") {
      EXPECT_GE(row.integer(1), 8);
      EXPECT_LE(row.integer(1), 16);
    }
    if (row.text(0) == "psychologist") {
      EXPECT_EQ(row.text(2), "hours_per_month");
    }
  }
  auto checked = f_.db().read([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(ids, c.query("SELECT s.id" + generated));
    for (const storage::Row& row : ids) {
      ATB_TRY_ASSIGN(s, services::load_service(c, row.integer(0)));
      EXPECT_TRUE(s && services::check_service(*s)) << row.integer(0);
    }
    return ok();
  });
  EXPECT_TRUE(checked);

  // Placed quantities within the capacity of each service.
  EXPECT_EQ(
      scalar(
          "SELECT COUNT(*) FROM service s WHERE s.capacity < (SELECT COALESCE(SUM(r.quantity), 0)"
          " FROM referral r WHERE r.service_id = s.id AND r.state = 'placed')"),
      0);
  // Each state carries exactly its steps.
  const std::string generated_referrals =
      " FROM referral r JOIN service s ON s.id = r.service_id AND s.name_lv LIKE '% Nr. %'";
  EXPECT_EQ(
      scalar("SELECT COUNT(*)" + generated_referrals +
             " WHERE r.state = 'requested' AND (r.decision IS NOT NULL OR r.decided_by IS NOT NULL"
             " OR r.priority IS NOT NULL OR r.start_on IS NOT NULL OR r.version <> 1)"),
      0);
  EXPECT_EQ(
      scalar("SELECT COUNT(*)" + generated_referrals +
             " WHERE r.state = 'refused' AND (r.decision <> 'refused' OR r.decision_reason IS NULL"
             " OR r.decided_at IS NULL OR r.priority IS NOT NULL OR r.version <> 2)"),
      0);
  EXPECT_EQ(scalar("SELECT COUNT(*)" + generated_referrals +
                   " WHERE r.state = 'waiting' AND (r.decision <> 'granted' OR r.priority IS NULL"
                   " OR r.waiting_since IS NULL OR r.start_on IS NOT NULL OR r.end_on IS NOT NULL "
                   "OR r.version <> 2)"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*)" + generated_referrals +
                   " WHERE r.state = 'placed' AND (r.decision <> 'granted' OR r.priority IS NULL "
                   "OR r.start_on IS NULL"
                   " OR r.placed_by IS NULL OR r.start_on < r.waiting_since OR r.end_on IS NOT "
                   "NULL OR r.version <> 3)"),
            0);
  EXPECT_EQ(
      scalar("SELECT COUNT(*)" + generated_referrals +
             " WHERE r.state = 'ended' AND (r.decision <> 'granted' OR r.end_on IS NULL OR "
             "r.end_reason IS NULL"
             " OR r.end_on < r.waiting_since OR (r.start_on IS NOT NULL AND r.end_on < r.start_on)"
             " OR r.version <> (CASE WHEN r.start_on IS NULL THEN 3 ELSE 4 END))"),
      0);
  // Dates: the decision due a month after the request, steps in order, none after today, all
  // within the case's open period; closed cases hold no active referral.
  EXPECT_EQ(scalar("SELECT COUNT(*)" + generated_referrals +
                   " JOIN case_file c ON c.id = r.case_id WHERE r.requested_on < c.opened_on"
                   " OR r.decided_at < r.requested_at OR r.requested_on > '2026-11-25' OR "
                   "r.start_on > '2026-11-25'"
                   " OR r.end_on > '2026-11-25' OR (c.closed_on IS NOT NULL AND (r.state IN "
                   "('requested', 'waiting', 'placed')"
                   " OR r.end_on > c.closed_on OR r.decided_at > c.closed_on || 'T23:59:59'))"),
            0);
  auto dated = f_.db().read([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(all, c.query("SELECT r.requested_on, r.decision_due_on, p.birth_date, s.id, "
                                "r.target_group, r.state" +
                                generated_referrals + " JOIN person p ON p.id = r.person_id"));
    int overdue = 0;
    for (const storage::Row& row : all) {
      const Date requested = *parse_date(row.text(0));
      EXPECT_EQ(row.text(1), services::decision_due(requested).iso());
      ATB_TRY_ASSIGN(s, services::load_service(c, row.integer(3)));
      EXPECT_TRUE(services::check_eligibility(s->eligibility, parse_date(row.text(2)), requested,
                                              row.opt_text(4)))
          << row.text(2) << " " << s->name_lv;
      overdue += row.text(5) == "requested" && row.text(1) < kToday.iso() ? 1 : 0;
    }
    EXPECT_EQ(overdue, static_cast<int>(r.overdue));
    return ok();
  });
  EXPECT_TRUE(dated);
  // The person is a member of the case; requested by its lead, decided by a supervisor of its team.
  EXPECT_EQ(
      scalar(
          "SELECT COUNT(*)" + generated_referrals +
          " JOIN case_file c ON c.id = r.case_id WHERE r.requested_by <> c.lead_worker_id OR NOT ("
          " r.person_id = c.person_id OR EXISTS (SELECT 1 FROM household_member m WHERE "
          "m.household_id ="
          " c.household_id AND m.person_id = r.person_id AND m.until IS NULL))"),
      0);
  EXPECT_EQ(scalar("SELECT COUNT(*)" + generated_referrals +
                   " JOIN case_file c ON c.id = r.case_id"
                   " WHERE r.decided_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM user_team m JOIN "
                   "user_role u"
                   " ON u.user_id = m.user_id AND u.role = 'supervisor' WHERE m.team_id = "
                   "c.team_id AND m.user_id = r.decided_by)"),
            0);
  // Deliveries only of placements, from their start on.
  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM referral_delivery d JOIN referral r ON r.id = d.referral_id"
             " WHERE r.start_on IS NULL OR d.delivered_on < r.start_on OR (r.end_on IS NOT NULL "
             "AND d.delivered_on > r.end_on)"),
      0);
  // The busiest service has a waiting list longer than its capacity in places.
  EXPECT_EQ(scalar("SELECT MAX(n) FROM (SELECT COUNT(*) AS n" + generated_referrals +
                   " WHERE r.state = 'waiting' GROUP BY r.service_id) w"),
            static_cast<std::int64_t>(r.longest_waiting_list));

  // Through the API: a supervisor's service page (the waiting list in its order) and a case's
  // referrals.
  const std::int64_t busiest = scalar("SELECT r.service_id" + generated_referrals +
                                      " WHERE r.state = 'waiting' GROUP BY r.service_id ORDER BY "
                                      "COUNT(*) DESC, r.service_id LIMIT 1");
  const TestUser sv{scalar("SELECT id FROM app_user WHERE username = 'sv0001'"), "sv0001", "", ""};
  const As as_sv{"", "", f_.token_for(sv)};
  Answer page = f_.call(http::Method::get,
                        "/api/v1/services/" + std::to_string(busiest) + "?waiting_page_size=200", as_sv);
  ASSERT_EQ(page.status, 200) << page.raw;
  const auto& waiting = page.body["waiting"]["items"];
  EXPECT_EQ(page.body["waiting"]["total"], r.longest_waiting_list);
  EXPECT_EQ(waiting.size(), std::min<std::size_t>(r.longest_waiting_list, 200));
  EXPECT_LE(page.body["occupied"].get<int>(), page.body["capacity"].get<int>());
  for (std::size_t n = 1; n < waiting.size(); ++n) {
    const auto& a = waiting[n - 1];
    const auto& b = waiting[n];
    EXPECT_EQ(b["position"].get<int>(), static_cast<int>(n + 1));
    EXPECT_LE(a["priority"].get<int>(), b["priority"].get<int>());
  }
  const std::int64_t with_referrals =
      scalar("SELECT c.id" + generated_referrals +
             " JOIN case_file c ON c.id = r.case_id"
             " WHERE c.lead_worker_id = (SELECT id FROM app_user WHERE username = 'sw0001')"
             " ORDER BY c.id LIMIT 1");
  const TestUser sw{scalar("SELECT id FROM app_user WHERE username = 'sw0001'"), "sw0001", "", ""};
  Answer list =
      f_.call(http::Method::get, "/api/v1/cases/" + std::to_string(with_referrals) + "/referrals",
              As{"", "", f_.token_for(sw)});
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_GE(list.body["total"].get<int>(), 1);

  // A second run writes nothing.
  const std::int64_t all_referrals = scalar("SELECT COUNT(*) FROM referral");
  auto again = services::generate_services(f_.db(), 1, o);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_generated);
  EXPECT_EQ(again->referrals, 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM referral"), all_referrals);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM service"), services_before + 60);
}

TEST_P(ServiceData, RefusesWithoutCases) {
  auto report = services::generate_services(f_.db(), 1, {});
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, Errc::conflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM service WHERE name_lv LIKE '% Nr. %'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ServiceData, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
