// Demonstration and national case data: the demo cases of `atbalsts demo` (every stage, valid,
// idempotent, readable through the API) and the national generator at a small scale (counts,
// caseloads, every case valid by the stage and plan rules, notes that open with the keyring).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "app/demo_cases.h"
#include "cases/case_store.h"
#include "cases/generator.h"
#include "cases/plan_rules.h"
#include "cases/rules.h"
#include "core/sealed_text.h"
#include "registry/generator.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

using storage::params;

class CaseData : public ::testing::TestWithParam<storage::Engine> {
 protected:
  std::int64_t scalar(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql << (rows ? "" : rows.error().detail);
    return rows && !rows->empty() ? (*rows)[0].integer(0) : -1;
  }
  std::string key_file() { return f_.app().config().key_file; }

  /// Replays the case's history against the rules: every transition allowed from where the case
  /// was, the agreement recorded before it left the agreement stage, an approved plan made in the
  /// plan stage before implementation, closure only by an approved request.
  void expect_valid(std::int64_t id) {
    auto checked = f_.db().read([&](storage::Connection& c) -> Result<void> {
      ATB_TRY_ASSIGN(loaded, cases::load_case(c, id));
      if (!loaded) return Error::internal("no case");
      const cases::CaseFile& k = *loaded;
      ATB_TRY_ASSIGN(agreements, c.query("SELECT recorded_at FROM case_agreement WHERE case_id = ?", params(id)));
      ATB_TRY_ASSIGN(plans, c.query("SELECT created_at, decided_at, status FROM case_plan WHERE case_id = ?", params(id)));
      ATB_TRY_ASSIGN(intake, c.query("SELECT outcome, case_id FROM intake WHERE id = ?", params(k.intake_id.value_or(0))));
      EXPECT_EQ(intake.size(), 1u) << id;
      if (!intake.empty()) {
        EXPECT_EQ(intake[0].text(0), "open_case");
        EXPECT_EQ(intake[0].integer(1), id);
      }
      EXPECT_FALSE(k.transitions.empty());
      EXPECT_EQ(k.transitions.front().from_stage, "");
      EXPECT_EQ(k.transitions.front().to_stage, "intake");
      std::string stage = "intake", entered_plan;
      for (std::size_t i = 1; i < k.transitions.size(); ++i) {
        const cases::Transition& t = k.transitions[i];
        EXPECT_EQ(t.from_stage, stage) << "case " << id << " transition " << i;
        EXPECT_GE(t.at, k.transitions[i - 1].at) << "case " << id << " transition " << i;
        EXPECT_FALSE(t.reason.empty());
        if (t.to_stage == "closed") {
          EXPECT_TRUE(k.closure_request && k.closure_request->status == "approved") << id;
          ATB_TRY_ASSIGN(role, c.query("SELECT COUNT(*) FROM user_role r JOIN user_team m ON m.user_id = r.user_id"
                                       " WHERE r.user_id = ? AND r.role = 'supervisor' AND m.team_id = ?",
                                       params(t.by_user, k.team_id)));
          EXPECT_EQ(role[0].integer(0), 1) << "closed by a supervisor of the team: case " << id;
        } else {
          cases::TransitionFacts facts;
          for (const storage::Row& a : agreements) facts.has_agreement = facts.has_agreement || a.text(0) < t.at;
          auto allowed = cases::check_transition(t.from_stage, t.to_stage, facts);
          EXPECT_TRUE(allowed) << "case " << id << ": " << t.from_stage << " -> " << t.to_stage;
          if (t.from_stage == "plan") {
            std::optional<std::string> approved;
            for (const storage::Row& p : plans) {
              if (p.opt_text(1) && *p.opt_text(1) <= t.at && p.text(0) > entered_plan && p.text(2) != "draft") approved = p.text(0);
            }
            EXPECT_TRUE(cases::check_plan_stage("plan", t.to_stage, entered_plan, approved)) << "case " << id;
          }
        }
        if (t.to_stage == "plan") entered_plan = t.at;
        stage = t.to_stage;
      }
      EXPECT_EQ(stage, k.stage) << id;
      EXPECT_EQ(k.version, static_cast<std::int64_t>(k.transitions.size())) << id;
      EXPECT_EQ(k.closed_on.has_value(), k.stage == "closed") << id;
      EXPECT_EQ(k.outcome_rating.has_value(), k.stage == "closed") << id;
      return ok();
    });
    EXPECT_TRUE(checked) << (checked ? "" : checked.error().detail);
  }

  /// Opens every note of the first `cases` cases with the keyring; returns how many.
  std::int64_t open_notes(int cases) {
    auto keyring = Keyring::load(key_file());
    EXPECT_TRUE(keyring);
    if (!keyring) return 0;
    auto rows = f_.db().read([&](storage::Connection& c) {
      return c.query("SELECT n.text_sealed FROM case_note n WHERE n.case_id IN (SELECT id FROM case_file ORDER BY id LIMIT ?)",
                     params(cases));
    });
    EXPECT_TRUE(rows);
    std::int64_t opened = 0;
    for (const storage::Row& r : rows ? *rows : storage::Rows{}) {
      auto text = keyring->open(r.text(0));
      EXPECT_TRUE(text && text->size() > 20);
      opened += text ? 1 : 0;
    }
    return opened;
  }

  std::vector<std::int64_t> case_ids() {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query("SELECT id FROM case_file ORDER BY id"); });
    std::vector<std::int64_t> ids;
    for (const storage::Row& r : rows ? *rows : storage::Rows{}) ids.push_back(r.integer(0));
    return ids;
  }

  AppFixture f_{GetParam()};
};

TEST_P(CaseData, DemoCasesAreInEveryStageValidAndLoadedOnce) {
  auto first = app::load_demo_cases(f_.db(), key_file(), std::string(ATBALSTS_SOURCE_DIR) + "/config/instruments");
  ASSERT_TRUE(first) << first.error().detail << first.error().message.en;
  EXPECT_GT(first->created, 40);
  for (const char* stage : cases::kStages) {
    EXPECT_EQ(scalar(std::string("SELECT COUNT(*) FROM case_file WHERE stage = '") + stage + "'"), 5) << stage;
  }
  EXPECT_EQ(scalar("SELECT COUNT(DISTINCT lead_worker_id) FROM case_file"), 2);  // anna and janis
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_file c JOIN household h ON h.id = c.household_id WHERE h.name = 'Bērziņu ģimene'"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM case_assessment WHERE status = 'completed'"), 3);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM case_plan WHERE status = 'approved'"), 5);
  for (std::int64_t id : case_ids()) expect_valid(id);
  EXPECT_EQ(open_notes(40), scalar("SELECT COUNT(*) FROM case_note"));
  // A second run adds nothing.
  const std::int64_t persons = scalar("SELECT COUNT(*) FROM person");
  auto second = app::load_demo_cases(f_.db(), key_file(), std::string(ATBALSTS_SOURCE_DIR) + "/config/instruments");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_file"), 40);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM person"), persons);

  // Through the API: ilze's duty board has the overdue acute intake; anna reads her case and its notes.
  const TestUser ilze{scalar("SELECT id FROM app_user WHERE username = 'ilze'"), "ilze", "", ""};
  const TestUser anna{scalar("SELECT id FROM app_user WHERE username = 'anna'"), "anna", "", ""};
  const As as_ilze{"", "", f_.token_for(ilze)}, as_anna{"", "", f_.token_for(anna)};
  Answer board = f_.call(http::Method::get, "/api/v1/intakes/duty-board", as_ilze);
  ASSERT_EQ(board.status, 200) << board.raw;
  ASSERT_GE(board.body["total"].get<int>(), 1);
  EXPECT_TRUE(board.body["items"][0]["overdue"].get<bool>()) << board.raw;
  Answer mine = f_.call(http::Method::get, "/api/v1/cases?mine=1", as_anna);
  ASSERT_EQ(mine.status, 200) << mine.raw;
  EXPECT_EQ(mine.body["total"], 21);  // her 24 family cases but the 3 closed ones
  EXPECT_EQ(f_.call(http::Method::get, "/api/v1/cases?mine=1&stage=closed", as_anna).body["total"], 3);
  EXPECT_EQ(f_.call(http::Method::get, "/api/v1/cases?mine=1&stage=plan", as_anna).body["total"], 3);
  EXPECT_EQ(f_.call(http::Method::get, "/api/v1/cases?mine=1&stage=plan", as_ilze).body["total"], 0);  // she leads none
  const std::int64_t id = mine.body["items"][0]["id"].get<std::int64_t>();
  Answer page = f_.call(http::Method::get, "/api/v1/cases/" + std::to_string(id), as_anna);
  ASSERT_EQ(page.status, 200) << page.raw;
  Answer notes = f_.call(http::Method::get, "/api/v1/cases/" + std::to_string(id) + "/notes", as_anna);
  ASSERT_EQ(notes.status, 200) << notes.raw;
  ASSERT_GE(notes.body["total"].get<int>(), 2);
  EXPECT_NE(notes.body["items"][0]["text"].get<std::string>(), "");
}

TEST_P(CaseData, GeneratedCasesFollowTheRulesAndCaseloads) {
  registry::GeneratorOptions people;
  people.persons = 3000;
  people.seed = 5;
  ASSERT_TRUE(registry::generate_registry(f_.db(), 1, people));
  auto keyring = Keyring::load(key_file());
  ASSERT_TRUE(keyring);
  cases::CaseGeneratorOptions o;
  o.cases = 600;
  o.seed = 9;
  o.keyring = &*keyring;
  o.password_hash = "x";
  o.today = Date{2026, 11, 25};
  auto report = cases::generate_cases(f_.db(), 1, o);
  ASSERT_TRUE(report) << report.error().detail << report.error().message.en;
  const cases::CaseGeneratorReport& r = *report;
  EXPECT_EQ(r.cases, 600u);
  EXPECT_EQ(r.workers, 4u + 2u);  // four social workers, two supervisors
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_file"), 600);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_file WHERE stage <> 'closed'"), static_cast<std::int64_t>(r.open_cases));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM intake"), static_cast<std::int64_t>(r.intakes));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_transition"), static_cast<std::int64_t>(r.transitions));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_agreement"), static_cast<std::int64_t>(r.agreements));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_plan"), static_cast<std::int64_t>(r.plans));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_task"), static_cast<std::int64_t>(r.tasks));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_note"), static_cast<std::int64_t>(r.notes));
  EXPECT_GT(r.notes, 600u * 20);
  EXPECT_LT(r.notes, 600u * 45);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM intake WHERE status = 'open'"), 3);  // one per 200 cases
  // Each social worker leads 30–60 open cases; most open cases are being implemented.
  auto loads = f_.db().read([](storage::Connection& c) {
    return c.query("SELECT u.username, COUNT(c.id) FROM app_user u LEFT JOIN case_file c ON c.lead_worker_id = u.id"
                   " AND c.stage <> 'closed' WHERE u.username LIKE 'sw%' GROUP BY u.username");
  });
  ASSERT_TRUE(loads);
  ASSERT_EQ(loads->size(), 4u);
  for (const storage::Row& row : *loads) {
    EXPECT_GE(row.integer(1), 30) << row.text(0);
    EXPECT_LE(row.integer(1), 60) << row.text(0);
  }
  EXPECT_GT(scalar("SELECT COUNT(*) FROM case_file WHERE stage = 'implementation'") * 3,
            static_cast<std::int64_t>(r.open_cases));
  for (std::int64_t id : case_ids()) expect_valid(id);
  EXPECT_EQ(open_notes(25), scalar("SELECT COUNT(*) FROM case_note WHERE case_id IN (SELECT id FROM case_file ORDER BY id LIMIT 25)"));

  // A generated worker reads her own case through the API.
  const TestUser sw{scalar("SELECT id FROM app_user WHERE username = 'sw0001'"), "sw0001", "", ""};
  const As as_sw{"", "", f_.token_for(sw)};
  Answer mine = f_.call(http::Method::get, "/api/v1/cases?mine=1", as_sw);
  ASSERT_EQ(mine.status, 200) << mine.raw;
  EXPECT_GE(mine.body["total"].get<int>(), 30);
  Answer page = f_.call(http::Method::get, "/api/v1/cases/" + std::to_string(mine.body["items"][0]["id"].get<std::int64_t>()), as_sw);
  EXPECT_EQ(page.status, 200) << page.raw;

  // The same number asked again adds nothing.
  auto again = cases::generate_cases(f_.db(), 1, o);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->cases, 0u);
  EXPECT_EQ(again->existing_cases, 600u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseData, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
