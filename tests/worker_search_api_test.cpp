// Finding workers by name (GET /api/v1/workers, docs/api-cases.md) on both engines: the case
// roles find the active workers of their departments (the director: of her municipality) by any
// word's beginning, diacritics and case ignored, paginated, with names and teams only; benefit
// officers, other municipalities' and disabled users are never listed; other roles are refused;
// each list is audited.
#include <set>

#include "case_test_support.h"
#include "org/store.h"

namespace atb::test {
namespace {

using nlohmann::json;

class WorkerSearchTest : public CaseTest {
 protected:
  /// The names listed for `target`.
  std::vector<std::string> names(const std::string& target, const As& who) {
    const Answer a = get(target, who);
    EXPECT_EQ(a.status, 200) << target << " " << a.body.dump();
    std::vector<std::string> out;
    for (const json& w : a.body.value("items", json::array())) out.push_back(w["name"]);
    return out;
  }
  /// A social worker of another municipality whose name matches "Anna".
  void other_municipality_worker() {
    auto done = f_.db().write([](storage::Connection& c) -> Result<void> {
      ATB_TRY_ASSIGN(m, org::ensure_municipality(c, "cesis", "Cēsu novads", 17000));
      ATB_TRY_ASSIGN(d, org::ensure_department(c, m.id, "social_work", {"Sociālā darba daļa", "Social work"}));
      ATB_TRY_ASSIGN(t, org::ensure_team(c, d.id, "families", {"Ģimenes", "Families"}));
      ATB_TRY_ASSIGN(u, c.query("INSERT INTO app_user (username, full_name, municipality_id, password_hash, created_at,"
                                " updated_at) VALUES ('cesis.anna', 'Anna Cēsniece', ?, 'x', '2026-01-01T00:00:00.000Z',"
                                " '2026-01-01T00:00:00.000Z') RETURNING id",
                                storage::params(m.id)));
      ATB_TRY(c.execute("INSERT INTO user_role (user_id, role) VALUES (?, 'social_worker')",
                        storage::params(u[0].integer(0))));
      ATB_TRY(c.execute("INSERT INTO user_team (user_id, team_id) VALUES (?, ?)", storage::params(u[0].integer(0), t.id)));
      return ok();
    });
    ASSERT_TRUE(done) << done.error().detail;
  }
};

TEST_P(WorkerSearchTest, FindsDepartmentWorkersByName) {
  // Diacritics and case ignored; each word begins a word of the name.
  EXPECT_EQ(names("/api/v1/workers?q=berz", worker_), std::vector<std::string>{"Anna Bērziņa"});
  EXPECT_EQ(names("/api/v1/workers?q=AN%20B%C4%92R", worker_), std::vector<std::string>{"Anna Bērziņa"});
  EXPECT_TRUE(names("/api/v1/workers?q=erzina", worker_).empty()) << "a word's beginning, not any part";
  // Another team of her department is found, with its team.
  const Answer krumins = get("/api/v1/workers?q=krumins", worker_);
  ASSERT_EQ(krumins.status, 200) << krumins.body.dump();
  ASSERT_EQ(krumins.body["items"].size(), 1u);
  const json& w = krumins.body["items"][0];
  EXPECT_EQ(w["name"], "Jānis Krūmiņš");
  ASSERT_EQ(w["teams"].size(), 1u);
  EXPECT_EQ(w["teams"][0]["name_lv"], "Darbs ar pilngadīgām personām");
  EXPECT_EQ(w["teams"][0]["name_en"], "Adults");
  // Names and teams only.
  std::set<std::string> keys;
  for (const auto& [key, value] : w.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"user_id", "name", "teams"}));
  // Benefit officers (another department, not a case role) are never listed.
  EXPECT_TRUE(names("/api/v1/workers?q=laura", worker_).empty());
  EXPECT_TRUE(names("/api/v1/workers?q=laura", director_).empty());
  // Each list that shows someone is audited, naming the workers shown (three above).
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'user' AND action = 'list'"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'user' AND action = 'list' AND entity_id = '" +
                  w["user_id"].dump() + "'"), 1);
}

TEST_P(WorkerSearchTest, ScopedPagedAndRefused) {
  other_municipality_worker();
  // Only her municipality: the Cēsis Anna is not found, by anyone here.
  EXPECT_EQ(names("/api/v1/workers?q=anna", worker_), std::vector<std::string>{"Anna Bērziņa"});
  EXPECT_EQ(names("/api/v1/workers?q=anna", director_), std::vector<std::string>{"Anna Bērziņa"});
  // A disabled worker is no longer offered.
  auto disabled = f_.db().write([](storage::Connection& c) {
    return c.execute("UPDATE app_user SET disabled = 1 WHERE username = 'anna'");
  });
  ASSERT_TRUE(disabled);
  EXPECT_TRUE(names("/api/v1/workers?q=anna", worker_).empty());

  // Paginated, in Latvian name order, with the total.
  const Answer all = get("/api/v1/workers?page_size=100", supervisor_);
  ASSERT_EQ(all.status, 200) << all.body.dump();
  const std::size_t total = all.body["total"];
  ASSERT_GE(total, 4u);  // the test's families and adults staff and the demo's
  ASSERT_EQ(all.body["items"].size(), total);
  const Answer second = get("/api/v1/workers?page=2&page_size=2", supervisor_);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.body["total"], total);
  EXPECT_EQ(second.body["page"], 2);
  ASSERT_EQ(second.body["items"].size(), 2u);
  EXPECT_EQ(second.body["items"][0]["user_id"], all.body["items"][2]["user_id"]);
  EXPECT_EQ(get("/api/v1/workers?page=1000000&page_size=100", supervisor_).body["items"].size(), 0u);

  // Refused: roles outside case management, bad paging, an over-long search.
  EXPECT_EQ(get("/api/v1/workers?q=anna", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/workers?page_size=0", worker_).status, 422);
  const Answer long_q = get("/api/v1/workers?q=" + std::string(101, 'a'), worker_);
  EXPECT_EQ(long_q.status, 422);
  EXPECT_EQ(long_q.body["errors"][0]["field"], "q");
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkerSearchTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
