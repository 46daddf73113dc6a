// Migration 0007 on a database that already has assistance decisions and payments: the rows stay
// (ids, payments' links), the member flags start as "no", and an application may then have a
// second decision (a recalculation). Migration 0014: the explanations move to their own table
// unchanged, and a decision reads with the explanation it had. On both engines.
#include <gtest/gtest.h>

#include "assistance/store.h"
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

// Migrations numbered below `number`.
std::vector<storage::Migration> migrations_before(int number) {
  std::vector<storage::Migration> before;
  for (const storage::Migration& m : storage::embedded_migrations()) {
    if (m.number < number) before.push_back(m);
  }
  return before;
}

// One decided application with two payments, written with the schema of migration 0006, its
// decision explained by `steps` (the stored JSON).
Result<std::int64_t> decided_application(Connection& c, const std::string& steps = "[]") {
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
                              " note, decided_by, decided_at) VALUES (?, 'granted', 12345, '2026-02-01', '2026-04-30', ?, '',"
                              " 0, ?) RETURNING id", params(app, steps, t)));
  for (const char* month : {"2026-02", "2026-03"}) {
    ATB_TRY(c.execute("INSERT INTO assistance_payment (decision_id, month, amount, status, changed_at)"
                      " VALUES (?, ?, 12345, 'planned', ?)", params(dec[0].integer(0), month, t)));
  }
  return app;
}

TEST_P(AssistanceMigration, KeepsDecisionsAndPaymentsAndAllowsASecondDecision) {
  auto db = scratch_.open();
  const auto& all = storage::embedded_migrations();
  ASSERT_TRUE(storage::migrate(*db, migrations_before(7)));
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
    ATB_TRY(c.execute("INSERT INTO assistance_decision (application_id, outcome, amount, period_from, period_to, note,"
                      " decided_by, decided_at, supersedes_id) VALUES (?, 'granted', 1, '2026-03-01', '2026-04-30', '', 0,"
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

TEST_P(AssistanceMigration, KeepsExistingExplanationsInTheirOwnTable) {
  auto db = scratch_.open();
  ASSERT_TRUE(storage::migrate(*db, migrations_before(14)));
  // Two steps with diacritics, a quote and a line break, stored as the code stores them.
  const std::vector<Text> steps = {
      {"Ienākumi mēnesī: 123,45 €; \"trūcīgs\"\nslieksnis", "Income a month: 123.45 €; \"needy\"\nthreshold"},
      {"Pabalsts: 12,34 €.", "Benefit: 12.34 €."}};
  const std::string stored = assistance::steps_text(steps);
  auto app = db->write([&](Connection& c) { return decided_application(c, stored); });
  ASSERT_TRUE(app) << app.error().detail;
  auto applied = storage::migrate(*db, storage::embedded_migrations());
  ASSERT_TRUE(applied) << applied.error().detail;
  auto check = db->write([&](Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(rows, c.query("SELECT d.id, s.steps FROM assistance_decision d"
                                 " JOIN assistance_decision_steps s ON s.decision_id = d.id WHERE d.application_id = ?",
                                 params(*app)));
    EXPECT_EQ(rows.size(), 1u);
    if (rows.empty()) return ok();
    EXPECT_EQ(rows[0].text(1), stored);  // byte for byte
    ATB_TRY_ASSIGN(decision, assistance::load_decision(c, rows[0].integer(0)));
    EXPECT_TRUE(decision.has_value());
    if (!decision) return ok();
    EXPECT_EQ(decision->steps.size(), 2u);
    if (decision->steps.size() != 2) return ok();
    EXPECT_EQ(decision->steps[0].text().lv, steps[0].lv);
    EXPECT_EQ(decision->steps[0].text().en, steps[0].en);
    EXPECT_EQ(decision->steps[1].text().lv, steps[1].lv);
    EXPECT_EQ(decision->amount, 12345);
    return ok();
  });
  ASSERT_TRUE(check) << check.error().detail;
  // The column is gone from the decision row.
  auto old_column = db->read([](Connection& c) { return c.query("SELECT steps FROM assistance_decision"); });
  EXPECT_FALSE(old_column.ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, AssistanceMigration, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
