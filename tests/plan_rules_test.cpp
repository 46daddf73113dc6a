// Rules of the cooperation plan without I/O: a plan body's checks name the field, the status
// machine (start, edit, submit, decide), the family's agreement, task statuses, the stage rule
// plan → implementation, and the caseload warning.
#include "cases/plan_rules.h"

#include <gtest/gtest.h>

namespace atb::cases {
namespace {

const Date kToday{2026, 11, 26};

Plan valid_plan() {
  PlanTask member{0, 0, 0, 0, "Pavadīt bērnus uz skolu", "2026-12-15", {"member", 11, {}, {}, ""}, "open", {}, 1, ""};
  PlanTask worker{0, 0, 0, 0, "Sazināties ar skolu", "2026-11-26", {"worker", {}, 4, {}, ""}, "open", {}, 1, ""};
  PlanTask partner{0, 0, 0, 0, "Konsultācijas", "2027-01-10", {"partner", {}, {}, "Atbalsta centrs", ""}, "open", {}, 1, ""};
  Plan p;
  p.goals.push_back({0, "Bērni apmeklē skolu", "child_development", 7, "11", {member, worker, partner}});
  p.review_on = "2027-02-15";
  return p;
}

const PlanFacts kFacts{{11, 12}, {4, 5}, {7}};

// The error code, or Errc::internal standing for "allowed".
Errc code_of(const Result<void>& r) { return r ? Errc::internal : r.error().code; }

std::string field_of(const Result<void>& r) {
  return !r && !r.error().fields.empty() ? r.error().fields[0].field : "";
}

TEST(PlanRules, AValidBodyPasses) { EXPECT_TRUE(check_plan_body(valid_plan(), kFacts, kToday)); }

TEST(PlanRules, BodyErrorsNameTheField) {
  struct Case {
    void (*change)(Plan&);
    const char* field;
  };
  const std::vector<Case> cases = {
      {[](Plan& p) { p.goals[0].tasks[2].due_on = "2026-11-25"; }, "goals.0.tasks.2.due_on"},
      {[](Plan& p) { p.goals[0].tasks[0].due_on = "2026-02-30"; }, "goals.0.tasks.0.due_on"},
      {[](Plan& p) { p.review_on = "2026-01-01"; }, "review_on"},
      {[](Plan& p) { p.goals[0].tasks[0].responsible.person_id = 99; }, "goals.0.tasks.0.responsible.person_id"},
      {[](Plan& p) { p.goals[0].tasks[1].responsible.user_id = 99; }, "goals.0.tasks.1.responsible.user_id"},
      {[](Plan& p) { p.goals[0].tasks[2].responsible.partner_name = ""; }, "goals.0.tasks.2.responsible.partner_name"},
      {[](Plan& p) { p.goals[0].tasks[2].responsible.kind = "school"; }, "goals.0.tasks.2.responsible.kind"},
      {[](Plan& p) { p.goals[0].assessment_id = 8; }, "goals.0.assessment_id"},
      {[](Plan& p) { p.goals[0].member = "13"; }, "goals.0.member"},
      {[](Plan& p) { p.goals[0].text.clear(); }, "goals.0.text"},
      {[](Plan& p) { p.goals.clear(); }, "goals"},
      {[](Plan& p) { p.goals.resize(21, p.goals[0]); }, "goals"},
      {[](Plan& p) { p.goals[0].tasks.resize(31, p.goals[0].tasks[0]); }, "goals.0.tasks"},
  };
  for (const Case& c : cases) {
    Plan p = valid_plan();
    c.change(p);
    const Result<void> r = check_plan_body(p, kFacts, kToday);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, Errc::invalid) << c.field;
    EXPECT_EQ(field_of(r), c.field);
  }
}

TEST(PlanRules, StatusMachine) {
  CaseFile open;
  open.stage = "plan";
  CaseFile closed;
  closed.stage = "closed";
  Plan draft;
  draft.status = "draft";
  EXPECT_TRUE(check_plan_start(open, false));
  EXPECT_EQ(check_plan_start(open, true).error().code, Errc::conflict);
  EXPECT_EQ(check_plan_start(closed, false).error().code, Errc::conflict);
  EXPECT_TRUE(check_plan_edit(open, draft));
  EXPECT_EQ(check_plan_edit(closed, draft).error().code, Errc::conflict);
  // Submitting needs the family's agreement.
  EXPECT_EQ(check_plan_submit(open, draft).error().code, Errc::conflict);
  draft.agreed_on = "2026-11-26";
  EXPECT_TRUE(check_plan_submit(open, draft));
  EXPECT_EQ(status_after_submit(true), "submitted");
  EXPECT_EQ(status_after_submit(false), "approved");
  EXPECT_EQ(check_plan_decision(open, draft).error().code, Errc::conflict);
  for (const char* status : {"submitted", "approved", "superseded"}) {
    Plan p = draft;
    p.status = status;
    EXPECT_EQ(check_plan_edit(open, p).error().code, Errc::conflict) << status;
    EXPECT_EQ(code_of(check_plan_decision(open, p)), std::string(status) == "submitted" ? Errc::internal : Errc::conflict)
        << status;
  }
}

TEST(PlanRules, FamilyAgreement) {
  const Date made{2026, 11, 20};
  const std::vector<std::int64_t> persons{11, 12};
  EXPECT_TRUE(check_family_agreement("2026-11-26", {11, 12}, persons, made, kToday));
  EXPECT_EQ(check_family_agreement("2026-11-27", {11}, persons, made, kToday).error().fields[0].field, "agreed_on");
  EXPECT_EQ(check_family_agreement("2026-11-19", {11}, persons, made, kToday).error().fields[0].field, "agreed_on");
  EXPECT_EQ(check_family_agreement("vakar", {11}, persons, made, kToday).error().fields[0].field, "agreed_on");
  EXPECT_EQ(check_family_agreement("2026-11-26", {}, persons, made, kToday).error().fields[0].field, "person_ids");
  EXPECT_EQ(check_family_agreement("2026-11-26", {11, 99}, persons, made, kToday).error().fields[0].field,
            "person_ids.1");
}

TEST(PlanRules, TaskStatuses) {
  CaseFile k;
  k.stage = "implementation";
  struct Change {
    const char* plan;
    const char* from;
    const char* to;
    Errc expected;  ///< Errc::internal stands for "allowed"
  };
  const Errc allowed = Errc::internal;
  const std::vector<Change> table = {
      {"approved", "open", "in_progress", allowed},  {"approved", "open", "done", allowed},
      {"approved", "in_progress", "open", allowed},  {"approved", "in_progress", "cancelled", allowed},
      {"approved", "done", "in_progress", allowed},  {"approved", "cancelled", "open", allowed},
      {"approved", "done", "done", allowed},         {"approved", "done", "cancelled", Errc::conflict},
      {"approved", "cancelled", "done", Errc::conflict}, {"approved", "open", "lost", Errc::invalid},
      {"draft", "open", "done", Errc::conflict},     {"submitted", "open", "done", Errc::conflict},
      {"superseded", "open", "done", Errc::conflict},
  };
  for (const Change& c : table) {
    const Result<void> r = check_task_change(k, c.plan, c.from, c.to);
    (void)allowed;
    EXPECT_EQ(code_of(r), c.expected) << c.plan << " " << c.from << " -> " << c.to;
  }
  k.stage = "closed";
  EXPECT_EQ(check_task_change(k, "approved", "open", "done").error().code, Errc::conflict);
}

TEST(PlanRules, ImplementationNeedsAPlanApprovedInThisPlanStage) {
  const std::optional<std::string> entered = "2026-11-20T10:00:00.000Z";
  EXPECT_EQ(check_plan_stage("plan", "implementation", entered, std::nullopt).error().code, Errc::conflict);
  EXPECT_EQ(check_plan_stage("plan", "implementation", entered, "2026-10-01T09:00:00.000Z").error().code,
            Errc::conflict);
  EXPECT_TRUE(check_plan_stage("plan", "implementation", entered, "2026-11-21T09:00:00.000Z"));
  EXPECT_TRUE(check_plan_stage("review", "implementation", entered, std::nullopt));
  EXPECT_TRUE(check_plan_stage("in_depth_assessment", "plan", std::nullopt, std::nullopt));
  const auto refused = check_plan_stage("plan", "implementation", entered, std::nullopt);
  EXPECT_NE(refused.error().message.lv.find("apstiprinātu sadarbības plānu"), std::string::npos);
}

TEST(PlanRules, EnteredStageAtIsTheLatestEntry) {
  CaseFile k;
  k.transitions = {{1, "", "intake", "", 1, "", "t1"}, {2, "in_depth_assessment", "plan", "", 1, "", "t2"},
                   {3, "plan", "implementation", "", 1, "", "t3"}, {4, "review", "plan", "", 1, "", "t4"}};
  EXPECT_EQ(entered_stage_at(k, "plan"), "t4");
  EXPECT_EQ(entered_stage_at(k, "review"), std::nullopt);
}

TEST(PlanRules, CaseloadWarning) {
  EXPECT_FALSE(caseload_over(30, 30));
  EXPECT_TRUE(caseload_over(31, 30));
  EXPECT_FALSE(caseload_over(0, 30));
}

}  // namespace
}  // namespace atb::cases
