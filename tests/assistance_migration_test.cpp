// Migration 0007 on a database that already has assistance decisions and payments: the rows stay
// (ids, payments' links), the member flags start as "no", and an application may then have a
// second decision (a recalculation). On both engines.
#include <gtest/gtest.h>

#include "storage/migrations.h"
#include "support/databases.h"

namespace atb {
namespace {

using storage::Connection;
using storage::params;

class AssistanceMigration : public ::testing::TestWithParam<storage::Engine> {
 protected:
  test::ScratchDatabase scratch_{GetParam()};
};

// One decided application with two payments, written with the schema of migration 0006.
Result<std::int64_t> decided_application(Connection& c) {
  const std::string t = "2026-01-01T00:00:00.000Z";
  ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('x', 'X', ?) RETURNING id", params(t)));
  const std::int64_t mid = m[0].integer(0);
  ATB_TRY_ASSIGN(d, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en) VALUES (?, 'assistance', 'a', 'a')"
                            " RETURNING id", params(mid)));
  ATB_TRY_ASSIGN(team, c.query("INSERT INTO team (department_id, code, name_lv, name_en) VALUES (?, 'b', 'b', 'b') RETURNING id",
                               params(d[0].integer(0))));
  ATB_TRY_ASSIGN(p, c.query("INSERT INTO person (municipality_id, version, given_names, surname, birth_date, sort_key, created_at,"
                            " updated_at) VALUES (?, 1, 'Anna', 'Bērziņa', '1990-01-01', 'berzina anna', ?, ?) RETURNING id",
                            params(mid, t, t)));
  ATB_TRY_ASSIGN(h, c.query("INSERT INTO household (municipality_id, version, name, created_at, updated_at) VALUES (?, 1, 'H', ?, ?)"
                            " RETURNING id", params(mid, t, t)));
  ATB_TRY_ASSIGN(a, c.query("INSERT INTO assistance_application (municipality_id, version, kind, status, household_id, applicant_id,"
                            " application_month, team_id, department_id, created_by, created_at, updated_at)"
                            " VALUES (?, 3, 'gmi', 'decided', ?, ?, '2026-01', ?, ?, 0, ?, ?) RETURNING id",
                            params(mid, h[0].integer(0), p[0].integer(0), team[0].integer(0), d[0].integer(0), t, t)));
  const std::int64_t app = a[0].integer(0);
  ATB_TRY(c.execute("INSERT INTO assistance_member (application_id, person_id, able_to_work, pensioner, disability)"
                    " VALUES (?, ?, 1, 0, 0)", params(app, p[0].integer(0))));
  ATB_TRY_ASSIGN(dec, c.query("INSERT INTO assistance_decision (application_id, outcome, amount, period_from, period_to, steps,"
                              " note, decided_by, decided_at) VALUES (?, 'granted', 12345, '2026-02-01', '2026-04-30', '[]', '',"
                              " 0, ?) RETURNING id", params(app, t)));
  for (const char* month : {"2026-02", "2026-03"}) {
    ATB_TRY(c.execute("INSERT INTO assistance_payment (decision_id, month, amount, status, changed_at)"
                      " VALUES (?, ?, 12345, 'planned', ?)", params(dec[0].integer(0), month, t)));
  }
  return app;
}

TEST_P(AssistanceMigration, KeepsDecisionsAndPaymentsAndAllowsASecondDecision) {
  auto db = scratch_.open();
  const auto& all = storage::embedded_migrations();
  std::vector<storage::Migration> before;
  for (const storage::Migration& m : all) {
    if (m.number < 7) before.push_back(m);
  }
  ASSERT_TRUE(storage::migrate(*db, before));
  auto app = db->write([](Connection& c) { return decided_application(c); });
  ASSERT_TRUE(app) << app.error().detail;
  auto applied = storage::migrate(*db, all);
  ASSERT_TRUE(applied) << applied.error().detail;
  auto check = db->write([&](Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(rows, c.query("SELECT d.id, d.amount, COUNT(p.id), MIN(d.supersedes_id) FROM assistance_decision d"
                                 " JOIN assistance_payment p ON p.decision_id = d.id WHERE d.application_id = ? GROUP BY d.id, d.amount",
                                 params(*app)));
    EXPECT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].integer(1), 12345);
    EXPECT_EQ(rows[0].integer(2), 2);
    EXPECT_TRUE(rows[0].is_null(3));
    ATB_TRY_ASSIGN(flags, c.query("SELECT owns_property, has_savings FROM assistance_member WHERE application_id = ?", params(*app)));
    EXPECT_EQ(flags[0].integer(0), 0);
    EXPECT_EQ(flags[0].integer(1), 0);
    // A second decision of the same application, pointing at the first.
    ATB_TRY(c.execute("INSERT INTO assistance_decision (application_id, outcome, amount, period_from, period_to, steps, note,"
                      " decided_by, decided_at, supersedes_id) VALUES (?, 'granted', 1, '2026-03-01', '2026-04-30', '[]', '', 0,"
                      " 'x', ?)", params(*app, rows[0].integer(0))));
    // New ids follow the kept ones.
    ATB_TRY_ASSIGN(ids, c.query("SELECT MAX(id) FROM assistance_decision"));
    EXPECT_EQ(ids[0].integer(0), rows[0].integer(0) + 1);
    return ok();
  });
  ASSERT_TRUE(check) << check.error().detail;
  // Payments still refuse a decision that does not exist.
  auto orphan = db->write([](Connection& c) {
    return c.execute("INSERT INTO assistance_payment (decision_id, month, amount, status, changed_at)"
                     " VALUES (999999, '2026-05', 1, 'planned', 'x')");
  });
  EXPECT_FALSE(orphan.ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, AssistanceMigration, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
