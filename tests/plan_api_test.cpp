// The cooperation plan, tasks, my work and caseloads through the API on both engines: a whole
// plan from draft to the family's agreement, submission and a supervisor's approval, and the
// stage rule (plan → implementation only with an approved plan of that plan stage); refused
// input (a due date in the past names its field, stale versions, the wrong approver); task
// status changes; a department without approval; my work with an overdue task and a due
// review; caseloads over the warning limit.
#include "cases/case_store.h"
#include "case_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class PlanTest : public CaseTest {
 protected:
  std::string case_path(const json& k, const std::string& tail = "") const {
    return "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + tail;
  }
  std::string plan_path(const json& k, const json& plan, const std::string& tail = "") const {
    return case_path(k, "/plans/" + std::to_string(plan["id"].get<std::int64_t>()) + tail);
  }
  /// A new case of the demo household moved to the plan stage.
  json case_in_plan() {
    json k = open_case();
    Answer a = move(k, "agreement", worker_);
    EXPECT_EQ(a.status, 200) << a.body.dump();
    Answer agreed = post(case_path(k, "/agreement"), {{"agreed_on", a.body["opened_on"]}, {"person_ids", {anna_}}}, worker_);
    EXPECT_EQ(agreed.status, 201) << agreed.body.dump();
    json current = agreed.body;
    for (const char* stage : {"initial_assessment", "in_depth_assessment", "plan"}) {
      Answer moved = move(current, stage, worker_);
      EXPECT_EQ(moved.status, 200) << moved.body.dump();
      current = moved.body;
    }
    return current;
  }
  json reload(const json& k) { return get(case_path(k), worker_).body; }
  Answer patch(const std::string& target, const json& body, const As& who) {
    return f_.call(Method::patch, target, who, body.dump());
  }
  std::string field_of(const Answer& a) const {
    return a.body.contains("errors") && !a.body["errors"].empty() ? a.body["errors"][0].value("field", "") : "";
  }
  std::int64_t user_id(const std::string& username) {
    return id_of("SELECT id FROM app_user WHERE username = '" + username + "'");
  }
};

TEST_P(PlanTest, WalksAPlanFromDraftToApprovalBeforeImplementation) {
  json k = case_in_plan();
  Answer early = move(k, "implementation", worker_);
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body["detail"].get<std::string>().find("approved cooperation plan"), std::string::npos) << early.body.dump();

  Answer empty = get(case_path(k, "/plan"), colleague_);
  ASSERT_EQ(empty.status, 200) << empty.body.dump();
  EXPECT_TRUE(empty.body["current"].is_null());
  EXPECT_TRUE(empty.body["draft"].is_null());

  Answer made = post(case_path(k, "/plans"), plan_body(), worker_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  const json& plan = made.body;
  EXPECT_EQ(plan["status"], "draft");
  EXPECT_EQ(plan["number"], 1);
  EXPECT_EQ(plan["approval_required"], true);
  EXPECT_TRUE(plan["family_agreement"].is_null());
  EXPECT_EQ(plan["created_by"]["id"], worker_user_.id);
  ASSERT_EQ(plan["goals"].size(), 1u);
  EXPECT_EQ(plan["goals"][0]["member"], std::to_string(anna_));
  const json& tasks = plan["goals"][0]["tasks"];
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0]["responsible"]["kind"], "member");
  EXPECT_EQ(tasks[0]["responsible"]["name"], "Anna Bērziņa");
  EXPECT_EQ(tasks[1]["responsible"]["user_id"], worker_user_.id);
  EXPECT_EQ(tasks[1]["responsible"]["name"], "Test k.worker");
  EXPECT_EQ(tasks[2]["responsible"]["partner_name"], "Ģimenes atbalsta centrs");
  EXPECT_EQ(tasks[2]["status"], "open");
  // One plan is prepared at a time; a colleague who only reads the case does not make one.
  EXPECT_EQ(post(case_path(k, "/plans"), plan_body(), worker_).status, 409);
  EXPECT_EQ(post(case_path(k, "/plans"), plan_body(), colleague_).status, 403);
  EXPECT_EQ(post(case_path(k, "/plans"), plan_body(), adults_).status, 404);

  // Submitting needs the family's agreement.
  Answer unagreed = post(plan_path(k, plan, "/submit"), {{"version", plan["version"]}}, worker_);
  EXPECT_EQ(unagreed.status, 409);
  EXPECT_NE(unagreed.body["detail"].get<std::string>().find("family"), std::string::npos) << unagreed.body.dump();
  Answer future = post(plan_path(k, plan, "/family-agreement"),
                       {{"version", plan["version"]}, {"agreed_on", in_days(3)}, {"person_ids", {anna_}}}, worker_);
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(field_of(future), "agreed_on");
  Answer agreed = post(plan_path(k, plan, "/family-agreement"),
                       {{"version", plan["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_, janis_}}}, worker_);
  ASSERT_EQ(agreed.status, 200) << agreed.body.dump();
  EXPECT_EQ(agreed.body["family_agreement"]["agreed_on"], in_days(0));
  EXPECT_EQ(agreed.body["family_agreement"]["person_ids"].size(), 2u);
  EXPECT_EQ(post(plan_path(k, plan, "/submit"), {{"version", plan["version"]}}, worker_).status, 409);  // stale
  Answer submitted = post(plan_path(k, plan, "/submit"), {{"version", agreed.body["version"]}}, worker_);
  ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
  EXPECT_EQ(submitted.body["status"], "submitted");
  EXPECT_EQ(submitted.body["submitted_by"]["id"], worker_user_.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification WHERE kind = 'plan_submitted' AND user_id = " +
                  std::to_string(supervisor_user_.id)), 1);
  EXPECT_EQ(move(reload(k), "implementation", worker_).status, 409);  // submitted is not approved
  // A submitted plan no longer changes.
  json replaced = plan_body();
  replaced["version"] = submitted.body["version"];
  EXPECT_EQ(f_.call(Method::put, plan_path(k, plan), worker_, replaced.dump()).status, 409);

  // Only a supervisor of the team decides.
  const json decision = {{"version", submitted.body["version"]}, {"approved", true}, {"note", "Labs plāns."}};
  EXPECT_EQ(post(plan_path(k, plan, "/decision"), decision, worker_).status, 403);
  EXPECT_EQ(post(plan_path(k, plan, "/decision"), decision, colleague_).status, 403);
  EXPECT_EQ(post(plan_path(k, plan, "/decision"), decision, head_).status, 403);
  EXPECT_EQ(post(plan_path(k, plan, "/decision"), decision, adults_super_).status, 404);
  Answer approved = post(plan_path(k, plan, "/decision"), decision, supervisor_);
  ASSERT_EQ(approved.status, 200) << approved.body.dump();
  EXPECT_EQ(approved.body["status"], "approved");
  EXPECT_EQ(approved.body["decided_by"]["id"], supervisor_user_.id);
  EXPECT_EQ(approved.body["decision_note"], "Labs plāns.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification WHERE kind = 'plan_decided' AND user_id = " +
                  std::to_string(worker_user_.id)), 1);
  EXPECT_EQ(post(plan_path(k, plan, "/decision"), {{"version", approved.body["version"]}, {"approved", true}},
                 supervisor_).status, 409);  // no longer submitted

  Answer overview = get(case_path(k, "/plan"), director_);
  ASSERT_EQ(overview.status, 200) << overview.body.dump();
  EXPECT_EQ(overview.body["current"]["id"], plan["id"]);
  EXPECT_TRUE(overview.body["draft"].is_null());
  ASSERT_EQ(overview.body["versions"].size(), 1u);
  EXPECT_EQ(overview.body["versions"][0]["status"], "approved");
  EXPECT_EQ(get(case_path(k, "/plan"), adults_).status, 404);
  EXPECT_EQ(get(plan_path(k, plan), colleague_).status, 200);

  Answer implementing = move(reload(k), "implementation", worker_);
  ASSERT_EQ(implementing.status, 200) << implementing.body.dump();

  // Back to the plan after a review: the old plan does not count; a new one supersedes it.
  Answer reviewing = move(implementing.body, "review", worker_);
  ASSERT_EQ(reviewing.status, 200);
  Answer replanning = move(reviewing.body, "plan", worker_);
  ASSERT_EQ(replanning.status, 200);
  EXPECT_EQ(move(replanning.body, "implementation", worker_).status, 409);
  json second = approve_plan(k);
  EXPECT_EQ(second["number"], 2);
  EXPECT_EQ(get(plan_path(k, plan), worker_).body["status"], "superseded");
  EXPECT_EQ(move(reload(k), "implementation", worker_).status, 200);

  // Every read, list and change was audited.
  const std::string pid = std::to_string(plan["id"].get<std::int64_t>());
  for (const char* action : {"create", "family_agreement", "submit", "approve"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_plan' AND action = '") +
                    action + "' AND entity_id = '" + pid + "'"), 1) << action;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_plan' AND action = 'read' AND entity_id = '" +
                  pid + "'"), 2);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_plan' AND action = 'list'"), 1);
}

TEST_P(PlanTest, RefusesBadPlansNamingTheField) {
  json k = case_in_plan();
  auto refused = [&](json body, const std::string& field, int status = 422) {
    Answer a = post(case_path(k, "/plans"), body, worker_);
    EXPECT_EQ(a.status, status) << field << " " << a.body.dump();
    EXPECT_EQ(field_of(a), field) << a.body.dump();
  };
  json past = plan_body();
  past["goals"][0]["tasks"][1]["due_on"] = in_days(-1);
  refused(past, "goals.0.tasks.1.due_on");
  json review = plan_body();
  review["review_on"] = "2020-01-01";
  refused(review, "review_on");
  json stranger = plan_body();
  stranger["goals"][0]["tasks"][0]["responsible"]["person_id"] = 999999;
  refused(stranger, "goals.0.tasks.0.responsible.person_id");
  json outsider = plan_body();
  outsider["goals"][0]["tasks"][1]["responsible"]["user_id"] = user_id("k.colleague");
  refused(outsider, "goals.0.tasks.1.responsible.user_id");
  json kind = plan_body();
  kind["goals"][0]["tasks"][2]["responsible"]["kind"] = "neighbour";
  refused(kind, "goals.0.tasks.2.responsible.kind");
  json assessed = plan_body();
  assessed["goals"][0]["assessment_id"] = 999999;
  refused(assessed, "goals.0.assessment_id");
  json member = plan_body();
  member["goals"][0]["member"] = "999999";
  refused(member, "goals.0.member");
  json unknown = plan_body();
  unknown["goals"][0]["priority"] = 1;
  refused(unknown, "goals.0.priority");
  json none = plan_body();
  none["goals"] = json::array();
  refused(none, "goals");
  json blank = plan_body();
  blank["goals"][0]["tasks"][0]["text"] = "  ";
  refused(blank, "goals.0.tasks.0.text");
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_plan"), 0);

  // A draft changes whole; a stale version is refused; replacing clears the family's agreement.
  Answer made = post(case_path(k, "/plans"), plan_body(), worker_);
  ASSERT_EQ(made.status, 201);
  Answer agreed = post(plan_path(k, made.body, "/family-agreement"),
                       {{"version", made.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_}}}, worker_);
  ASSERT_EQ(agreed.status, 200);
  json body = plan_body();
  body["goals"][0]["tasks"].erase(2);
  body["version"] = made.body["version"];
  Answer stale = f_.call(Method::put, plan_path(k, made.body), worker_, body.dump());
  EXPECT_EQ(stale.status, 409);
  body["version"] = agreed.body["version"];
  body["goals"][0]["tasks"][0]["due_on"] = in_days(-3);
  Answer past_put = f_.call(Method::put, plan_path(k, made.body), worker_, body.dump());
  EXPECT_EQ(past_put.status, 422);
  EXPECT_EQ(field_of(past_put), "goals.0.tasks.0.due_on");
  body["goals"][0]["tasks"][0]["due_on"] = in_days(5);
  Answer put = f_.call(Method::put, plan_path(k, made.body), worker_, body.dump());
  ASSERT_EQ(put.status, 200) << put.body.dump();
  EXPECT_EQ(put.body["goals"][0]["tasks"].size(), 2u);
  EXPECT_EQ(put.body["goals"][0]["tasks"][0]["due_on"], in_days(5));
  EXPECT_TRUE(put.body["family_agreement"].is_null());
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_task"), 2);

  // A rejected plan goes back to draft with the supervisor's note.
  Answer again = post(plan_path(k, made.body, "/family-agreement"),
                      {{"version", put.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {janis_}}}, worker_);
  ASSERT_EQ(again.status, 200);
  Answer submitted = post(plan_path(k, made.body, "/submit"), {{"version", again.body["version"]}}, worker_);
  ASSERT_EQ(submitted.status, 200);
  Answer rejected = post(plan_path(k, made.body, "/decision"),
                         {{"version", submitted.body["version"]}, {"approved", false}, {"note", "Precizējiet termiņus."}},
                         supervisor_);
  ASSERT_EQ(rejected.status, 200) << rejected.body.dump();
  EXPECT_EQ(rejected.body["status"], "draft");
  EXPECT_EQ(rejected.body["decision_note"], "Precizējiet termiņus.");
  EXPECT_EQ(move(reload(k), "implementation", worker_).status, 409);
}

TEST_P(PlanTest, ChangesTaskStatusesOfThePlanInForceOnly) {
  json k = case_in_plan();
  json plan = approve_plan(k);
  const json task = plan["goals"][0]["tasks"][0];
  const std::string path = case_path(k, "/tasks/" + std::to_string(task["id"].get<std::int64_t>()));
  Answer started = patch(path, {{"version", task["version"]}, {"status", "in_progress"}, {"note", "Sākts."}}, worker_);
  ASSERT_EQ(started.status, 200) << started.body.dump();
  EXPECT_EQ(started.body["status"], "in_progress");
  EXPECT_EQ(started.body["note"], "Sākts.");
  EXPECT_EQ(started.body["version"], task["version"].get<int>() + 1);
  EXPECT_EQ(patch(path, {{"version", task["version"]}, {"status", "done"}}, worker_).status, 409);  // stale
  Answer unknown = patch(path, {{"version", started.body["version"]}, {"status", "forgotten"}}, worker_);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(field_of(unknown), "status");
  EXPECT_EQ(patch(path, {{"version", started.body["version"]}, {"status", "done"}}, colleague_).status, 403);
  EXPECT_EQ(patch(path, {{"version", started.body["version"]}, {"status", "done"}}, adults_).status, 404);
  Answer done = patch(path, {{"version", started.body["version"]}, {"status", "done"}}, supervisor_);
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["note"], "Sākts.");  // kept when not given
  EXPECT_EQ(patch(path, {{"version", done.body["version"]}, {"status", "cancelled"}}, worker_).status, 409);
  EXPECT_EQ(patch(path, {{"version", done.body["version"]}, {"status", "in_progress"}}, worker_).status, 200);
  EXPECT_EQ(patch(case_path(k, "/tasks/999999"), {{"version", 1}, {"status", "done"}}, worker_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_task' AND action = 'update'"), 3);

  // Tasks of a draft are not worked on yet.
  Answer draft = post(case_path(k, "/plans"), plan_body(), worker_);
  ASSERT_EQ(draft.status, 201);
  const json draft_task = draft.body["goals"][0]["tasks"][0];
  EXPECT_EQ(patch(case_path(k, "/tasks/" + std::to_string(draft_task["id"].get<std::int64_t>())),
                  {{"version", 1}, {"status", "done"}}, worker_).status, 409);
}

TEST_P(PlanTest, ADepartmentWithoutApprovalApprovesOnSubmission) {
  const auto unapproved = f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE department SET plan_approval_required = 0 WHERE id = (SELECT department_id FROM team"
                      " WHERE id = ?)", storage::params(families_)));
    return ok();
  });
  ASSERT_TRUE(unapproved);
  json k = case_in_plan();
  Answer made = post(case_path(k, "/plans"), plan_body(), worker_);
  ASSERT_EQ(made.status, 201);
  EXPECT_EQ(made.body["approval_required"], false);
  Answer agreed = post(plan_path(k, made.body, "/family-agreement"),
                       {{"version", made.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_}}}, worker_);
  ASSERT_EQ(agreed.status, 200);
  Answer submitted = post(plan_path(k, made.body, "/submit"), {{"version", agreed.body["version"]}}, worker_);
  ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
  EXPECT_EQ(submitted.body["status"], "approved");
  EXPECT_EQ(submitted.body["decided_by"]["id"], worker_user_.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification WHERE kind = 'plan_submitted'"), 0);
  EXPECT_EQ(move(reload(k), "implementation", worker_).status, 200);
}

TEST_P(PlanTest, MyWorkListsOverdueTasksAndDueReviews) {
  json k = case_in_plan();
  const std::int64_t colleague = user_id("k.colleague");
  Answer assigned = patch(case_path(k), {{"version", k["version"]}, {"co_worker_ids", {colleague}}}, worker_);
  ASSERT_EQ(assigned.status, 200) << assigned.body.dump();
  json body = plan_body();
  body["goals"][0]["tasks"][1]["responsible"]["user_id"] = colleague;
  body["review_on"] = in_days(7);
  Answer made = post(case_path(k, "/plans"), body, worker_);
  ASSERT_EQ(made.status, 201) << made.body.dump();
  Answer agreed = post(plan_path(k, made.body, "/family-agreement"),
                       {{"version", made.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_}}}, worker_);
  Answer submitted = post(plan_path(k, made.body, "/submit"), {{"version", agreed.body["version"]}}, worker_);
  Answer approved = post(plan_path(k, made.body, "/decision"), {{"version", submitted.body["version"]}, {"approved", true}},
                         supervisor_);
  ASSERT_EQ(approved.status, 200) << approved.body.dump();
  // The partner's task fell overdue meanwhile.
  const std::int64_t overdue_id = approved.body["goals"][0]["tasks"][2]["id"];
  const auto fell = f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE case_task SET due_on = '2020-01-01' WHERE id = ?", storage::params(overdue_id)));
    return ok();
  });
  ASSERT_TRUE(fell);

  Answer mine = get("/api/v1/my/work", worker_);
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  ASSERT_EQ(mine.body["tasks"].size(), 3u);  // the lead worker sees all open tasks of her case
  EXPECT_EQ(mine.body["tasks"][0]["id"], overdue_id);
  EXPECT_EQ(mine.body["tasks"][0]["overdue"], true);
  EXPECT_EQ(mine.body["tasks"][0]["case_id"], k["id"]);
  EXPECT_EQ(mine.body["tasks"][0]["subject_name"], "Bērziņu ģimene");
  EXPECT_EQ(mine.body["tasks"][1]["overdue"], false);
  ASSERT_EQ(mine.body["reviews"].size(), 1u);
  EXPECT_EQ(mine.body["reviews"][0]["case_id"], k["id"]);
  EXPECT_EQ(mine.body["reviews"][0]["review_on"], in_days(7));
  EXPECT_EQ(mine.body["reviews"][0]["overdue"], false);
  EXPECT_EQ(mine.body["caseload"], json({{"active", 1}, {"limit", 30}, {"over", false}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'case' AND entity_id = '" +
                  std::to_string(k["id"].get<std::int64_t>()) + "'"), 1);

  // The co-worker sees the task she is responsible for, and the review of her case.
  Answer hers = get("/api/v1/my/work", colleague_);
  ASSERT_EQ(hers.status, 200) << hers.body.dump();
  ASSERT_EQ(hers.body["tasks"].size(), 1u);
  EXPECT_EQ(hers.body["tasks"][0]["responsible"]["user_id"], colleague);
  EXPECT_EQ(hers.body["reviews"].size(), 1u);
  EXPECT_EQ(hers.body["caseload"]["active"], 1);
  // Done tasks leave the list; others have nothing to do; partners and officers are refused.
  const json done_task = approved.body["goals"][0]["tasks"][0];
  ASSERT_EQ(patch(case_path(k, "/tasks/" + std::to_string(done_task["id"].get<std::int64_t>())),
                  {{"version", done_task["version"]}, {"status", "done"}}, worker_).status, 200);
  EXPECT_EQ(get("/api/v1/my/work", worker_).body["tasks"].size(), 2u);
  Answer other = get("/api/v1/my/work", adults_);
  ASSERT_EQ(other.status, 200);
  EXPECT_TRUE(other.body["tasks"].empty());
  EXPECT_TRUE(other.body["reviews"].empty());
  EXPECT_EQ(get("/api/v1/my/work", benefits_).status, 403);
}

TEST_P(PlanTest, CaseloadsOverTheWarningLimitAreFlagged) {
  auto made = f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(team, c.query("SELECT t.id, t.department_id, d.municipality_id FROM team t JOIN department d"
                                 " ON d.id = t.department_id WHERE t.id = ?", storage::params(families_)));
    for (int n = 0; n < 31; ++n) {
      cases::CaseFile k;
      k.municipality_id = team[0].integer(2);
      k.department_id = team[0].integer(1);
      k.team_id = families_;
      k.household_id = household_;
      k.lead_worker_id = worker_user_.id;
      k.opened_on = "2026-01-02";
      ATB_TRY(cases::insert_case(c, k, "Slodze", worker_user_.id, "2026-01-02T00:00:00.000Z"));
    }
    return ok();
  });
  ASSERT_TRUE(made);
  Answer mine = get("/api/v1/my/work", worker_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body["caseload"], json({{"active", 31}, {"limit", 30}, {"over", true}}));

  Answer team = get("/api/v1/caseload", supervisor_);
  ASSERT_EQ(team.status, 200) << team.body.dump();
  EXPECT_EQ(team.body["limit"], 30);
  bool seen = false;
  for (const json& item : team.body["items"]) {
    if (item["user_id"] == worker_user_.id) {
      seen = true;
      EXPECT_EQ(item["active"], 31);
      EXPECT_EQ(item["over"], true);
      EXPECT_EQ(item["name"], "Test k.worker");
    } else {
      EXPECT_EQ(item["over"], false);
    }
  }
  EXPECT_TRUE(seen) << team.body.dump();
  EXPECT_EQ(get("/api/v1/caseload?team_id=" + std::to_string(families_), head_).status, 200);
  EXPECT_EQ(get("/api/v1/caseload?team_id=" + std::to_string(families_), adults_super_).status, 403);
  EXPECT_EQ(get("/api/v1/caseload", worker_).status, 403);
  EXPECT_EQ(get("/api/v1/caseload", director_).status, 200);  // her municipality's teams (caseload_director_test)
  Answer bad = get("/api/v1/caseload?team_id=abc", supervisor_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(field_of(bad), "team_id");
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
