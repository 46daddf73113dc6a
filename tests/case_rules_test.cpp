// Rules of case management without I/O: the stage transition table, reopening, closure
// requests, first-contact deadlines, agreement dates and intake references.
#include "cases/rules.h"

#include <gtest/gtest.h>

namespace atb::cases {
namespace {

TEST(CaseRules, TransitionTable) {
  struct Move {
    const char* from;
    const char* to;
    Errc expected;  ///< Errc::internal stands for "allowed"
  };
  const Errc allowed = Errc::internal;
  const std::vector<Move> table = {
      {"intake", "agreement", allowed},
      {"agreement", "initial_assessment", allowed},
      {"initial_assessment", "in_depth_assessment", allowed},
      {"in_depth_assessment", "plan", allowed},
      {"plan", "implementation", allowed},
      {"implementation", "review", allowed},
      {"review", "plan", allowed},
      {"review", "implementation", allowed},
      {"closed", "agreement", allowed},
      {"intake", "plan", Errc::conflict},
      {"intake", "intake", Errc::conflict},
      {"agreement", "intake", Errc::conflict},
      {"initial_assessment", "plan", Errc::conflict},
      {"plan", "review", Errc::conflict},
      {"implementation", "plan", Errc::conflict},
      {"review", "closed", Errc::conflict},
      {"implementation", "closed", Errc::conflict},
      {"closed", "plan", Errc::conflict},
      {"closed", "intake", Errc::conflict},
      {"intake", "archived", Errc::invalid},
  };
  for (const Move& m : table) {
    const Result<void> r = check_transition(m.from, m.to, TransitionFacts{true});
    if (m.expected == allowed) {
      EXPECT_TRUE(r) << m.from << " -> " << m.to;
    } else {
      ASSERT_FALSE(r) << m.from << " -> " << m.to;
      EXPECT_EQ(r.error().code, m.expected) << m.from << " -> " << m.to;
    }
  }
}

TEST(CaseRules, RefusalsSayWhy) {
  const auto skip = check_transition("intake", "plan", {true});
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().message.en, "From “intake” the case can move only to: agreement.");
  EXPECT_EQ(skip.error().message.lv, "No posma “pieteikums” var pāriet tikai uz: vienošanās.");
  const auto review = check_transition("implementation", "plan", {true});
  EXPECT_NE(review.error().message.en.find("review"), std::string::npos);
  const auto close = check_transition("review", "closed", {true});
  EXPECT_NE(close.error().message.en.find("supervisor"), std::string::npos);
  const auto unknown = check_transition("intake", "archived", {true});
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "to");
  const auto no_agreement = check_transition("agreement", "initial_assessment", {false});
  ASSERT_FALSE(no_agreement);
  EXPECT_EQ(no_agreement.error().code, Errc::conflict);
  EXPECT_EQ(no_agreement.error().message.en, "Record the agreement to cooperate first.");
  EXPECT_EQ(next_stages("review"), (std::vector<std::string>{"plan", "implementation"}));
  EXPECT_TRUE(next_stages("nowhere").empty());
}

TEST(CaseRules, AnAgreementCountsOnlyAfterTheLastReopening) {
  CaseFile k;
  EXPECT_FALSE(facts_of(k).has_agreement);
  k.agreement = Agreement{1, "2026-01-10", {1}, "", 1, "2026-01-10T10:00:00.000Z"};
  EXPECT_TRUE(facts_of(k).has_agreement);
  k.transitions.push_back({1, "review", "closed", "x", 1, "", "2026-03-01T10:00:00.000Z"});
  k.transitions.push_back({2, "closed", "agreement", "x", 1, "", "2026-05-01T10:00:00.000Z"});
  EXPECT_FALSE(facts_of(k).has_agreement);
  k.agreement->recorded_at = "2026-05-02T09:00:00.000Z";
  EXPECT_TRUE(facts_of(k).has_agreement);
}

TEST(CaseRules, ClosureRequestsAndDecisions) {
  CaseFile k;
  k.stage = "review";
  EXPECT_TRUE(check_closure_request(k));
  EXPECT_FALSE(check_closure_decision(k));
  k.closure_request = ClosureRequest{};
  k.closure_request->status = "pending";
  EXPECT_EQ(check_closure_request(k).error().code, Errc::conflict);
  EXPECT_TRUE(check_closure_decision(k));
  k.closure_request->status = "rejected";
  EXPECT_TRUE(check_closure_request(k));
  EXPECT_FALSE(check_closure_decision(k));
  k.stage = "closed";
  EXPECT_EQ(check_closure_request(k).error().code, Errc::conflict);
  EXPECT_EQ(check_agreement_stage(k).error().code, Errc::conflict);
  for (const char* reason : kClosureReasons) EXPECT_TRUE(check_closure_fields(reason, 3)) << reason;
  EXPECT_EQ(check_closure_fields("bored", 3).error().fields[0].field, "reason");
  EXPECT_EQ(check_closure_fields("other", 0).error().fields[0].field, "outcome_rating");
  EXPECT_EQ(check_closure_fields("other", 6).error().fields[0].field, "outcome_rating");
  EXPECT_TRUE(check_closure_fields("other", 1));
  EXPECT_TRUE(check_closure_fields("other", 5));
}

TEST(CaseRules, FirstContactDeadlines) {
  const Calendar calendar;
  const Settings settings;
  // Friday 18 December 2026, 14:00 in Riga (12:00 UTC).
  const TimePoint received = std::chrono::sys_days{std::chrono::year{2026} / 12 / 18} + std::chrono::hours(12);
  const Deadline acute = first_contact_deadline("acute", received, calendar, settings);
  ASSERT_TRUE(acute.due_at);
  EXPECT_EQ(*acute.due_at - received, std::chrono::hours(24));
  EXPECT_EQ(acute.due_on, (Date{2026, 12, 19}));  // 24 hours, weekend or not
  EXPECT_EQ(first_contact_deadline("priority", received, calendar, settings).due_on, (Date{2026, 12, 23}));
  EXPECT_EQ(first_contact_deadline("routine", received, calendar, settings).due_on, (Date{2027, 1, 7}));
  EXPECT_FALSE(first_contact_deadline("routine", received, calendar, settings).due_at);
  Settings shorter;
  shorter.routine_working_days = 4;
  EXPECT_EQ(first_contact_deadline("routine", received, calendar, shorter).due_on, (Date{2026, 12, 28}));
  // 23:30 UTC on 18 December is already 19 December in Riga (a Saturday).
  const TimePoint late = received + std::chrono::minutes(11 * 60 + 30);
  EXPECT_EQ(first_contact_deadline("priority", late, calendar, settings).due_on, (Date{2026, 12, 23}));
}

TEST(CaseRules, ChosenDeadlines) {
  const Deadline standard{Date{2026, 12, 4}, std::nullopt};
  const Date today{2026, 11, 25};
  EXPECT_EQ(chosen_deadline("2026-11-25", "routine", standard, today)->due_on, today);
  EXPECT_EQ(chosen_deadline("2026-12-04", "priority", standard, today)->due_on, (Date{2026, 12, 4}));
  for (const char* bad : {"2026-11-24", "2026-12-05", "2026-02-30", "soon", ""}) {
    const auto r = chosen_deadline(bad, "routine", standard, today);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields[0].field, "first_contact_due_on") << bad;
  }
  EXPECT_EQ(chosen_deadline("2026-11-24", "routine", standard, today).error().fields[0].message.en,
            "The deadline cannot be in the past.");
  EXPECT_FALSE(chosen_deadline("2026-11-26", "acute", standard, today));
}

TEST(CaseRules, AgreementDates) {
  const Date opened{2026, 11, 2}, today{2026, 11, 25};
  EXPECT_EQ(*check_agreed_on("2026-11-02", opened, today), opened);
  EXPECT_EQ(*check_agreed_on("2026-11-25", opened, today), today);
  for (const char* bad : {"2026-11-01", "2026-11-26", "2026-11-31", "yesterday"}) {
    const auto r = check_agreed_on(bad, opened, today);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields[0].field, "agreed_on");
  }
}

TEST(CaseRules, IntakeReferencesAreReadable) {
  EXPECT_EQ(intake_reference(std::string(8, '\0')), "P-2222-2222");
  const std::string ref = intake_reference("\x01\x1e\xff\x1f\x20\x7f\x80\x40");
  ASSERT_EQ(ref.size(), 11u);
  EXPECT_EQ(ref.substr(0, 2), "P-");
  EXPECT_EQ(ref[6], '-');
  for (char ch : ref.substr(2)) {
    EXPECT_EQ(std::string("0O1IL").find(ch), std::string::npos) << ref;
  }
  EXPECT_NE(intake_reference("abcdefgh"), intake_reference("abcdefgi"));
}

}  // namespace
}  // namespace atb::cases
