// The registry's access rule exists twice — registry_access() for one record and
// registry_visible_sql() for lists — and both must say the same for every role and scope.
#include <gtest/gtest.h>

#include <map>

#include "access/record_scope.h"
#include "registry/person_store.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

using access::Role;

class RegistryPolicy : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    auto rows = f_.db().read([](storage::Connection& c) { return c.query("SELECT code, id, department_id FROM team"); });
    ASSERT_TRUE(rows);
    for (const storage::Row& r : *rows) teams_[r.text(0)] = {r.integer(1), r.integer(2)};
  }

  // A person registered in the given teams (of municipality 1 unless `other`).
  std::int64_t person(const std::vector<std::string>& team_codes, bool other = false) {
    auto id = f_.db().write([&](storage::Connection& c) -> Result<std::int64_t> {
      std::int64_t m = 1;
      if (other) {
        ATB_TRY_ASSIGN(r, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('valka', 'Valkas novads',"
                                  " '2026-01-01T00:00:00.000Z') RETURNING id"));
        m = r[0].integer(0);
      }
      registry::PersonDraft d;
      d.given_names = "Politika";
      d.surname = "Tabula";
      d.birth_date = "1970-01-01";
      ATB_TRY_ASSIGN(id, registry::insert_person(c, m, d, 0, "2026-01-01T00:00:00.000Z"));
      for (const std::string& t : team_codes) {
        ATB_TRY(registry::add_registration(c, access::kPersonTables, id,
                                           {teams_[t].second, teams_[t].first, "2026-01-01", "visit", 0}, "2026-01-01T00:00:00.000Z"));
      }
      return id;
    });
    EXPECT_TRUE(id);
    return *id;
  }

  access::Principal principal(std::vector<Role> roles, const std::vector<std::string>& team_codes) {
    access::Principal p;
    p.user_id = 99;
    p.municipality_id = 1;
    p.roles = std::move(roles);
    for (const std::string& t : team_codes) {
      p.team_ids.push_back(teams_[t].first);
      p.department_ids.push_back(teams_[t].second);
    }
    return p;
  }

  AppFixture f_{GetParam()};
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> teams_;
};

TEST_P(RegistryPolicy, SqlAndRecordRuleAgree) {
  const std::vector<std::vector<std::string>> registrations = {
      {}, {"families"}, {"adults"}, {"benefits"}, {"services"}, {"families", "benefits"}};
  std::vector<std::int64_t> ids;
  for (const auto& r : registrations) ids.push_back(person(r));
  ids.push_back(person({"families"}, true));
  const std::vector<access::Principal> callers = {
      principal({Role::social_worker}, {"families"}),   principal({Role::social_worker}, {"adults"}),
      principal({Role::supervisor}, {"families", "adults"}), principal({Role::department_head}, {"families"}),
      principal({Role::director}, {}),                    principal({Role::benefits_officer}, {"benefits"}),
      principal({Role::partner}, {}),                     principal({Role::admin}, {}),
      principal({Role::auditor}, {}),                     principal({Role::social_worker, Role::benefits_officer}, {"families"}),
  };
  int visible_somewhere = 0;
  for (const access::Principal& p : callers) {
    for (std::int64_t id : ids) {
      auto verdict = f_.db().read([&](storage::Connection& c) -> Result<std::pair<bool, access::Access>> {
        const std::string sql = "SELECT CASE WHEN " +
                                access::registry_visible_sql(p, access::kPersonTables, "p.id", "p.municipality_id") +
                                " THEN 1 ELSE 0 END FROM person p WHERE p.id = ?";
        ATB_TRY_ASSIGN(rows, c.query(sql, storage::params(id)));
        ATB_TRY_ASSIGN(scope, registry::load_scope(c, access::kPersonTables, id));
        return std::pair{rows[0].integer(0) == 1, access::registry_access(p, *scope)};
      });
      ASSERT_TRUE(verdict);
      EXPECT_EQ(verdict->first, verdict->second != access::Access::none)
          << p.roles_text() << " on person " << id;
      visible_somewhere += verdict->first;
    }
  }
  EXPECT_GT(visible_somewhere, 10);  // the table exercises both answers
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryPolicy, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
