// The case and intake access rules exist twice — case_access()/intake_access() for one record
// and case_visible_sql()/intake_visible_sql() for lists — and both must agree for every role,
// team, lead worker, co-worker and municipality.
#include <gtest/gtest.h>

#include <map>

#include "access/record_scope.h"
#include "cases/case_store.h"
#include "cases/intake_store.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

using access::Role;

class CasePolicy : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    lead_ = f_.user("p.lead", {Role::social_worker}, {"families"}).id;
    other_ = f_.user("p.other", {Role::social_worker}, {"adults"}).id;
    auto rows = f_.db().write([](storage::Connection& c) -> Result<storage::Rows> {
      ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('valka', 'Valkas novads',"
                                " '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY_ASSIGN(d, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en) VALUES (?, 'social_work',"
                                " 'Sociālā darba daļa', 'Social work') RETURNING id",
                                storage::params(m[0].integer(0))));
      ATB_TRY(c.execute("INSERT INTO team (department_id, code, name_lv, name_en) VALUES (?, 'valka', 'Valka', 'Valka')",
                        storage::params(d[0].integer(0))));
      return c.query("SELECT t.code, t.id, t.department_id, d.municipality_id FROM team t"
                     " JOIN department d ON d.id = t.department_id");
    });
    ASSERT_TRUE(rows);
    for (const storage::Row& r : *rows) teams_[r.text(0)] = {r.integer(3), r.integer(2), r.integer(1)};
  }

  std::int64_t add_case(const std::string& team, std::int64_t lead, std::vector<std::int64_t> co_workers) {
    auto id = f_.db().write([&](storage::Connection& c) -> Result<std::int64_t> {
      cases::CaseFile k;
      k.municipality_id = teams_[team].municipality_id;
      k.department_id = teams_[team].department_id;
      k.team_id = teams_[team].team_id;
      k.lead_worker_id = lead;
      k.co_worker_ids = std::move(co_workers);
      k.opened_on = "2026-01-01";
      return cases::insert_case(c, k, "policy", lead, "2026-01-01T00:00:00.000Z");
    });
    EXPECT_TRUE(id) << (id ? "" : id.error().detail);
    return id ? *id : 0;
  }

  std::int64_t add_intake(const std::string& team) {
    auto id = f_.db().write([&](storage::Connection& c) -> Result<std::int64_t> {
      cases::Intake i;
      i.reference = "P-TEST-" + team;
      i.municipality_id = teams_[team].municipality_id;
      i.department_id = teams_[team].department_id;
      i.team_id = teams_[team].team_id;
      i.channel = "phone";
      i.urgency = "routine";
      i.concern = "policy";
      i.received_at = i.created_at = "2026-01-01T00:00:00.000Z";
      i.first_contact_due_on = "2026-01-15";
      return cases::insert_intake(c, i);
    });
    EXPECT_TRUE(id) << (id ? "" : id.error().detail);
    return id ? *id : 0;
  }

  access::Principal principal(std::int64_t user_id, std::vector<Role> roles, const std::vector<std::string>& teams) {
    access::Principal p;
    p.user_id = user_id;
    p.municipality_id = 1;
    p.roles = std::move(roles);
    for (const std::string& t : teams) {
      p.team_ids.push_back(teams_[t].team_id);
      p.department_ids.push_back(teams_[t].department_id);
    }
    return p;
  }

  std::vector<access::Principal> callers() {
    return {principal(lead_, {Role::social_worker}, {"families"}),
            principal(other_, {Role::social_worker}, {"adults"}),
            principal(99, {Role::social_worker}, {"families"}),
            principal(99, {Role::supervisor}, {"families"}),
            principal(99, {Role::supervisor}, {"adults", "services"}),
            principal(99, {Role::department_head}, {"families"}),
            principal(99, {Role::director}, {}),
            principal(99, {Role::benefits_officer}, {"benefits"}),
            principal(99, {Role::partner}, {}),
            principal(99, {Role::admin}, {}),
            principal(99, {Role::auditor}, {}),
            principal(lead_, {Role::social_worker, Role::benefits_officer}, {"benefits"})};
  }

  struct Where {
    std::int64_t municipality_id = 0, department_id = 0, team_id = 0;
  };
  test::AppFixture f_{GetParam()};
  std::map<std::string, Where> teams_;
  std::int64_t lead_ = 0, other_ = 0;
};

TEST_P(CasePolicy, CaseSqlAndRecordRuleAgree) {
  const std::vector<std::int64_t> ids = {add_case("families", lead_, {}), add_case("adults", other_, {lead_}),
                                         add_case("services", other_, {}), add_case("valka", other_, {}),
                                         add_case("adults", other_, {})};
  int visible = 0, hidden = 0;
  for (const access::Principal& p : callers()) {
    for (std::int64_t id : ids) {
      auto verdict = f_.db().read([&](storage::Connection& c) -> Result<std::pair<bool, access::Access>> {
        ATB_TRY_ASSIGN(rows, c.query("SELECT CASE WHEN " + access::case_visible_sql(p, "c") +
                                         " THEN 1 ELSE 0 END FROM case_file c WHERE c.id = ?",
                                     storage::params(id)));
        ATB_TRY_ASSIGN(k, cases::load_case(c, id));
        const access::CaseScope scope{k->municipality_id, k->department_id, k->team_id, k->lead_worker_id, k->co_worker_ids};
        return std::pair{rows[0].integer(0) == 1, access::case_access(p, scope)};
      });
      ASSERT_TRUE(verdict);
      EXPECT_EQ(verdict->first, verdict->second != access::Access::none) << p.roles_text() << " user " << p.user_id
                                                                         << " on case " << id;
      (verdict->first ? visible : hidden) += 1;
    }
  }
  EXPECT_GT(visible, 10);
  EXPECT_GT(hidden, 10);
}

TEST_P(CasePolicy, IntakeSqlAndRecordRuleAgree) {
  std::vector<std::int64_t> ids;
  for (const char* team : {"families", "adults", "services", "benefits", "valka"}) ids.push_back(add_intake(team));
  int visible = 0, hidden = 0;
  for (const access::Principal& p : callers()) {
    for (std::int64_t id : ids) {
      auto verdict = f_.db().read([&](storage::Connection& c) -> Result<std::pair<bool, access::Access>> {
        ATB_TRY_ASSIGN(rows, c.query("SELECT CASE WHEN " + access::intake_visible_sql(p, "i") +
                                         " THEN 1 ELSE 0 END FROM intake i WHERE i.id = ?",
                                     storage::params(id)));
        ATB_TRY_ASSIGN(i, cases::load_intake(c, id));
        return std::pair{rows[0].integer(0) == 1,
                         access::intake_access(p, {i->municipality_id, i->department_id, i->team_id})};
      });
      ASSERT_TRUE(verdict);
      EXPECT_EQ(verdict->first, verdict->second != access::Access::none) << p.roles_text() << " on intake " << id;
      (verdict->first ? visible : hidden) += 1;
    }
  }
  EXPECT_GT(visible, 5);
  EXPECT_GT(hidden, 10);
}

TEST(CaseAccess, WhoMayDoWhat) {
  access::Principal worker;
  worker.user_id = 7;
  worker.municipality_id = 1;
  worker.roles = {Role::social_worker};
  worker.team_ids = {10};
  worker.department_ids = {3};
  const access::CaseScope mine{1, 3, 10, 7, {}};
  const access::CaseScope colleagues{1, 3, 10, 8, {}};
  const access::CaseScope co_worked{1, 4, 20, 8, {7}};
  EXPECT_EQ(access::case_access(worker, mine), access::Access::change);
  EXPECT_EQ(access::case_access(worker, colleagues), access::Access::read);
  EXPECT_EQ(access::case_access(worker, co_worked), access::Access::change);
  EXPECT_TRUE(access::may_request_closure(worker, mine));
  EXPECT_FALSE(access::may_request_closure(worker, colleagues));
  EXPECT_FALSE(access::may_decide_closure(worker, mine));
  access::Principal supervisor = worker;
  supervisor.roles = {Role::supervisor};
  EXPECT_TRUE(access::may_decide_closure(supervisor, mine));
  EXPECT_FALSE(access::may_decide_closure(supervisor, co_worked));
  access::Principal head = worker;
  head.roles = {Role::department_head};
  EXPECT_EQ(access::case_access(head, mine), access::Access::change);
  EXPECT_FALSE(access::may_decide_closure(head, mine));
  for (Role r : {Role::benefits_officer, Role::partner, Role::admin, Role::auditor}) {
    access::Principal p = worker;
    p.user_id = 99;
    p.roles = {r};
    EXPECT_EQ(access::case_access(p, mine), access::Access::none) << access::role_name(r);
    EXPECT_EQ(access::intake_access(p, {1, 3, 10}), access::Access::none) << access::role_name(r);
  }
  access::Principal director = worker;
  director.roles = {Role::director};
  director.team_ids.clear();
  EXPECT_EQ(access::intake_access(director, {1, 3, 10}), access::Access::read);
  EXPECT_FALSE(access::may_see_reporter(director, {1, 3, 10}));
  EXPECT_TRUE(access::may_see_reporter(worker, {1, 3, 10}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CasePolicy, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
