// Rules of services and referrals without I/O: a catalogue entry's checks name the field,
// eligibility by age on a date and by target group (422 naming the rule), the referral states,
// the decision deadline a month from the request and when it is overdue, the capacity check and
// its override. (The waiting list's order is SQL's, tested in services_api_test.)
#include <gtest/gtest.h>

#include "services/rules.h"

namespace atb::services {
namespace {

Errc code_of(const Result<void>& r) {
  return r ? Errc::internal : r.error().code;
}
std::string field_of(const Result<void>& r) {
  return !r && !r.error().fields.empty() ? r.error().fields[0].field : "";
}

Service valid_service() {
  Service s;
  s.name_lv = "Jauniešu centrs “Kurzeme”";
  s.name_en = "Youth centre Kurzeme";
  s.kind = "youth_centre";
  s.provider_partner_id = 4;
  s.contract_from = "2026-01-01";
  s.contract_to = "2027-12-31";
  s.eligibility = {3, 25, {"children", "youth_at_risk"}};
  s.capacity = 40;
  s.capacity_unit = "places";
  s.unit = "session";
  s.price_cents = 1250;
  s.funding = "project";
  s.project_number = "9.2.2.1/15/I/001";
  return s;
}

TEST(ServiceRules, AValidServicePasses) {
  EXPECT_TRUE(check_service(valid_service()));
  Service municipal = valid_service();
  municipal.provider_partner_id.reset();
  municipal.provider_department_id = 2;
  municipal.contract_from.reset();
  municipal.contract_to.reset();
  municipal.funding = "municipal";
  municipal.project_number.reset();
  EXPECT_TRUE(check_service(municipal));
}

TEST(ServiceRules, ServiceErrorsNameTheField) {
  struct Case {
    void (*change)(Service&);
    const char* field;
  };
  const std::vector<Case> cases = {
      {[](Service& s) { s.name_lv = "  "; }, "name_lv"},
      {[](Service& s) { s.name_en = ""; }, "name_en"},
      {[](Service& s) { s.kind = "spa"; }, "kind"},
      {[](Service& s) { s.provider_department_id = 2; }, "provider"},
      {[](Service& s) { s.provider_partner_id.reset(); }, "provider"},
      {[](Service& s) {
         s.provider_partner_id.reset();
         s.provider_department_id = 2;
       },
       "contract_from"},
      {[](Service& s) { s.contract_to = "2025-12-31"; }, "contract_to"},
      {[](Service& s) { s.contract_from = "2026-02-30"; }, "contract_from"},
      {[](Service& s) { s.eligibility.age_max = 2; }, "age_max"},
      {[](Service& s) { s.eligibility.age_min = -1; }, "age_min"},
      {[](Service& s) { s.eligibility.target_groups.push_back("aliens"); }, "target_groups.2"},
      {[](Service& s) { s.eligibility.target_groups.push_back("children"); }, "target_groups.2"},
      {[](Service& s) { s.capacity = -1; }, "capacity"},
      {[](Service& s) { s.capacity_unit = "beds"; }, "capacity_unit"},
      {[](Service& s) { s.unit = "week"; }, "unit"},
      {[](Service& s) { s.price_cents = -5; }, "price_cents"},
      {[](Service& s) { s.funding = "lottery"; }, "funding"},
      {[](Service& s) { s.project_number = " "; }, "project_number"},
      {[](Service& s) { s.funding = "state"; }, "project_number"},
  };
  for (std::size_t n = 0; n < cases.size(); ++n) {
    Service s = valid_service();
    cases[n].change(s);
    const Result<void> r = check_service(s);
    EXPECT_EQ(code_of(r), Errc::invalid) << "case " << n;
    EXPECT_EQ(field_of(r), cases[n].field) << "case " << n;
  }
}

TEST(ServiceRules, EligibilityByAgeOnTheDate) {
  const Eligibility youth{3, 25, {}};
  const Date on{2026, 11, 26};
  EXPECT_TRUE(check_eligibility(youth, Date{2001, 11, 27}, on, std::nullopt));  // 24, 25 tomorrow
  EXPECT_TRUE(check_eligibility(youth, Date{2000, 11, 27}, on, std::nullopt));  // 25 until tomorrow
  EXPECT_TRUE(check_eligibility(youth, Date{2023, 11, 26}, on, std::nullopt));  // 3 today
  const Result<void> old =
      check_eligibility(youth, Date{2000, 11, 26}, on, std::nullopt);  // 26 today
  EXPECT_EQ(code_of(old), Errc::invalid);
  EXPECT_EQ(field_of(old), "person_id");
  EXPECT_NE(old.error().fields[0].message.en.find(
                "Rule: age 3 to 25 years; the person is 26 on 2026-11-26."),
            std::string::npos)
      << old.error().fields[0].message.en;
  EXPECT_NE(old.error().fields[0].message.lv.find("vecums no 3 līdz 25 gadiem"), std::string::npos);
  EXPECT_EQ(field_of(check_eligibility(youth, Date{2023, 11, 27}, on, std::nullopt)),
            "person_id");  // 2
  EXPECT_EQ(field_of(check_eligibility(youth, std::nullopt, on, std::nullopt)), "person_id");
  // Open ends.
  EXPECT_TRUE(check_eligibility({18, std::nullopt, {}}, Date{1930, 1, 1}, on, std::nullopt));
  EXPECT_TRUE(check_eligibility({}, std::nullopt, on, std::nullopt));
}

TEST(ServiceRules, EligibilityByTargetGroup) {
  const Eligibility e{std::nullopt, std::nullopt, {"mental_disorder", "disability"}};
  const Date on{2026, 11, 26};
  EXPECT_TRUE(check_eligibility(e, Date{1980, 1, 1}, on, std::string("disability")));
  const Result<void> other = check_eligibility(e, Date{1980, 1, 1}, on, std::string("seniors"));
  EXPECT_EQ(field_of(other), "target_group");
  EXPECT_NE(other.error().fields[0].message.en.find("mental_disorder, disability"),
            std::string::npos);
  EXPECT_EQ(field_of(check_eligibility(e, Date{1980, 1, 1}, on, std::nullopt)), "target_group");
  EXPECT_EQ(field_of(check_eligibility({}, Date{1980, 1, 1}, on, std::string("martians"))),
            "target_group");
  EXPECT_TRUE(check_eligibility({}, Date{1980, 1, 1}, on, std::string("seniors")));
}

TEST(ServiceRules, DecisionDueAMonthLater) {
  EXPECT_EQ(decision_due({2026, 11, 26}).iso(), "2026-12-26");
  EXPECT_EQ(decision_due({2026, 12, 15}).iso(), "2027-01-15");
  EXPECT_EQ(decision_due({2027, 1, 31}).iso(), "2027-02-28");
  EXPECT_EQ(decision_due({2028, 1, 31}).iso(), "2028-02-29");
  EXPECT_EQ(decision_due({2026, 3, 31}).iso(), "2026-04-30");
}

TEST(ServiceRules, DecisionOverdueOnlyWhileRequested) {
  Referral r;
  r.state = "requested";
  r.decision_due_on = "2026-12-26";
  EXPECT_FALSE(decision_overdue(r, {2026, 12, 26}));
  EXPECT_TRUE(decision_overdue(r, {2026, 12, 27}));
  r.state = "waiting";
  EXPECT_FALSE(decision_overdue(r, {2027, 6, 1}));
}

TEST(ServiceRules, StateTransitions) {
  EXPECT_TRUE(check_transition("requested", "waiting"));
  EXPECT_TRUE(check_transition("requested", "refused"));
  EXPECT_TRUE(check_transition("waiting", "placed"));
  EXPECT_TRUE(check_transition("waiting", "ended"));
  EXPECT_TRUE(check_transition("placed", "ended"));
  const Result<void> skip = check_transition("requested", "placed");
  EXPECT_EQ(code_of(skip), Errc::conflict);
  EXPECT_EQ(skip.error().message.en,
            "From “requested” the referral can move only to: “waiting”, “refused”.");
  EXPECT_EQ(code_of(check_transition("placed", "waiting")), Errc::conflict);
  EXPECT_EQ(code_of(check_transition("ended", "placed")), Errc::conflict);
  EXPECT_EQ(code_of(check_transition("refused", "waiting")), Errc::conflict);
  EXPECT_NE(check_transition("refused", "waiting").error().message.en.find("does not change"),
            std::string::npos);
}

TEST(ServiceRules, CapacityNeedsAnOverrideBeyond) {
  EXPECT_TRUE(check_capacity(5, 4, 1, std::nullopt));
  const Result<void> full = check_capacity(5, 5, 1, std::nullopt);
  EXPECT_EQ(code_of(full), Errc::conflict);
  EXPECT_EQ(field_of(full), "override_reason");
  EXPECT_NE(full.error().message.en.find("5 of 5 taken"), std::string::npos);
  EXPECT_EQ(code_of(check_capacity(5, 5, 1, std::string("  "))), Errc::conflict);
  EXPECT_TRUE(check_capacity(5, 5, 1, std::string("Akūta krīze, bērns bez aprūpes")));
  // Hours a month: 8 more of 120 with 115 taken does not fit.
  EXPECT_EQ(code_of(check_capacity(120, 115, 8, std::nullopt)), Errc::conflict);
  EXPECT_TRUE(check_capacity(120, 112, 8, std::nullopt));
}

TEST(ServiceRules, StepDates) {
  const Date from{2026, 11, 1}, to{2026, 11, 26};
  EXPECT_EQ(check_step_date("start_on", "2026-11-01", from, to)->iso(), "2026-11-01");
  const auto early = check_step_date("start_on", "2026-10-31", from, to);
  ASSERT_FALSE(early);
  ASSERT_EQ(early.error().fields.size(), 1u);
  EXPECT_EQ(early.error().fields[0].field, "start_on");
  EXPECT_EQ(early.error().fields[0].message.en, "The date cannot be before 2026-11-01.");
  EXPECT_FALSE(check_step_date("end_on", "2026-11-27", from, to));
  EXPECT_FALSE(check_step_date("end_on", "26.11.2026", from, to));
}

}  // namespace
}  // namespace atb::services
