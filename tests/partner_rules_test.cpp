// The partner policy and partner rules without I/O: who keeps and reads the register, who uses
// the portal, what a partner's institution may see of a case referred to it (and that the case
// file stays closed to her), who reads and answers information requests; the status a reporter
// sees and the intake channel of a concern.
#include <gtest/gtest.h>

#include "access/partner_policy.h"
#include "partners/rules.h"

namespace atb {
namespace {

using access::Access;
using access::Principal;
using access::Role;

Principal as(Role role, std::int64_t municipality = 1) {
  Principal p;
  p.user_id = 10;
  p.municipality_id = municipality;
  p.roles = {role};
  p.team_ids = {3};
  p.department_ids = {2};
  return p;
}

Principal partner_of(std::int64_t institution, std::int64_t user = 20) {
  Principal p = as(Role::partner);
  p.user_id = user;
  p.partner_id = institution;
  return p;
}

TEST(PartnerPolicy, RegisterAndPortal) {
  EXPECT_TRUE(access::may_manage_partners(as(Role::admin)));
  EXPECT_TRUE(access::may_manage_partners(as(Role::department_head)));
  EXPECT_FALSE(access::may_manage_partners(as(Role::supervisor)));
  for (Role r : {Role::social_worker, Role::supervisor, Role::director, Role::benefits_officer, Role::admin}) {
    EXPECT_TRUE(access::may_list_partners(as(r))) << access::role_name(r);
  }
  EXPECT_FALSE(access::may_list_partners(as(Role::auditor)));
  EXPECT_FALSE(access::may_list_partners(partner_of(4)));
  EXPECT_TRUE(access::may_use_portal(partner_of(4)));
  EXPECT_FALSE(access::may_use_portal(as(Role::partner)));  // no institution
  EXPECT_FALSE(access::may_use_portal(as(Role::social_worker)));
}

TEST(PartnerPolicy, ReferredCaseOpensOnlyThePortalsPart) {
  access::CaseScope scope{1, 2, 3, 99, {}, {4}};
  EXPECT_EQ(access::partner_access(partner_of(4), scope), Access::read);
  EXPECT_EQ(access::partner_access(partner_of(5), scope), Access::none);
  EXPECT_EQ(access::case_access(partner_of(4), scope), Access::none);
  EXPECT_EQ(access::partner_access(as(Role::supervisor), scope), Access::none);
  // A task: only the institution it is assigned to changes it, and only while the case is referred.
  EXPECT_EQ(access::partner_task_access(partner_of(4), scope, 4), Access::change);
  EXPECT_EQ(access::partner_task_access(partner_of(4), scope, 5), Access::none);
  EXPECT_EQ(access::partner_task_access(partner_of(4), access::CaseScope{1, 2, 3, 99, {}, {}}, 4), Access::none);
  EXPECT_EQ(access::partner_task_access(as(Role::social_worker), scope, 4), Access::none);
}

TEST(PartnerPolicy, ConcernsAndRequests) {
  const access::PartnerRecordScope mine{1, 4, 20};
  EXPECT_EQ(access::concern_access(partner_of(4, 20), mine), Access::read);
  EXPECT_EQ(access::concern_access(partner_of(4, 21), mine), Access::none);  // a colleague
  EXPECT_EQ(access::concern_access(as(Role::supervisor), mine), Access::none);
  EXPECT_EQ(access::request_access(partner_of(4, 21), mine), Access::read);  // the institution's
  EXPECT_EQ(access::request_access(partner_of(5), mine), Access::none);
  EXPECT_EQ(access::request_access(as(Role::social_worker), mine), Access::change);
  EXPECT_EQ(access::request_access(as(Role::department_head), mine), Access::change);
  EXPECT_EQ(access::request_access(as(Role::director), mine), Access::read);
  EXPECT_EQ(access::request_access(as(Role::social_worker, 2), mine), Access::none);  // another municipality
  EXPECT_EQ(access::request_access(as(Role::benefits_officer), mine), Access::none);
  EXPECT_TRUE(access::may_see_requests(as(Role::director)));
  EXPECT_FALSE(access::may_see_requests(as(Role::admin)));
}

TEST(PartnerRules, StatusAndChannel) {
  EXPECT_EQ(partners::concern_status("open", std::nullopt), "received");
  EXPECT_EQ(partners::concern_status("closed", std::string("open_case")), "case_opened");
  EXPECT_EQ(partners::concern_status("closed", std::string("referred")), "referred");
  EXPECT_EQ(partners::concern_status("closed", std::string("no_action")), "closed");
  EXPECT_EQ(partners::intake_channel("school"), "school");
  EXPECT_EQ(partners::intake_channel("kindergarten"), "school");
  EXPECT_EQ(partners::intake_channel("police"), "police");
  EXPECT_EQ(partners::intake_channel("orphans_court"), "partner_referral");
}

TEST(PartnerRules, ConcernTextNamesTheChild) {
  const Date today{2026, 11, 26};
  auto d = partners::concern_from(
      nlohmann::json{{"child_name", "Roberts"}, {"child_birth_date", "2015-03-02"}, {"concern", "Izsalcis."},
                     {"categories", {"neglect", "neglect"}}},
      "Liepājas 5. vidusskola", today);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->school, "Liepājas 5. vidusskola");
  EXPECT_EQ(d->categories, std::vector<std::string>{"neglect"});
  EXPECT_EQ(partners::intake_concern(*d), "Bērns: Roberts, dzimis(-usi) 2015-03-02\nIzglītības iestāde: Liepājas 5. vidusskola\n\nIzsalcis.");
  auto late = partners::request_from(nlohmann::json{{"subject_name", "A"}, {"question", "Q"}, {"due_on", "2026-11-25"}}, today);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().fields.at(0).field, "due_on");
  EXPECT_TRUE(partners::request_from(nlohmann::json{{"subject_name", "A"}, {"question", "Q"}, {"due_on", "2026-11-26"}}, today));
}

}  // namespace
}  // namespace atb
