// The national data's assistance records: generated on top of a generated registry, decided by
// the real rules, consistent with what the API shows; and their bulk recalculation.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <utility>
#include <vector>

#include "app/registry_commands.h"
#include "assistance/bulk_recalc.h"
#include "assistance/config_store.h"
#include "assistance/generator.h"
#include "assistance/periods.h"
#include "assistance/store.h"
#include "core/time.h"
#include "registry/generator.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

class AssistanceGenerator : public ::testing::TestWithParam<storage::Engine> {
 protected:
  std::int64_t scalar(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].integer(0) : -1;
  }
  AppFixture f_{GetParam()};
};

TEST_P(AssistanceGenerator, ApplicationsAreDecidedByTheRules) {
  registry::GeneratorOptions people;
  people.persons = 400;
  people.seed = 7;
  ASSERT_TRUE(registry::generate_registry(f_.db(), 1, people));
  assistance::GeneratorOptions options;
  options.share = 0.5;
  options.seed = 3;
  options.today = Date{2026, 11, 25};
  auto report = assistance::generate_assistance(f_.db(), 1, options);
  ASSERT_TRUE(report) << report.error().detail << report.error().message.en;
  EXPECT_GT(report->applications, 30u);
  EXPECT_GT(report->decided, 10u);
  EXPECT_GT(report->granted, 0u);
  // The demo's own draft application is the one more.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_application") - 1, static_cast<std::int64_t>(report->applications));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision"), static_cast<std::int64_t>(report->decided));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_payment"), static_cast<std::int64_t>(report->payments));
  // Every payment is the decision's monthly amount, and only granted benefits are paid.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_payment p JOIN assistance_decision d ON d.id = p.decision_id"
                   " WHERE p.amount <> d.amount OR d.outcome <> 'granted'"),
            0);
  // Decided applications are decided; every adult declared income for the three months.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision d JOIN assistance_application a ON a.id = d.application_id"
                   " WHERE a.status <> 'decided'"),
            0);
  // The same seed on a second run adds nothing for households that already applied.
  auto again = assistance::generate_assistance(f_.db(), 1, options);
  ASSERT_TRUE(again);
  EXPECT_LT(again->applications, report->applications);
}

TEST_P(AssistanceGenerator, TheDemoRegistryComesWithApplicationsDecisionsAndPayments) {
  // `atbalsts demo --persons 1500`: the registry, then the assistance records of its households.
  app::DemoRegistryOptions options;
  options.persons = 1500;
  options.seed = 5;
  std::ostringstream out, err;
  ASSERT_EQ(app::demo_registry(f_.db(), options, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("Assistance: "), std::string::npos) << out.str();
  const std::int64_t applications = scalar("SELECT COUNT(*) FROM assistance_application") - 1;  // the demo's draft
  EXPECT_GT(applications, 10);
  EXPECT_NE(out.str().find(std::to_string(applications) + " applications"), std::string::npos) << out.str();
  EXPECT_GT(scalar("SELECT COUNT(*) FROM assistance_decision"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM assistance_decision WHERE outcome = 'granted'"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM assistance_payment"), 0);
  // A second run finds the persons there and generates nothing, assistance included.
  std::ostringstream again_out, again_err;
  ASSERT_EQ(app::demo_registry(f_.db(), options, again_out, again_err), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_application") - 1, applications);
}

// Generated records with granted decisions in force this month and a new, higher national row
// from this month: what a bulk recalculation starts from. Returns the month's first day and the
// decisions in force.
std::pair<Date, std::int64_t> threshold_change(AppFixture& f, const std::function<std::int64_t(const std::string&)>& scalar) {
  registry::GeneratorOptions people;
  people.persons = 600;
  people.seed = 9;
  EXPECT_TRUE(registry::generate_registry(f.db(), 1, people));
  const Date today = today_riga();
  assistance::GeneratorOptions options;
  options.share = 0.6;
  options.seed = 4;
  options.today = today;
  EXPECT_TRUE(assistance::generate_assistance(f.db(), 1, options));
  const Date month{today.year, today.month, 1};
  const std::string day = month.iso();
  const std::int64_t in_force = scalar("SELECT COUNT(*) FROM assistance_decision WHERE outcome = 'granted' AND period_from <= '" +
                                       day + "' AND period_to >= '" + day + "'");
  auto added = f.db().write([&](storage::Connection& c) {
    return assistance::insert_threshold(c, {month, 25000, 17500, 50000, 35000, 80000, 56000}, 0, now_utc_iso());
  });
  EXPECT_TRUE(added) << added.error().detail;
  return {month, in_force};
}

// What a recalculation from `month` with `reason` must have written for each of the `changed`
// decisions it superseded, and the audit entry of the run.
void expect_superseded(const std::function<std::int64_t(const std::string&)>& scalar, const Date& month,
                       const std::string& reason, std::int64_t changed) {
  const std::string day = month.iso(), ym = assistance::month_of(month);
  // Each new decision starts this month, ends with the old one and names it (its compact
  // recalculation step's first argument: explanation_json.h); the old one points
  // back; its payments from this month are superseded, the new ones pay the new amount.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision n JOIN assistance_decision o ON o.id = n.supersedes_id"
                   " WHERE n.period_from = '" + day + "' AND n.period_to = o.period_to AND o.superseded_by_id = n.id"
                   " AND o.superseded_from = '" + ym + "' AND n.recalculation_reason = '" + reason + "'"
                   " AND (SELECT s.steps FROM assistance_decision_steps s WHERE s.decision_id = n.id)"
                   " LIKE '%{\"k\":\"recalculation_%\",\"a\":[' || o.id || ',%'"),
            changed);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_payment p JOIN assistance_decision o ON o.id = p.decision_id"
                   " WHERE o.superseded_by_id IS NOT NULL AND p.month >= '" + ym + "' AND p.status <> 'superseded'"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_payment p JOIN assistance_decision n ON n.id = p.decision_id"
                   " WHERE n.supersedes_id IS NOT NULL AND (p.amount <> n.amount OR p.month < '" + ym + "')"),
            0);
  // Every month of a new granted benefit is paid once; every explanation is stored compact.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision n WHERE n.supersedes_id IS NOT NULL AND n.outcome = 'granted'"
                   " AND n.amount > 0 AND (SELECT COUNT(*) FROM assistance_payment p WHERE p.decision_id = n.id) = 0"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision d LEFT JOIN assistance_decision_steps s ON s.decision_id = d.id"
                   " WHERE s.steps IS NULL OR s.steps NOT LIKE '{\"v\":2,\"steps\":[{\"k\":%'"),
            0);
  // Higher thresholds: no GMI or housing benefit goes down.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision n JOIN assistance_decision o ON o.id = n.supersedes_id"
                   " JOIN assistance_application a ON a.id = n.application_id"
                   " WHERE a.kind IN ('gmi', 'housing') AND n.amount < o.amount"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'recalculate' AND entity_id = '*'"), 1);
}

// The bulk recalculation after a threshold change (`atbalsts assistance recalculate`): on
// generated records, every granted decision in force is evaluated under the new thresholds; the
// changed ones are superseded by new decisions from the month, the rest stay; a second run
// changes nothing.
TEST_P(AssistanceGenerator, ANewThresholdSupersedesTheChangedDecisionsFromTheMonth) {
  const auto q = [this](const std::string& sql) { return scalar(sql); };
  const auto [month, in_force] = threshold_change(f_, q);
  ASSERT_GT(in_force, 3);
  const std::string ym = assistance::month_of(month);

  std::ostringstream out, err;
  ASSERT_EQ(app::assistance_recalculate_command(f_.db(), ym, "Jauni sliekšņi", out, err), 0) << err.str();
  EXPECT_NE(out.str().find(std::to_string(in_force) + " decisions in force"), std::string::npos) << out.str();
  const std::int64_t changed = scalar("SELECT COUNT(*) FROM assistance_decision WHERE supersedes_id IS NOT NULL");
  EXPECT_GT(changed, 0);
  EXPECT_NE(out.str().find(std::to_string(changed) + " superseded"), std::string::npos) << out.str();
  expect_superseded(q, month, "Jauni sliekšņi", changed);
  // Done once: a second run finds the new decisions already at the new thresholds.
  std::ostringstream again, again_err;
  ASSERT_EQ(app::assistance_recalculate_command(f_.db(), ym, "Jauni sliekšņi", again, again_err), 0);
  EXPECT_NE(again.str().find(" 0 superseded"), std::string::npos) << again.str();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision WHERE supersedes_id IS NOT NULL"), changed);
  EXPECT_EQ(app::assistance_recalculate_command(f_.db(), "2026-13", "x", again, again_err), 2);
}

// The same in batches of three evaluated on two threads: the writes of many batches (multi-row
// statements of every size, ids handed out ahead) add up to the same records.
TEST_P(AssistanceGenerator, ARecalculationInSmallBatchesOnTwoThreadsWritesEveryChange) {
  const auto q = [this](const std::string& sql) { return scalar(sql); };
  const auto [month, in_force] = threshold_change(f_, q);
  ASSERT_GT(in_force, 3);
  assistance::BulkRecalcOptions o;
  o.month = month;
  o.reason = "Pārrēķins";
  o.batch = 3;
  o.workers = 2;
  std::size_t progress = 0;
  o.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_GT(done, progress);
    EXPECT_EQ(total, static_cast<std::size_t>(in_force));
    progress = done;
  };
  auto report = assistance::recalculate_month(f_.db(), o);
  ASSERT_TRUE(report) << report.error().detail;
  EXPECT_EQ(progress, static_cast<std::size_t>(in_force));
  EXPECT_EQ(static_cast<std::int64_t>(report->decisions), in_force);
  EXPECT_EQ(report->changed + report->unchanged + report->failed, report->decisions);
  EXPECT_GT(report->changed, 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision WHERE supersedes_id IS NOT NULL"),
            static_cast<std::int64_t>(report->changed));
  expect_superseded(q, month, "Pārrēķins", static_cast<std::int64_t>(report->changed));
}

// A run that fails part-way (here: the database refuses the second superseding decision's
// explanation, after the first batch is written, while the next batch is being evaluated) leaves
// nothing written: no new decision, explanation or payment, no mark, no audit entry.
TEST_P(AssistanceGenerator, ARecalculationThatFailsPartWayWritesNothing) {
  const auto q = [this](const std::string& sql) { return scalar(sql); };
  const auto [month, in_force] = threshold_change(f_, q);
  ASSERT_GT(in_force, 3);
  const std::string counts =
      "SELECT (SELECT COUNT(*) FROM assistance_decision) * 1000000 + (SELECT COUNT(*) FROM assistance_decision_steps) * 1000"
      " + (SELECT COUNT(*) FROM assistance_payment WHERE status = 'planned')";
  const std::int64_t before = scalar(counts);
  const std::string refuse =
      "(SELECT COUNT(*) FROM assistance_decision_steps s JOIN assistance_decision d ON d.id = s.decision_id"
      " WHERE d.supersedes_id IS NOT NULL) >= 1";
  auto trigger = f_.db().write([&](storage::Connection& c) {
    return c.execute_script(
        GetParam() == storage::Engine::sqlite
            ? "CREATE TRIGGER refuse_second BEFORE INSERT ON assistance_decision_steps WHEN " + refuse +
                  " BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            : "CREATE FUNCTION refuse_second() RETURNS trigger AS $$ BEGIN IF " + refuse +
                  " THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
                  " CREATE TRIGGER refuse_second BEFORE INSERT ON assistance_decision_steps"
                  " FOR EACH ROW EXECUTE FUNCTION refuse_second();");
  });
  ASSERT_TRUE(trigger) << trigger.error().detail;
  assistance::BulkRecalcOptions o;
  o.month = month;
  o.reason = "Pārrēķins";
  o.batch = 1;
  std::size_t progress = 0;
  o.progress = [&](std::size_t done, std::size_t) { progress = done; };
  auto report = assistance::recalculate_month(f_.db(), o);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().detail.find("refused"), std::string::npos) << report.error().detail;
  EXPECT_GE(progress, 1u);  // a batch was written before the failure
  EXPECT_EQ(scalar(counts), before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision WHERE superseded_by_id IS NOT NULL OR supersedes_id IS NOT NULL"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_payment WHERE status = 'superseded'"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'recalculate'"), 0);
}

// The stored explanation is written without building JSON, byte for byte as nlohmann writes it.
TEST(AssistanceStore, StepsAreStoredAsTheJsonLibraryWouldWriteThem) {
  const std::vector<Text> cases[] = {
      {},
      {{"Ienākumi: 1 234,56 €", "Income: €1,234.56"}},
      {{"„pēdiņas” \"un\" \\ slīpsvītra", "tab\there\nline\r\b\f\x01\x1f\x7f end"}, {"", "ē—€ 𝄞"}},
  };
  for (const std::vector<Text>& steps : cases) EXPECT_EQ(assistance::steps_text(steps), assistance::steps_json(steps).dump());
}

INSTANTIATE_TEST_SUITE_P(Engines, AssistanceGenerator, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
