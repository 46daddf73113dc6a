// Cases through the API on both engines: from an intake to a case, the stage transitions with
// their history, the agreement, closure by request and a supervisor's approval, reopening,
// the lists, and refused input (409 for disallowed moves, 403 for the wrong approver).
#include "case_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

std::string case_path(const json& k, const std::string& tail = "") {
  return "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + tail;
}

TEST_P(CaseTest, WalksAWholeCaseFromIntakeToClosureAndReopens) {
  json k = open_case();
  EXPECT_EQ(k["stage"], "intake");
  EXPECT_EQ(k["household_id"], household_);
  EXPECT_EQ(k["lead_worker_id"], worker_user_.id);
  ASSERT_EQ(k["transitions"].size(), 1u);
  EXPECT_EQ(k["transitions"][0]["to"], "intake");
  EXPECT_EQ(k["next_stages"], json({"agreement"}));

  Answer a = move(k, "agreement", worker_);
  ASSERT_EQ(a.status, 200) << a.body.dump();
  // Leaving the agreement stage needs a recorded agreement.
  Answer refused = move(a.body, "initial_assessment", worker_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body["detail"].get<std::string>().find("agreement"), std::string::npos) << refused.body.dump();
  Answer agreed = post(case_path(k, "/agreement"), {{"agreed_on", a.body["opened_on"]}, {"person_ids", {anna_, janis_}},
                                                     {"note", "Abi vecāki piekrīt sadarbībai."}}, worker_);
  ASSERT_EQ(agreed.status, 201) << agreed.body.dump();
  EXPECT_EQ(agreed.body["agreement"]["person_ids"].size(), 2u);
  json current = agreed.body;
  for (const char* stage : {"initial_assessment", "in_depth_assessment", "plan", "implementation", "review", "plan",
                            "implementation", "review"}) {
    if (std::string(stage) == "implementation") approve_plan(current);  // the plan stage rule
    Answer moved = move(current, stage, worker_);
    ASSERT_EQ(moved.status, 200) << stage << " " << moved.body.dump();
    EXPECT_EQ(moved.body["stage"], stage);
    current = moved.body;
  }
  // Closing is not an ordinary transition.
  Answer close = move(current, "closed", worker_);
  EXPECT_EQ(close.status, 409);
  EXPECT_EQ(close.body["status"], 409);

  // Only the lead worker requests closure; only a supervisor of the team approves it.
  const json request = {{"reason", "goals_reached"}, {"outcome_rating", 4}, {"note", "Bērni apmeklē skolu."}};
  EXPECT_EQ(post(case_path(k, "/closure-request"), request, supervisor_).status, 403);
  EXPECT_EQ(post(case_path(k, "/closure-request"), request, colleague_).status, 403);
  Answer requested = post(case_path(k, "/closure-request"), request, worker_);
  ASSERT_EQ(requested.status, 201) << requested.body.dump();
  EXPECT_EQ(requested.body["closure_request"]["status"], "pending");
  EXPECT_EQ(post(case_path(k, "/closure-request"), request, worker_).status, 409);  // already pending
  EXPECT_EQ(post(case_path(k, "/closure-decision"), {{"approved", true}}, worker_).status, 403);
  EXPECT_EQ(post(case_path(k, "/closure-decision"), {{"approved", true}}, head_).status, 403);
  EXPECT_EQ(post(case_path(k, "/closure-decision"), {{"approved", true}}, adults_super_).status, 404);
  EXPECT_EQ(post(case_path(k, "/closure-decision"), {{"approved", true}}, director_).status, 403);
  Answer approved = post(case_path(k, "/closure-decision"), {{"approved", true}, {"note", "Piekrītu."}}, supervisor_);
  ASSERT_EQ(approved.status, 200) << approved.body.dump();
  EXPECT_EQ(approved.body["stage"], "closed");
  EXPECT_EQ(approved.body["closure_reason"], "goals_reached");
  EXPECT_EQ(approved.body["outcome_rating"], 4);
  EXPECT_EQ(approved.body["closure_request"]["status"], "approved");
  const json& last = approved.body["transitions"].back();
  EXPECT_EQ(last["from"], "review");
  EXPECT_EQ(last["to"], "closed");
  EXPECT_EQ(last["reason"], "Bērni apmeklē skolu.");
  EXPECT_EQ(last["by"]["name"], "Test k.super");
  EXPECT_FALSE(last["at"].get<std::string>().empty());
  // The supervisor was told of the request; the lead worker of the decision.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification WHERE kind = 'closure_requested' AND user_id = " +
                  std::to_string(supervisor_user_.id)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification WHERE kind = 'closure_decided' AND user_id = " +
                  std::to_string(worker_user_.id)), 1);

  // Reopening goes back to the agreement stage; the old agreement no longer counts.
  EXPECT_EQ(move(approved.body, "plan", worker_).status, 409);
  Answer reopened = move(approved.body, "agreement", worker_);
  ASSERT_EQ(reopened.status, 200) << reopened.body.dump();
  EXPECT_TRUE(reopened.body["closed_on"].is_null());
  EXPECT_EQ(move(reopened.body, "initial_assessment", worker_).status, 409);
  EXPECT_EQ(reopened.body["transitions"].size(), 12u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_transition WHERE case_id = " + std::to_string(k["id"].get<int>())), 12);
}

TEST_P(CaseTest, RefusesDisallowedTransitionsWithTheReason) {
  json k = open_case();
  Answer skip = move(k, "plan", worker_);
  EXPECT_EQ(skip.status, 409);
  EXPECT_EQ(skip.body["status"], 409);
  EXPECT_NE(skip.body["detail"].get<std::string>().find("agreement"), std::string::npos) << skip.body.dump();
  As lv = worker_;
  lv.language = "lv";
  Answer latvian = move(k, "review", lv);
  EXPECT_EQ(latvian.status, 409);
  EXPECT_NE(latvian.body["detail"].get<std::string>().find("vienošanās"), std::string::npos) << latvian.body.dump();
  Answer unknown = move(k, "limbo", worker_);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.body["errors"][0]["field"], "to");
  Answer no_reason = post(case_path(k, "/transitions"), {{"version", k["version"]}, {"to", "agreement"}}, worker_);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["errors"][0]["field"], "reason");
  Answer stale = post(case_path(k, "/transitions"), {{"version", 999}, {"to", "agreement"}, {"reason", "x"}}, worker_);
  EXPECT_EQ(stale.status, 409);
  // A colleague of the team reads the case but does not move it; another team does not see it.
  EXPECT_EQ(get(case_path(k), colleague_).status, 200);
  EXPECT_EQ(move(k, "agreement", colleague_).status, 403);
  EXPECT_EQ(get(case_path(k), adults_).status, 404);
  EXPECT_EQ(get(case_path(k), benefits_).status, 404);
  EXPECT_EQ(move(k, "agreement", director_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_transition WHERE case_id = " + std::to_string(k["id"].get<int>())), 1);
}

TEST_P(CaseTest, AgreementNamesHouseholdMembersOnADateNotInTheFuture) {
  json k = open_case();
  const std::string path = case_path(k, "/agreement");
  Answer future = post(path, {{"agreed_on", "2999-01-01"}, {"person_ids", {anna_}}}, worker_);
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(future.body["errors"][0]["field"], "agreed_on");
  const std::int64_t stranger = id_of("SELECT id FROM person WHERE given_names = 'Līga'");
  Answer outsider = post(path, {{"agreed_on", k["opened_on"]}, {"person_ids", {anna_, stranger}}}, worker_);
  EXPECT_EQ(outsider.status, 422);
  EXPECT_EQ(outsider.body["errors"][0]["field"], "person_ids.1");
  EXPECT_EQ(post(path, {{"agreed_on", k["opened_on"]}, {"person_ids", json::array()}}, worker_).status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_agreement"), 0);
}

TEST_P(CaseTest, ListsMyCasesByStageAndAuditsEveryRead) {
  json k = open_case();
  const std::string id = std::to_string(k["id"].get<std::int64_t>());
  Answer mine = get("/api/v1/cases?mine=1", worker_);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["subject_name"], "Bērziņu ģimene");
  EXPECT_EQ(mine.body["items"][0]["lead_worker"]["id"], worker_user_.id);
  EXPECT_EQ(get("/api/v1/cases?mine=1", colleague_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/cases", colleague_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/cases", director_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/cases", adults_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/cases?stage=intake", head_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/cases?stage=plan", head_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/cases?stage=nowhere", head_).status, 422);
  EXPECT_EQ(get("/api/v1/cases", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/cases?page=1&page_size=1", worker_).body["page_size"], 1);
  const std::int64_t before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'case' AND entity_id = '" + id + "'");
  EXPECT_EQ(get("/api/v1/cases/" + id, director_).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'case' AND entity_id = '" + id + "'"),
            before + 1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'list' AND entity_type = 'case'"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = 'case'"), 1);
  // Who looked at it: supervisors and heads of its scope, not a worker, not another team.
  const Answer who = get("/api/v1/audit/entities/case/" + id, supervisor_);
  ASSERT_EQ(who.status, 200) << who.body.dump();
  EXPECT_GE(who.body["total"].get<int>(), 3);
  EXPECT_EQ(get("/api/v1/audit/entities/case/" + id, adults_super_).status, 404);
  EXPECT_EQ(get("/api/v1/audit/entities/case/" + id, worker_).status, 403);
  EXPECT_EQ(get("/api/v1/audit/entities/case/abc", head_).status, 404);
  // The contract is in OpenAPI with the bodies' shapes.
  const Answer doc = get("/api/v1/openapi.json", As{});
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.body["paths"]["/api/v1/cases/{id}/transitions"]["post"]["requestBody"]["content"]["application/json"]
                    ["schema"]["required"], json({"version", "to", "reason"}));
  EXPECT_TRUE(doc.body["paths"]["/api/v1/public/requests"]["post"]["requestBody"].is_object());
  EXPECT_FALSE(doc.body["paths"]["/api/v1/public/requests"]["post"].contains("security"));
}

TEST_P(CaseTest, OpeningACaseChecksTheLeadWorkerAndSubject) {
  const Answer intake = post("/api/v1/intakes", intake_body({{"household_id", nullptr}}), worker_);
  ASSERT_EQ(intake.status, 201) << intake.body.dump();
  const std::string path = "/api/v1/intakes/" + std::to_string(intake.body["id"].get<std::int64_t>()) + "/outcome";
  const json version = intake.body["version"];
  Answer no_subject = post(path, {{"version", version}, {"outcome", "open_case"}}, worker_);
  EXPECT_EQ(no_subject.status, 422);
  EXPECT_EQ(no_subject.body["errors"][0]["field"], "household_id");
  const std::int64_t benefits_user = id_of("SELECT id FROM app_user WHERE username = 'k.benefits'");
  Answer wrong_lead = post(path, {{"version", version}, {"outcome", "open_case"}, {"person_id", anna_},
                                  {"lead_worker_id", benefits_user}}, worker_);
  EXPECT_EQ(wrong_lead.status, 422);
  EXPECT_EQ(wrong_lead.body["errors"][0]["field"], "lead_worker_id");
  const std::int64_t colleague = id_of("SELECT id FROM app_user WHERE username = 'k.colleague'");
  Answer opened = post(path, {{"version", version}, {"outcome", "open_case"}, {"person_id", anna_},
                              {"lead_worker_id", colleague}, {"co_worker_ids", {worker_user_.id}}}, supervisor_);
  ASSERT_EQ(opened.status, 200) << opened.body.dump();
  EXPECT_EQ(opened.body["outcome"], "open_case");
  const Answer k = get("/api/v1/cases/" + std::to_string(opened.body["case_id"].get<std::int64_t>()), worker_);
  EXPECT_EQ(k.body["person_id"], anna_);
  EXPECT_EQ(k.body["lead_worker_id"], colleague);
  EXPECT_EQ(k.body["co_worker_ids"], json({worker_user_.id}));
  EXPECT_EQ(get("/api/v1/cases?mine=1", worker_).body["total"], 1);  // as co-worker
  // The intake has its outcome: a second one is refused.
  EXPECT_EQ(post(path, {{"version", version}, {"outcome", "no_action"}, {"reason", "x"}}, worker_).status, 409);
}

TEST_P(CaseTest, AssignsTheLeadWorkerAndCoWorkers) {
  json k = open_case();
  const std::int64_t colleague = id_of("SELECT id FROM app_user WHERE username = 'k.colleague'");
  const std::int64_t adults = id_of("SELECT id FROM app_user WHERE username = 'k.adults'");
  const std::int64_t benefits = id_of("SELECT id FROM app_user WHERE username = 'k.benefits'");
  auto patch = [&](const json& body, const As& who) {
    json full = body;
    full["version"] = k["version"];
    return f_.call(Method::patch, case_path(k), who, full.dump());
  };
  EXPECT_EQ(get(case_path(k), adults_).status, 404);
  Answer added = patch({{"co_worker_ids", {colleague, adults}}}, worker_);
  ASSERT_EQ(added.status, 200) << added.body.dump();
  EXPECT_EQ(added.body["co_worker_ids"], json({colleague, adults}));
  k = added.body;
  // A co-worker from another team now works on the case.
  EXPECT_EQ(get(case_path(k), adults_).status, 200);
  EXPECT_EQ(get("/api/v1/cases?mine=1", adults_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/notifications", adults_).body["items"][0]["kind"], "case_assigned");
  EXPECT_EQ(patch({{"co_worker_ids", {benefits}}}, worker_).body["errors"][0]["field"], "co_worker_ids.0");
  EXPECT_EQ(patch({{"co_worker_ids", {adults, adults}}}, worker_).body["errors"][0]["field"], "co_worker_ids.1");
  // The lead worker is named by the team's supervisor, from the team.
  EXPECT_EQ(patch({{"lead_worker_id", colleague}, {"co_worker_ids", json::array()}}, worker_).status, 403);
  EXPECT_EQ(patch({{"lead_worker_id", adults}}, supervisor_).body["errors"][0]["field"], "lead_worker_id");
  EXPECT_EQ(patch({{"lead_worker_id", colleague}}, supervisor_).body["errors"][0]["field"], "co_worker_ids.0");
  Answer moved = patch({{"lead_worker_id", colleague}, {"co_worker_ids", {worker_user_.id}}}, supervisor_);
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["lead_worker_id"], colleague);
  EXPECT_EQ(get(case_path(k), adults_).status, 404);
  EXPECT_EQ(f_.call(Method::patch, case_path(k), worker_, json{{"version", 1}}.dump()).status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'assign' AND entity_type = 'case'"), 2);
}

TEST_P(CaseTest, OnlyASupervisorOpensACaseForAnotherLeadWorker) {
  const Answer intake = post("/api/v1/intakes", intake_body(), worker_);
  ASSERT_EQ(intake.status, 201);
  const std::int64_t colleague = id_of("SELECT id FROM app_user WHERE username = 'k.colleague'");
  const Answer refused = post("/api/v1/intakes/" + std::to_string(intake.body["id"].get<std::int64_t>()) + "/outcome",
                              {{"version", intake.body["version"]}, {"outcome", "open_case"}, {"lead_worker_id", colleague}},
                              worker_);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_file"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
