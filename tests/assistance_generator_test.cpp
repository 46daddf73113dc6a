// The national data's assistance records: generated on top of a generated registry, decided by
// the real rules, consistent with what the API shows.
#include <gtest/gtest.h>

#include "assistance/generator.h"
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

INSTANTIATE_TEST_SUITE_P(Engines, AssistanceGenerator, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
