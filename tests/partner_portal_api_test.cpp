// The partner portal's tasks and information requests through the API on both engines: plan
// tasks assigned to an institution of the register, seen and updated by its users only (other
// tasks and other institutions' answer 404 with a "denied" audit entry; the case file and its
// records stay closed to them, each direct request a 404 with a "denied" entry); an orphan's court's information request answered by a worker with an
// opinion of the case, whose PDF — and nothing else of the case — the court then downloads;
// refused input naming the field.
#include "access/user_store.h"
#include "cases/case_store.h"
#include "partner_test_support.h"
#include "partners/routes_common.h"
#include "support/pdf_text.h"

namespace atb::test {
namespace {

using nlohmann::json;

class PartnerPortalApi : public PartnerTest {
 protected:
  std::string case_path(const json& k, const std::string& tail = "") const {
    return "/api/v1/cases/" + k["id"].dump() + tail;
  }
  /// A plan body: a task for Anna and one for the school (by its register id).
  json plan_with_school() const {
    json tasks = json::array();
    tasks.push_back({{"text", "Pavadīt bērnus uz skolu"}, {"due_on", in_days(20)},
                     {"responsible", {{"kind", "member"}, {"person_id", anna_}}}});
    tasks.push_back({{"text", "Sniegt informāciju par kavējumiem"}, {"due_on", in_days(14)},
                     {"responsible", {{"kind", "partner"}, {"partner_id", school_id_}}}});
    json goal = {{"text", "Bērni apmeklē skolu katru dienu"}, {"tasks", tasks}};
    return {{"goals", json::array({goal})}, {"review_on", in_days(60)}};
  }
  /// A new case with the plan above in force; returns the plan.
  json plan_in_force(const json& k) {
    const Answer made = post(case_path(k, "/plans"), plan_with_school(), worker_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    const std::string plan = case_path(k, "/plans/" + made.body["id"].dump());
    const Answer agreed = post(plan + "/family-agreement",
                               {{"version", made.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_}}},
                               worker_);
    EXPECT_EQ(agreed.status, 200) << agreed.body.dump();
    const Answer submitted = post(plan + "/submit", {{"version", agreed.body["version"]}}, worker_);
    EXPECT_EQ(submitted.status, 200) << submitted.body.dump();
    const Answer approved = post(plan + "/decision", {{"version", submitted.body["version"]}, {"approved", true}},
                                 supervisor_);
    EXPECT_EQ(approved.status, 200) << approved.body.dump();
    return approved.body;
  }
  json request_body(const json& extra = json::object()) const {
    json body = {{"subject_name", "Anna Bērziņa"},
                 {"subject_birth_date", "1990-01-01"},
                 {"case_reference", "BT 2026/114"},
                 {"question", "Lūdzam sniegt atzinumu par ģimenes situāciju."},
                 {"due_on", in_days(14)}};
    body.update(extra);
    return body;
  }
  /// An opinion of case `k` made by the worker; returns it.
  json opinion_of(const json& k) {
    const json body = {{"addressee", "Liepājas bāriņtiesai"},
                       {"person_ids", {anna_}},
                       {"sections", {{{"kind", "text"}, {"text", "Ģimene sadarbojas ar sociālo dienestu."}}}}};
    const Answer made = post(case_path(k, "/opinions"), body, worker_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    return made.body;
  }
  /// The case's scope as the policy sees it, with its partner institutions.
  access::CaseScope scope_of_case(std::int64_t id) {
    auto scope = f_.db().read([&](storage::Connection& c) -> Result<access::CaseScope> {
      ATB_TRY_ASSIGN(k, cases::load_case(c, id));
      return partners::case_scope(c, *k);
    });
    EXPECT_TRUE(scope);
    return scope ? *scope : access::CaseScope{};
  }
  access::Principal principal_of(const TestUser& u) {
    auto p = f_.db().read([&](storage::Connection& c) { return access::load_principal(c, u.id); });
    EXPECT_TRUE(p && *p);
    return p && *p ? **p : access::Principal{};
  }
};

TEST_P(PartnerPortalApi, InstitutionSeesAndUpdatesOnlyItsTasks) {
  const json k = open_case();
  const json plan = plan_in_force(k);
  const json& tasks = plan["goals"][0]["tasks"];
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[1]["responsible"]["partner_id"], school_id_);
  EXPECT_EQ(tasks[1]["responsible"]["name"], "Liepājas 5. vidusskola");
  const std::string school_task = "/api/v1/partner/tasks/" + tasks[1]["id"].dump();
  const std::string member_task = "/api/v1/partner/tasks/" + tasks[0]["id"].dump();

  // The case lists the school in its scope: the policy lets the school, not the court, read its part.
  const access::CaseScope scope = scope_of_case(k["id"].get<std::int64_t>());
  EXPECT_EQ(scope.partner_ids, std::vector<std::int64_t>{school_id_});
  EXPECT_EQ(principal_of(pedagogue_user_).partner_id, school_id_);
  EXPECT_EQ(access::partner_access(principal_of(pedagogue_user_), scope), access::Access::read);
  EXPECT_EQ(access::case_access(principal_of(pedagogue_user_), scope), access::Access::none);

  const Answer mine = get("/api/v1/partner/tasks", pedagogue_);
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  ASSERT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["text"], "Sniegt informāciju par kavējumiem");
  EXPECT_EQ(mine.body["items"][0]["goal"], "Bērni apmeklē skolu katru dienu");
  EXPECT_FALSE(mine.body["items"][0].contains("case_id"));
  EXPECT_EQ(get("/api/v1/partner/tasks", court_).body["total"], 0);

  const Answer started = patch(school_task, {{"version", tasks[1]["version"]}, {"status", "in_progress"},
                                             {"note", "Kavējumu saraksts nosūtīts."}}, pedagogue_);
  ASSERT_EQ(started.status, 200) << started.body.dump();
  EXPECT_EQ(started.body["status"], "in_progress");
  EXPECT_EQ(started.body["note"], "Kavējumu saraksts nosūtīts.");
  // The worker sees the change in the plan.
  const Answer seen = get(case_path(k, "/plan"), worker_);
  EXPECT_EQ(seen.body["current"]["goals"][0]["tasks"][1]["status"], "in_progress");
  // Stale version, unknown status: refused.
  EXPECT_EQ(patch(school_task, {{"version", tasks[1]["version"]}, {"status", "done"}}, pedagogue_).status, 409);
  const Answer unknown = patch(school_task, {{"version", started.body["version"]}, {"status", "forgotten"}}, pedagogue_);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(field_of(unknown), "status");

  // Not her institution's task, not her institution: 404, audited as denied; the case stays closed.
  const std::int64_t before = denied("case_task", pedagogue_user_.id);
  EXPECT_EQ(patch(member_task, {{"version", 1}, {"status", "done"}}, pedagogue_).status, 404);
  EXPECT_EQ(denied("case_task", pedagogue_user_.id), before + 1);
  EXPECT_EQ(patch(school_task, {{"version", started.body["version"]}, {"status", "done"}}, court_).status, 404);
  EXPECT_EQ(patch("/api/v1/partner/tasks/999999", {{"version", 1}, {"status", "done"}}, pedagogue_).status, 404);
  EXPECT_EQ(get(case_path(k), pedagogue_).status, 404);
  EXPECT_EQ(get(case_path(k, "/plan"), pedagogue_).status, 404);
  EXPECT_EQ(get(case_path(k, "/notes"), pedagogue_).status, 404);
  EXPECT_EQ(patch(case_path(k, "/tasks/" + tasks[1]["id"].dump()), {{"version", 2}, {"status", "done"}}, pedagogue_).status,
            404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'case_task' AND action = 'update' AND user_id = " +
                  std::to_string(pedagogue_user_.id)),
            1);
  // Once the case closes the task leaves her list, and changing it is a 404 like any record not
  // hers, not a 409 that would tell her the case closed.
  const std::int64_t case_id = k["id"];
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE case_file SET stage = 'closed' WHERE id = ?", storage::params(case_id)));
    return ok();
  }));
  EXPECT_EQ(get("/api/v1/partner/tasks", pedagogue_).body["total"], 0);
  EXPECT_EQ(patch(school_task, {{"version", started.body["version"]}, {"status", "done"}}, pedagogue_).status, 404);
}

// Issue 6: a partner asking for a case or any of its records directly — whether or not the
// case is referred to her institution — gets 404 and leaves an audit entry with outcome
// "denied" naming the case; staff's 404s are not written as denied.
TEST_P(PartnerPortalApi, PartnerAskingForACaseRecordIsAuditedAsDenied) {
  const json referred = open_case();
  const json plan = plan_in_force(referred);
  const json unrelated = open_case();
  const std::string task = plan["goals"][0]["tasks"][1]["id"].dump();
  const std::vector<std::string> tails = {"", "/notes", "/documents", "/documents/1/content", "/plan",
                                          "/plans/" + plan["id"].dump(), "/assessments", "/opinions"};
  for (const json& k : {referred, unrelated}) {
    const std::string id = k["id"].dump();
    const auto denied_for_case = [&] {
      return count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND entity_type = 'case' AND entity_id = '" +
                   id + "' AND user_id = " + std::to_string(pedagogue_user_.id));
    };
    std::int64_t expected = denied_for_case();
    EXPECT_EQ(expected, 0);
    for (const std::string& tail : tails) {
      const Answer a = get(case_path(k, tail), pedagogue_);
      EXPECT_EQ(a.status, 404) << tail << " " << a.raw;
      EXPECT_EQ(denied_for_case(), ++expected) << tail;
    }
    // A change asked for directly is refused and audited the same way.
    EXPECT_EQ(patch(case_path(k, "/tasks/" + task), {{"version", 2}, {"status", "done"}}, pedagogue_).status, 404);
    EXPECT_EQ(denied_for_case(), ++expected);
  }
  // The intake the case came from: 404, audited as denied for the intake.
  const Answer intake = get("/api/v1/intakes/" + unrelated["intake_id"].dump(), pedagogue_);
  EXPECT_EQ(intake.status, 404);
  EXPECT_EQ(denied("intake", pedagogue_user_.id), 1);
  // Staff's 404 (a case that does not exist) is an ordinary answer, not a denied entry.
  EXPECT_EQ(get("/api/v1/cases/999999", worker_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND user_id = " +
                  std::to_string(worker_user_.id)),
            0);
}

TEST_P(PartnerPortalApi, PlanTaskForAnUnknownInstitutionRefused) {
  const json k = open_case();
  json body = plan_with_school();
  body["goals"][0]["tasks"][1]["responsible"]["partner_id"] = 999999;
  const Answer refused = post(case_path(k, "/plans"), body, worker_);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(field_of(refused), "goals.0.tasks.1.responsible.partner_id");
}

TEST_P(PartnerPortalApi, CourtRequestAnsweredWithAnOpinion) {
  const Answer sent = post("/api/v1/partner/requests", request_body(), court_);
  ASSERT_EQ(sent.status, 201) << sent.body.dump();
  EXPECT_EQ(sent.body["status"], "open");
  EXPECT_TRUE(sent.body["answer"].is_null());
  const std::string id = sent.body["id"].dump();

  // The workers see it; the benefits officer and the school do not.
  const Answer inbox = get("/api/v1/partners/requests?status=open", worker_);
  ASSERT_EQ(inbox.status, 200) << inbox.body.dump();
  ASSERT_EQ(inbox.body["total"], 1);
  EXPECT_EQ(inbox.body["items"][0]["partner"]["name"], "Liepājas bāriņtiesa");
  EXPECT_EQ(get("/api/v1/partners/requests", benefits_).status, 403);
  EXPECT_EQ(get("/api/v1/partner/requests/" + id, pedagogue_).status, 404);
  EXPECT_EQ(denied("partner_request", pedagogue_user_.id), 1);
  EXPECT_EQ(get("/api/v1/partner/requests", pedagogue_).body["total"], 0);

  // Answered from a case the worker changes, with one of its opinions.
  const json k = open_case();
  const json other = open_case();
  const json opinion = opinion_of(k);
  const json foreign = opinion_of(other);
  const std::string answer = "/api/v1/partners/requests/" + id + "/answer";
  const json answer_body = {{"version", sent.body["version"]}, {"case_id", k["id"]}, {"opinion_id", opinion["id"]},
                            {"note", "Atzinums pievienots."}};
  json wrong = answer_body;
  wrong["opinion_id"] = foreign["id"];
  EXPECT_EQ(field_of(post(answer, wrong, worker_)), "opinion_id");
  wrong = answer_body;
  wrong["case_id"] = 999999;
  EXPECT_EQ(field_of(post(answer, wrong, worker_)), "case_id");
  EXPECT_EQ(post(answer, answer_body, adults_).status, 422);  // not a case of hers
  EXPECT_EQ(post(answer, answer_body, director_).status, 403);
  // Before the answer the court cannot download anything.
  EXPECT_EQ(get("/api/v1/partner/requests/" + id + "/opinion", court_).status, 404);
  const Answer answered = post(answer, answer_body, worker_);
  ASSERT_EQ(answered.status, 200) << answered.body.dump();
  EXPECT_EQ(answered.body["status"], "answered");
  EXPECT_EQ(answered.body["case_id"], k["id"]);
  EXPECT_EQ(post(answer, answer_body, worker_).status, 409);

  // The court sees the answer (not the case) and downloads that opinion, nothing else.
  const Answer read = get("/api/v1/partner/requests/" + id, court_);
  ASSERT_EQ(read.status, 200) << read.body.dump();
  EXPECT_EQ(read.body["answer"]["opinion_reference"], opinion["reference"]);
  EXPECT_EQ(read.body["answer"]["note"], "Atzinums pievienots.");
  EXPECT_FALSE(read.body.contains("case_id"));
  const Answer pdf = get("/api/v1/partner/requests/" + id + "/opinion", court_);
  ASSERT_EQ(pdf.status, 200) << pdf.raw.substr(0, 200);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.raw.substr(0, 5), "%PDF-");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'download' AND entity_type = 'case_document'"
                  " AND entity_id = '" + opinion["document_id"].dump() + "'"),
            1);
  EXPECT_EQ(get(case_path(k), court_).status, 404);
  EXPECT_EQ(get(case_path(k, "/documents/" + opinion["document_id"].dump() + "/content"), court_).status, 404);
  EXPECT_EQ(get(case_path(k, "/opinions"), court_).status, 404);
  EXPECT_EQ(get("/api/v1/partner/requests/" + id + "/opinion", pedagogue_).status, 404);
  const access::CaseScope scope = scope_of_case(k["id"].get<std::int64_t>());
  EXPECT_EQ(scope.partner_ids, std::vector<std::int64_t>{court_id_});
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'partner_request' AND action IN ('create', 'answer')"), 2);
}

TEST_P(PartnerPortalApi, BadRequestsRefusedNamingTheField) {
  const auto field = [&](const json& extra) {
    const Answer a = post("/api/v1/partner/requests", request_body(extra), court_);
    EXPECT_EQ(a.status, 422) << extra.dump() << a.body.dump();
    return field_of(a);
  };
  EXPECT_EQ(field({{"subject_name", ""}}), "subject_name");
  EXPECT_EQ(field({{"question", ""}}), "question");
  EXPECT_EQ(field({{"due_on", in_days(-1)}}), "due_on");
  EXPECT_EQ(field({{"due_on", "rīt"}}), "due_on");
  EXPECT_EQ(field({{"subject_birth_date", in_days(1)}}), "subject_birth_date");
  EXPECT_EQ(field({{"subject_personal_code", "010190-1"}}), "subject_personal_code");
  EXPECT_EQ(count("SELECT COUNT(*) FROM partner_request"), 0);
  EXPECT_EQ(post("/api/v1/partner/requests", request_body(), worker_).status, 403);
  EXPECT_EQ(get("/api/v1/partners/requests?status=late", worker_).status, 422);
}

INSTANTIATE_TEST_SUITE_P(Engines, PartnerPortalApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
