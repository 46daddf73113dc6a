// roster_page (services/roster.h): one kept roster, each caller's page — positions in the
// whole list, names only where the access policy lets the caller read the case.
#include <gtest/gtest.h>

#include "services/roster.h"

namespace atb::services {
namespace {

RosterRow row(std::int64_t id, std::int64_t team, std::int64_t lead) {
  RosterRow r;
  r.entry.referral_id = id;
  r.entry.person_name = "Person " + std::to_string(id);
  r.case_scope.municipality_id = 1;
  r.case_scope.department_id = 10;
  r.case_scope.team_id = team;
  r.case_scope.lead_worker_id = lead;
  return r;
}

access::Principal worker(std::int64_t id, std::int64_t team) {
  access::Principal p;
  p.user_id = id;
  p.municipality_id = 1;
  p.roles = {access::Role::social_worker};
  p.team_ids = {team};
  return p;
}

TEST(RosterPage, PositionsCountTheWholeListAndNamesFollowTheCaseAccess) {
  Roster roster;
  roster.occupied = 4;
  for (std::int64_t id = 1; id <= 5; ++id) roster.waiting.push_back(row(id, id % 2 == 0 ? 7 : 8, 99));
  roster.placed.push_back(row(6, 8, 5));
  roster.placed.back().case_scope.co_worker_ids = {};
  roster.waiting[2].case_scope.co_worker_ids = {5};  // id 3: another team, she co-works it

  const ServiceRoster page = roster_page(roster, worker(5, 7), 2, 2);
  EXPECT_EQ(page.occupied, 4);
  EXPECT_EQ(page.waiting.total, 5);
  ASSERT_EQ(page.waiting.items.size(), 2u);
  EXPECT_EQ(page.waiting.items[0].referral_id, 3);
  EXPECT_EQ(page.waiting.items[0].position, 3);
  EXPECT_TRUE(page.waiting.items[0].visible);  // co-worker
  EXPECT_EQ(page.waiting.items[1].referral_id, 4);
  EXPECT_EQ(page.waiting.items[1].position, 4);
  EXPECT_TRUE(page.waiting.items[1].visible);  // her team
  ASSERT_EQ(page.placed.size(), 1u);
  EXPECT_TRUE(page.placed[0].visible);  // she leads it

  const ServiceRoster other = roster_page(roster, worker(6, 7), 0, 50);
  ASSERT_EQ(other.waiting.items.size(), 5u);
  EXPECT_FALSE(other.waiting.items[0].visible);
  EXPECT_EQ(other.waiting.items[0].person_name, "");  // not named where not readable
  EXPECT_FALSE(other.placed[0].visible);
  EXPECT_EQ(other.placed[0].person_name, "");

  EXPECT_TRUE(roster_page(roster, worker(5, 7), 10, 50).waiting.items.empty());  // past the end
  EXPECT_EQ(roster_page(roster, worker(5, 7), 10, 50).waiting.total, 5);
}

}  // namespace
}  // namespace atb::services
