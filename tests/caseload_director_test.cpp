// The director's caseload view through the API on both engines: without team_id she gets every
// team of her municipality (and `team_ids` names them), with one of them its workers, with a team
// of another municipality 403; each worker's number equals an independent count of open cases
// she leads or co-works (case_file / case_worker), closed cases left out; the read is audited as
// one `list` of `user`; a social worker is still refused.
#include <set>

#include "cases/case_store.h"
#include "case_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class CaseloadDirectorTest : public CaseTest {
 protected:
  /// Adds a case of `team` led by `lead` (co-worked by `co`) in `stage`.
  void add_case(std::int64_t team, std::int64_t lead, std::vector<std::int64_t> co, const std::string& stage) {
    auto made = f_.db().write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY_ASSIGN(t, c.query("SELECT t.department_id, d.municipality_id FROM team t JOIN department d"
                                " ON d.id = t.department_id WHERE t.id = ?", storage::params(team)));
      cases::CaseFile k;
      k.municipality_id = t[0].integer(1);
      k.department_id = t[0].integer(0);
      k.team_id = team;
      k.household_id = household_;
      k.lead_worker_id = lead;
      k.co_worker_ids = std::move(co);
      k.opened_on = "2026-01-05";
      ATB_TRY_ASSIGN(id, cases::insert_case(c, k, "Slodzes tests", lead, "2026-01-05T00:00:00.000Z"));
      // insert_case opens every case at intake; the stage asked for is set here.
      const std::optional<std::string> closed_on =
          stage == "closed" ? std::optional<std::string>("2026-02-01") : std::nullopt;
      ATB_TRY(c.execute("UPDATE case_file SET stage = ?, closed_on = ? WHERE id = ?", storage::params(stage, closed_on, id)));
      return ok();
    });
    ASSERT_TRUE(made) << made.error().detail;
  }

  /// A team of a second municipality (Cēsu novads), made here.
  std::int64_t other_municipality_team() {
    auto id = f_.db().write([](storage::Connection& c) -> Result<std::int64_t> {
      ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('cesis', 'Cēsu novads',"
                                " '2026-01-01T00:00:00.000Z') RETURNING id"));
      ATB_TRY_ASSIGN(d, c.query("INSERT INTO department (municipality_id, code, name_lv, name_en) VALUES (?, 'families',"
                                " 'Ģimeņu nodaļa', 'Families department') RETURNING id",
                                storage::params(m[0].integer(0))));
      ATB_TRY_ASSIGN(t, c.query("INSERT INTO team (department_id, code, name_lv, name_en) VALUES (?, 'families',"
                                " 'Ģimeņu komanda', 'Families team') RETURNING id",
                                storage::params(d[0].integer(0))));
      return t[0].integer(0);
    });
    EXPECT_TRUE(id) << id.error().detail;
    return id ? *id : 0;
  }

  /// Open cases the user leads or co-works, counted here independently of the store.
  std::int64_t open_cases_of(std::int64_t user) {
    const std::string u = std::to_string(user);
    return count("SELECT COUNT(*) FROM case_file c WHERE c.stage <> 'closed' AND (c.lead_worker_id = " + u +
                 " OR EXISTS (SELECT 1 FROM case_worker cw WHERE cw.case_id = c.id AND cw.user_id = " + u + "))");
  }

  /// The ids of a list of rows of one integer column.
  std::set<std::int64_t> ids_of(const std::string& sql) {
    std::set<std::int64_t> out;
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows) << sql;
    if (rows) {
      for (const storage::Row& r : *rows) out.insert(r.integer(0));
    }
    return out;
  }

  std::int64_t director_id() { return id_of("SELECT id FROM app_user WHERE username = 'k.director'"); }
  std::int64_t adults_id() { return id_of("SELECT id FROM app_user WHERE username = 'k.adults'"); }
  std::int64_t adults_team() { return id_of("SELECT id FROM team WHERE code = 'adults'"); }
};

TEST_P(CaseloadDirectorTest, DirectorSeesEveryTeamOfHerMunicipalityWithIndependentCounts) {
  const std::int64_t adults = adults_id();
  const std::int64_t colleague = id_of("SELECT id FROM app_user WHERE username = 'k.colleague'");
  add_case(families_, worker_user_.id, {colleague}, "assessment");
  add_case(families_, worker_user_.id, {}, "plan");
  add_case(families_, colleague, {worker_user_.id}, "intake");
  add_case(families_, worker_user_.id, {colleague}, "closed");
  add_case(adults_team(), adults, {}, "assessment");
  add_case(adults_team(), adults, {}, "closed");
  const std::int64_t foreign_team = other_municipality_team();

  const std::int64_t before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'user'");
  Answer all = get("/api/v1/caseload", director_);
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["limit"], 30);

  // Every team of her municipality, none of the other one.
  const std::int64_t municipality = id_of("SELECT municipality_id FROM app_user WHERE username = 'k.director'");
  const std::set<std::int64_t> teams = ids_of(
      "SELECT t.id FROM team t JOIN department d ON d.id = t.department_id WHERE d.municipality_id = " +
      std::to_string(municipality));
  ASSERT_FALSE(teams.empty());
  EXPECT_EQ(all.body["team_ids"].get<std::set<std::int64_t>>(), teams);
  EXPECT_FALSE(teams.count(foreign_team));

  // The workers: the active social workers and supervisors of those teams, each with her count.
  std::string in;
  for (std::int64_t t : teams) in += (in.empty() ? "" : ",") + std::to_string(t);
  const std::set<std::int64_t> expected_workers = ids_of(
      "SELECT DISTINCT u.id FROM app_user u JOIN user_team ut ON ut.user_id = u.id JOIN user_role r ON r.user_id = u.id"
      " WHERE ut.team_id IN (" + in + ") AND r.role IN ('social_worker', 'supervisor') AND u.disabled = 0");
  std::set<std::int64_t> shown;
  std::int64_t total = 0;
  for (const json& item : all.body["items"]) {
    const std::int64_t user = item["user_id"].get<std::int64_t>();
    shown.insert(user);
    const std::int64_t expected = open_cases_of(user);
    EXPECT_EQ(item["active"].get<std::int64_t>(), expected) << item.dump();
    EXPECT_EQ(item["over"].get<bool>(), expected > 30) << item.dump();
    total += expected;
  }
  EXPECT_EQ(shown, expected_workers);
  EXPECT_TRUE(shown.count(worker_user_.id) && shown.count(colleague) && shown.count(adults));
  EXPECT_GE(total, 6);  // the five open cases above: three of the worker, two of the colleague, one in adults

  // Audited as one list of the users shown.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'user'"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'user' AND user_id = " +
                  std::to_string(director_id()) + " AND entity_id LIKE '%" + std::to_string(adults) + "%'"),
            1);

  // One team of hers: its workers only, the same numbers.
  Answer one = get("/api/v1/caseload?team_id=" + std::to_string(adults_team()), director_);
  ASSERT_EQ(one.status, 200) << one.body.dump();
  EXPECT_EQ(one.body["team_ids"], json::array({adults_team()}));
  bool found = false;
  for (const json& item : one.body["items"]) {
    EXPECT_EQ(item["active"].get<std::int64_t>(), open_cases_of(item["user_id"].get<std::int64_t>()));
    EXPECT_NE(item["user_id"].get<std::int64_t>(), worker_user_.id);
    found = found || item["user_id"].get<std::int64_t>() == adults;
  }
  EXPECT_TRUE(found) << one.body.dump();
  EXPECT_EQ(open_cases_of(adults), 1);
}

TEST_P(CaseloadDirectorTest, AnotherMunicipalitysTeamIsRefused) {
  const std::int64_t foreign_team = other_municipality_team();
  const std::int64_t before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'user'");
  Answer refused = get("/api/v1/caseload?team_id=" + std::to_string(foreign_team), director_);
  EXPECT_EQ(refused.status, 403) << refused.body.dump();
  EXPECT_NE(refused.raw.find("director"), std::string::npos) << refused.raw;  // the message names who may
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'user'"), before);
  // The others keep their rules: a supervisor outside the team and a social worker are refused.
  EXPECT_EQ(get("/api/v1/caseload?team_id=" + std::to_string(foreign_team), supervisor_).status, 403);
  EXPECT_EQ(get("/api/v1/caseload", worker_).status, 403);
  EXPECT_EQ(get("/api/v1/caseload?team_id=0", director_).status, 422);
  // The supervisor's answer names only her own team.
  Answer own = get("/api/v1/caseload", supervisor_);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["team_ids"], json::array({families_}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseloadDirectorTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
