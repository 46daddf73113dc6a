// Statistics (docs/api-reports.md) against a known world: every figure of the API recomputed by
// counting the generated records in C++ (reports_test_support), for the whole municipality, a
// department, and several periods; the national view summed and suppressed; on both engines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/time.h"
#include "reports_test_support.h"
#include "support/app_fixture.h"

namespace atb {
namespace {

using http::Method;
using test::reports::Expected;
using test::reports::ExpectedFigure;

std::optional<double> number(const nlohmann::json& v) {
  if (v.is_null()) return std::nullopt;
  return v.get<double>();
}

/// The rows of a figure of the answer, by keys.
ExpectedFigure answered(const nlohmann::json& figure) {
  ExpectedFigure out;
  for (const auto& row : figure["rows"]) {
    std::vector<std::string> keys;
    for (const auto& k : figure["keys"])
      keys.push_back(row[k.get<std::string>()].get<std::string>());
    Expected e;
    e.count = row[figure["count"].get<std::string>()].is_null()
                  ? -1
                  : row[figure["count"].get<std::string>()].get<std::int64_t>();
    for (const auto& m : figure["measures"])
      e.measures.push_back(number(row[m.get<std::string>()]));
    out[keys] = e;
  }
  return out;
}

std::string text(const std::vector<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += k + "/";
  return s;
}

/// Rows present on one side only must count zero; rows on both must agree in every number.
void expect_same(const std::string& id, const ExpectedFigure& got, const ExpectedFigure& want) {
  for (const auto& [keys, g] : got) {
    auto w = want.find(keys);
    if (w == want.end()) {
      EXPECT_EQ(g.count, 0) << id << " " << text(keys) << " is not expected";
      continue;
    }
    EXPECT_EQ(g.count, w->second.count) << id << " " << text(keys);
    if (w->second.measures.empty()) continue;
    ASSERT_EQ(g.measures.size(), w->second.measures.size()) << id;
    for (std::size_t m = 0; m < g.measures.size(); ++m) {
      ASSERT_EQ(g.measures[m].has_value(), w->second.measures[m].has_value())
          << id << " " << text(keys) << " measure " << m;
      if (g.measures[m]) {
        EXPECT_NEAR(*g.measures[m], *w->second.measures[m], 0.051)
            << id << " " << text(keys) << " measure " << m;
      }
    }
  }
  for (const auto& [keys, w] : want) {
    if (!got.count(keys)) {
      EXPECT_EQ(w.count, 0) << id << " " << text(keys) << " is missing";
    }
  }
}

/// The ten most frequent pairs, ties by the pair (what the figure keeps).
ExpectedFigure top_ten(const ExpectedFigure& all) {
  std::vector<std::pair<std::vector<std::string>, Expected>> v(all.begin(), all.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  if (v.size() > 10) v.resize(10);
  return ExpectedFigure(v.begin(), v.end());
}

class ReportsStatistics : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    world_ = test::reports::make_world(f_.db(), "testa", 8);
    for (const auto& s : world_.staff) {
      if (s.role == "director" && !director_) director_ = s.id;
      if (s.role == "social_worker" && s.department == "social_work" && !s.disabled && !worker_)
        worker_ = s.id;
    }
  }

  nlohmann::json statistics(std::int64_t user, const std::string& query) {
    const test::Answer a =
        f_.call(Method::get, "/api/v1/reports/statistics?" + query, test::reports::session_for(f_.db(), user));
    EXPECT_EQ(a.status, 200) << query << ": " << a.body.dump();
    return a.body;
  }

  /// Every figure of `body` against the world's counts.
  void expect_figures(const nlohmann::json& body, const Date& from, const Date& to,
                      const std::set<std::string>& departments) {
    const auto want = test::reports::expected_figures(world_, from, to, departments);
    int figures = 0;
    for (const auto& [section, list] : body["sections"].items()) {
      for (const auto& [id, figure] : list.items()) {
        ++figures;
        auto w = want.count(id) ? want.at(id) : ExpectedFigure{};
        if (id == "problem_pairs") w = top_ten(w);
        expect_same(id + " " + from.iso() + ".." + to.iso(), answered(figure), w);
      }
    }
    EXPECT_EQ(figures, 16);
    EXPECT_FALSE(body["suppression"]["applied"].get<bool>());
  }

  test::AppFixture f_{GetParam()};
  test::reports::World world_;
  std::int64_t director_ = 0, worker_ = 0;
};

TEST_P(ReportsStatistics, EveryFigureMatchesAnIndependentCount) {
  const std::vector<std::pair<Date, Date>> periods = {{{2016, 3, 1}, {2023, 9, 30}},
                                                      {{2012, 1, 1}, {2025, 12, 31}},
                                                      {{2020, 2, 29}, {2020, 2, 29}},
                                                      {{2019, 6, 1}, {2019, 6, 30}}};
  for (const auto& [from, to] : periods) {
    const nlohmann::json body = statistics(director_, "from=" + from.iso() + "&to=" + to.iso());
    EXPECT_EQ(body["period"]["from"], from.iso());
    EXPECT_EQ(body["scope"]["municipality_id"], world_.municipality);
    expect_figures(body, from, to, {});
  }
  // The world is not empty where it matters: the main period has rows in every section.
  const nlohmann::json body = statistics(director_, "from=2016-03-01&to=2023-09-30");
  for (const char* id : {"first_registrations", "case_duration", "problem_pairs", "waiting_times",
                         "benefit_payments"}) {
    bool found = false;
    for (const auto& [section, list] : body["sections"].items()) {
      if (list.contains(id)) found = list[id]["rows"].size() > 1;
    }
    EXPECT_TRUE(found) << id << " has too few rows to test anything";
  }
}

TEST_P(ReportsStatistics, ADepartmentSeesItsOwnFigures) {
  // A social worker of social work: her department by default.
  const nlohmann::json own = statistics(worker_, "from=2016-03-01&to=2023-09-30");
  EXPECT_EQ(own["scope"]["department_ids"],
            nlohmann::json::array({world_.departments.at("social_work")}));
  expect_figures(own, {2016, 3, 1}, {2023, 9, 30}, {"social_work"});
  // The director chooses a department.
  const nlohmann::json services =
      statistics(director_, "from=2016-03-01&to=2023-09-30&department=" +
                                std::to_string(world_.departments.at("services")));
  expect_figures(services, {2016, 3, 1}, {2023, 9, 30}, {"services"});
  const nlohmann::json assistance =
      statistics(director_, "from=2012-01-01&to=2025-12-31&department=" +
                                std::to_string(world_.departments.at("assistance")));
  expect_figures(assistance, {2012, 1, 1}, {2025, 12, 31}, {"assistance"});
}

TEST_P(ReportsStatistics, TheNationalViewAddsUpAndSuppressesSmallCells) {
  const test::reports::World other = test::reports::make_world(f_.db(), "testb", 9);
  const test::TestUser demo_director = f_.user("stat.director", {access::Role::director});
  std::int64_t other_director = 0;
  for (const auto& s : other.staff) {
    if (s.role == "director") other_director = s.id;
  }
  const std::string period = "from=2019-01-01&to=2020-12-31";
  std::vector<nlohmann::json> parts = {statistics(director_, period),
                                       statistics(other_director, period),
                                       statistics(demo_director.id, period)};
  const nlohmann::json national = statistics(director_, period + "&municipality=national");
  EXPECT_TRUE(national["scope"]["national"].get<bool>());
  EXPECT_TRUE(national["scope"]["municipality_id"].is_null());
  EXPECT_TRUE(national["suppression"]["applied"].get<bool>());
  EXPECT_EQ(national["suppression"]["min_count"], 5);
  int suppressed = 0, shown = 0;
  for (const auto& [section, list] : national["sections"].items()) {
    for (const auto& [id, figure] : list.items()) {
      if (id == "problem_pairs")
        continue;  // the top ten of each part differ from the top ten of all
      std::map<std::vector<std::string>, std::int64_t> sum;
      for (const auto& part : parts) {
        for (const auto& [keys, e] : answered(part["sections"][section][id])) sum[keys] += e.count;
      }
      const ExpectedFigure got = answered(figure);
      bool any_small = false;
      for (const auto& [keys, n] : sum) any_small = any_small || (n >= 1 && n < 5);
      for (const auto& [keys, n] : sum) {
        const auto g = got.find(keys);
        if (g == got.end()) {
          EXPECT_EQ(n, 0) << id << " " << text(keys);
          continue;
        }
        if ((n >= 1 && n < 5) || (any_small && keys.size() == 1 && keys[0] == "all")) {
          ++suppressed;
          EXPECT_EQ(g->second.count, -1)
              << id << " " << text(keys) << " (" << n << ") must be suppressed";
          for (const auto& m : g->second.measures)
            EXPECT_FALSE(m.has_value()) << id << " " << text(keys);
        } else {
          ++shown;
          EXPECT_EQ(g->second.count, n) << id << " " << text(keys);
        }
      }
    }
  }
  EXPECT_GT(suppressed, 0) << "the test needs small cells";
  EXPECT_GT(shown, 0);
  // A suppressed row says so and carries no number at all.
  for (const auto& [section, list] : national["sections"].items()) {
    for (const auto& [id, figure] : list.items()) {
      for (const auto& row : figure["rows"]) {
        if (!row["suppressed"].get<bool>()) continue;
        for (const auto& [name, v] : row.items()) {
          EXPECT_FALSE(v.is_number())
              << id << " " << name << " of a suppressed row: " << row.dump();
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsStatistics, ::testing::ValuesIn(test::all_engines()),
                         [](const auto& info) { return test::engine_param_name(info.param); });

}  // namespace
}  // namespace atb
