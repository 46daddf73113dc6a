// Intakes through the API on both engines: deadlines in Latvian working days, the reporter's
// identity kept to the workers handling it, rapid response (duty board, alerts, duty
// workers), notifications, outcomes, refused input, and the public web request (honeypot,
// throttle, size limit).
#include <regex>

#include "case_test_support.h"
#include "cases/calendar.h"
#include "core/date.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class IntakeTest : public CaseTest {};

std::string intake_path(const Answer& a, const std::string& tail = "") {
  return "/api/v1/intakes/" + std::to_string(a.body["id"].get<std::int64_t>()) + tail;
}

TEST_P(IntakeTest, CarriesAWorkingDayDeadlineAndHidesTheReporter) {
  const cases::Calendar calendar;
  const Answer routine = post("/api/v1/intakes", intake_body(), worker_);
  ASSERT_EQ(routine.status, 201) << routine.body.dump();
  EXPECT_EQ(routine.body["first_contact_due_on"], calendar.add_working_days(today_riga(), 10).iso());
  EXPECT_TRUE(routine.body["first_contact_due_at"].is_null());
  EXPECT_EQ(routine.body["status"], "open");
  EXPECT_EQ(routine.body["problems"], json({"neglect", "poverty"}));
  EXPECT_EQ(routine.body["concern"], "Bērni bieži paliek vieni mājās.\nVecāki strādā naktīs.");
  EXPECT_TRUE(std::regex_match(routine.body["reference"].get<std::string>(), std::regex("P-[2-9A-Z]{4}-[2-9A-Z]{4}")));
  const Answer priority = post("/api/v1/intakes", intake_body({{"urgency", "priority"}}), worker_);
  EXPECT_EQ(priority.body["first_contact_due_on"], calendar.add_working_days(today_riga(), 3).iso());

  // The reporter: the team's workers see her; the director's read-only view does not.
  EXPECT_EQ(get(intake_path(routine), colleague_).body["reporter"]["name"], "Kaimiņiene Ieva");
  const Answer director = get(intake_path(routine), director_);
  ASSERT_EQ(director.status, 200);
  EXPECT_EQ(director.body["reporter"]["kind"], "person");
  EXPECT_EQ(director.body["reporter"]["redacted"], true);
  EXPECT_FALSE(director.body["reporter"].contains("name"));
  EXPECT_EQ(director.raw.find("Kaimiņiene"), std::string::npos);
  EXPECT_EQ(get("/api/v1/intakes", director_).raw.find("Kaimiņiene"), std::string::npos);
  EXPECT_EQ(get(intake_path(routine), adults_).status, 404);
  EXPECT_EQ(get(intake_path(routine), benefits_).status, 404);
  EXPECT_EQ(get("/api/v1/intakes", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/intakes?status=open", worker_).body["total"], 2);
  EXPECT_EQ(get("/api/v1/intakes?urgency=priority", worker_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/intakes", adults_).body["total"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type = 'intake'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity_type = 'intake'"), 2);
}

TEST_P(IntakeTest, AcuteIntakeAlertsTheSupervisorAndDutyWorkerAndIsOnTheDutyBoard) {
  const std::int64_t colleague = id_of("SELECT id FROM app_user WHERE username = 'k.colleague'");
  const json duty = {{"team_id", families_}, {"user_id", colleague}};
  EXPECT_EQ(f_.call(Method::put, "/api/v1/intakes/duty-worker", worker_, duty.dump()).status, 403);
  EXPECT_EQ(f_.call(Method::put, "/api/v1/intakes/duty-worker", adults_super_, duty.dump()).status, 403);
  Answer set = f_.call(Method::put, "/api/v1/intakes/duty-worker", supervisor_, duty.dump());
  ASSERT_EQ(set.status, 200) << set.body.dump();
  const json benefits_duty = {{"team_id", families_}, {"user_id", id_of("SELECT id FROM app_user WHERE username = 'k.benefits'")}};
  EXPECT_EQ(f_.call(Method::put, "/api/v1/intakes/duty-worker", supervisor_, benefits_duty.dump()).status, 422);

  ASSERT_EQ(post("/api/v1/intakes", intake_body(), worker_).status, 201);
  const Answer acute = post("/api/v1/intakes", intake_body({{"urgency", "acute"}, {"channel", "police"},
                                                            {"problems", {"violence"}}}), worker_);
  ASSERT_EQ(acute.status, 201) << acute.body.dump();
  const auto received = parse_iso_utc(acute.body["received_at"].get<std::string>());
  const auto due = parse_iso_utc(acute.body["first_contact_due_at"].get<std::string>());
  ASSERT_TRUE(received && due);
  EXPECT_EQ(*due - *received, std::chrono::hours(24));

  const Answer board = get("/api/v1/intakes/duty-board", supervisor_);
  ASSERT_EQ(board.status, 200) << board.body.dump();
  ASSERT_EQ(board.body["total"], 1);
  EXPECT_EQ(board.body["items"][0]["id"], acute.body["id"]);
  EXPECT_EQ(board.body["items"][0]["overdue"], false);
  EXPECT_EQ(board.body["duty_workers"][0]["user_id"], colleague);
  EXPECT_EQ(get("/api/v1/intakes/duty-board", adults_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/intakes/duty-board", benefits_).status, 403);

  // Alerts: the supervisor and the duty worker, not the worker who took the call.
  const Answer mine = get("/api/v1/notifications?unread=1", supervisor_);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["kind"], "acute_intake");
  EXPECT_EQ(mine.body["items"][0]["entity_id"], acute.body["id"]);
  EXPECT_EQ(get("/api/v1/notifications", colleague_).body["unread"], 1);
  EXPECT_EQ(get("/api/v1/notifications", worker_).body["total"], 0);
  const std::string read = "/api/v1/notifications/" + std::to_string(mine.body["items"][0]["id"].get<std::int64_t>()) + "/read";
  EXPECT_EQ(post(read, json::object(), colleague_).status, 404);  // not hers
  EXPECT_EQ(post(read, json::object(), supervisor_).status, 204);
  EXPECT_EQ(get("/api/v1/notifications?unread=1", supervisor_).body["total"], 0);
  EXPECT_EQ(get("/api/v1/notifications", supervisor_).body["total"], 1);

  // Once it has an outcome the intake leaves the board.
  const Answer referred = post(intake_path(acute, "/outcome"), {{"version", acute.body["version"]}, {"outcome", "referred"},
                                                                {"referred_to", "Valsts policija"}}, supervisor_);
  ASSERT_EQ(referred.status, 200) << referred.body.dump();
  EXPECT_EQ(referred.body["status"], "closed");
  EXPECT_EQ(get("/api/v1/intakes/duty-board", supervisor_).body["total"], 0);
}

TEST_P(IntakeTest, RefusesBadInputAndStoresNothing) {
  auto refused = [&](const json& extra, const std::string& field, int status = 422) {
    const Answer a = post("/api/v1/intakes", intake_body(extra), worker_);
    EXPECT_EQ(a.status, status) << extra.dump() << " " << a.body.dump();
    ASSERT_TRUE(a.body.contains("errors")) << a.body.dump();
    ASSERT_FALSE(a.body["errors"].empty()) << extra.dump();
    EXPECT_EQ(a.body["errors"][0]["field"], field) << extra.dump();
  };
  refused({{"concern", std::string(10001, 'a')}}, "concern");
  refused({{"concern", " \n "}}, "concern");
  refused({{"first_contact_due_on", add_days(today_riga(), -1).iso()}}, "first_contact_due_on");
  refused({{"first_contact_due_on", "2026-13-01"}}, "first_contact_due_on");
  refused({{"first_contact_due_on", add_days(today_riga(), 400).iso()}}, "first_contact_due_on");
  refused({{"urgency", "acute"}, {"first_contact_due_on", today_riga().iso()}}, "first_contact_due_on");
  refused({{"problems", {"poverty", "aliens"}}}, "problems.1");
  refused({{"problems", json::array()}}, "problems");
  refused({{"reporter", {{"kind", "anonymous"}, {"name", "Ieva"}}}}, "reporter.name");
  refused({{"reporter", {{"kind", "person"}}}}, "reporter.name");
  refused({{"reporter", {{"kind", "ghost"}}}}, "reporter.kind");
  refused({{"channel", "pigeon"}}, "channel");
  refused({{"urgency", "soon"}}, "urgency");
  refused({{"team_id", id_of("SELECT id FROM team WHERE code = 'adults'")}}, "team_id");
  refused({{"household_id", 999999}}, "household_id");
  refused({{"person_ids", {anna_, 999999}}}, "person_ids.1");
  refused({{"colour", "blue"}}, "colour");
  // In Latvian by default.
  As lv = worker_;
  lv.language = "lv";
  const Answer latvian = post("/api/v1/intakes", intake_body({{"first_contact_due_on", "2000-01-01"}}), lv);
  EXPECT_EQ(latvian.body["errors"][0]["message"], "Termiņš nevar būt pagātnē.");
  EXPECT_EQ(post("/api/v1/intakes", intake_body(), director_).status, 403);
  EXPECT_EQ(post("/api/v1/intakes", intake_body(), benefits_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM intake"), 0);
  // A deadline earlier than the default is the worker's to choose.
  const Answer today = post("/api/v1/intakes", intake_body({{"first_contact_due_on", today_riga().iso()}}), worker_);
  EXPECT_EQ(today.status, 201) << today.body.dump();
  EXPECT_EQ(today.body["first_contact_due_on"], today_riga().iso());
}

TEST_P(IntakeTest, OutcomesNeedTheirReasons) {
  const Answer a = post("/api/v1/intakes", intake_body({{"reporter", {{"kind", "anonymous"}}}}), worker_);
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const json v = a.body["version"];
  EXPECT_EQ(post(intake_path(a, "/outcome"), {{"version", v}, {"outcome", "no_action"}}, worker_).body["errors"][0]["field"],
            "reason");
  EXPECT_EQ(post(intake_path(a, "/outcome"), {{"version", v}, {"outcome", "referred"}}, worker_).body["errors"][0]["field"],
            "referred_to");
  EXPECT_EQ(post(intake_path(a, "/outcome"), {{"version", v}, {"outcome", "maybe"}}, worker_).status, 422);
  EXPECT_EQ(post(intake_path(a, "/outcome"), {{"version", v}, {"outcome", "no_action"}, {"reason", "x"}}, director_).status, 403);
  const Answer done = post(intake_path(a, "/outcome"), {{"version", v}, {"outcome", "no_action"},
                                                        {"reason", "Situācija atrisināta pirms kontakta."}}, colleague_);
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["outcome"], "no_action");
  EXPECT_EQ(done.body["outcome_reason"], "Situācija atrisināta pirms kontakta.");
  EXPECT_TRUE(done.body["case_id"].is_null());
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_file"), 0);
}

TEST_P(IntakeTest, PublicRequestArrivesAsAWebIntakeWithAReference) {
  const json body = {{"name", "Sarmīte"}, {"phone", "+371 29 000 000"}, {"concern", "Man nav naudas apkurei.\nLūdzu, zvaniet."}};
  const Answer a = f_.call(Method::post, "/api/v1/public/requests", {}, body.dump());
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const std::string reference = a.body["reference"].get<std::string>();
  EXPECT_TRUE(std::regex_match(reference, std::regex("P-[2-9A-Z]{4}-[2-9A-Z]{4}")));
  const Answer list = get("/api/v1/intakes", worker_);
  ASSERT_EQ(list.body["total"], 1);
  const json& i = list.body["items"][0];
  EXPECT_EQ(i["reference"], reference);
  EXPECT_EQ(i["channel"], "web");
  EXPECT_EQ(i["urgency"], "routine");
  EXPECT_EQ(i["team_id"], families_);
  EXPECT_EQ(i["reporter"]["name"], "Sarmīte");
  EXPECT_EQ(i["reporter"]["contact"], "+371 29 000 000");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE username = 'public' AND action = 'create' AND entity_type = 'intake'"
                  " AND user_id IS NULL"), 1);
}

TEST_P(IntakeTest, PublicHoneypotLooksAcceptedButStoresNothing) {
  const json body = {{"phone", "20000000"}, {"concern", "Buy cheap watches"}, {"website", "http://spam.example"}};
  const Answer a = f_.call(Method::post, "/api/v1/public/requests", {}, body.dump());
  EXPECT_EQ(a.status, 201) << a.body.dump();
  EXPECT_TRUE(std::regex_match(a.body["reference"].get<std::string>(), std::regex("P-[2-9A-Z]{4}-[2-9A-Z]{4}")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM intake"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'intake'"), 0);
}

TEST_P(IntakeTest, PublicRequestsAreSizeLimitedValidatedAndThrottled) {
  const json big = {{"phone", "20000000"}, {"concern", std::string(9000, 'x')}};
  EXPECT_EQ(f_.call(Method::post, "/api/v1/public/requests", {}, big.dump()).status, 413);
  const Answer long_concern = f_.call(Method::post, "/api/v1/public/requests", {},
                                      json{{"phone", "20000000"}, {"concern", std::string(4001, 'x')}}.dump());
  EXPECT_EQ(long_concern.status, 422);
  const Answer no_contact = f_.call(Method::post, "/api/v1/public/requests", {}, json{{"concern", "Palīdziet"}}.dump());
  EXPECT_EQ(no_contact.status, 422);
  EXPECT_EQ(no_contact.body["errors"][0]["field"], "phone");
  EXPECT_EQ(f_.call(Method::post, "/api/v1/public/requests", {}, json{{"email", "nav-epasts"}, {"concern", "x"}}.dump())
                .body["errors"][0]["field"], "email");
  const json ok = {{"email", "iedzivotaja@example.lv"}, {"concern", "Lūdzu, palīdziet ar mājokli."}};
  for (int n = 0; n < 5; ++n) {
    EXPECT_EQ(f_.call(Method::post, "/api/v1/public/requests", {}, ok.dump()).status, 201) << n;
  }
  const Answer throttled = f_.call(Method::post, "/api/v1/public/requests", {}, ok.dump());
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(throttled.header("Retry-After").empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM intake WHERE channel = 'web'"), 5);
}

TEST_P(IntakeTest, TriageOfAWebRequestEscalatesToRapidResponse) {
  const json request = {{"name", "Skolotāja"}, {"email", "skola@example.lv"}, {"concern", "Bērns stāsta par vardarbību mājās."}};
  ASSERT_EQ(f_.call(Method::post, "/api/v1/public/requests", {}, request.dump()).status, 201);
  const json web = get("/api/v1/intakes", worker_).body["items"][0];
  EXPECT_TRUE(web["problems"].empty());
  const std::string path = "/api/v1/intakes/" + std::to_string(web["id"].get<std::int64_t>());
  auto triage = [&](const json& body, const As& who, const json& version) {
    json full = body;
    full["version"] = version;
    return f_.call(Method::patch, path, who, full.dump());
  };
  EXPECT_EQ(triage({{"problems", json::array()}}, worker_, web["version"]).body["errors"][0]["field"], "problems");
  EXPECT_EQ(triage({{"urgency", "now"}}, worker_, web["version"]).body["errors"][0]["field"], "urgency");
  EXPECT_EQ(triage({{"person_ids", {999999}}}, worker_, web["version"]).body["errors"][0]["field"], "person_ids.0");
  EXPECT_EQ(triage({{"urgency", "acute"}}, director_, web["version"]).status, 403);
  EXPECT_EQ(triage({{"urgency", "acute"}}, adults_, web["version"]).status, 404);
  const Answer acute = triage({{"urgency", "acute"}, {"problems", {"violence", "neglect"}}, {"person_ids", {anna_}},
                               {"household_id", household_}}, worker_, web["version"]);
  ASSERT_EQ(acute.status, 200) << acute.body.dump();
  EXPECT_EQ(acute.body["urgency"], "acute");
  EXPECT_EQ(acute.body["problems"], json({"neglect", "violence"}));
  EXPECT_EQ(acute.body["person_ids"], json({anna_}));
  EXPECT_EQ(acute.body["household_id"], household_);
  const auto received = parse_iso_utc(acute.body["received_at"].get<std::string>());
  const auto due = parse_iso_utc(acute.body["first_contact_due_at"].get<std::string>());
  ASSERT_TRUE(received && due);
  EXPECT_EQ(*due - *received, std::chrono::hours(24));
  EXPECT_EQ(get("/api/v1/intakes/duty-board", supervisor_).body["total"], 1);
  EXPECT_EQ(get("/api/v1/notifications", supervisor_).body["items"][0]["kind"], "acute_intake");
  EXPECT_EQ(triage({{"urgency", "routine"}}, worker_, web["version"]).status, 409);  // stale version
  const Answer routine = triage({{"urgency", "routine"}}, worker_, acute.body["version"]);
  ASSERT_EQ(routine.status, 200);
  EXPECT_TRUE(routine.body["first_contact_due_at"].is_null());
  EXPECT_EQ(get("/api/v1/intakes/duty-board", supervisor_).body["total"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND entity_type = 'intake'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, IntakeTest, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
