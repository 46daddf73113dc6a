// The overdue-decision alert of referrals on both engines (docs/api-services.md): a referral
// still awaiting its decision past its deadline notifies the case's lead worker and the team's
// supervisors exactly once however often the sweep runs (the sweep, the server's timer and the
// command); one decided in time, one not yet due and one of a closed case notify nobody; the
// notification shows in the worker's list in both languages and names the referral.
#include "services/overdue_alerts.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "app/service_commands.h"
#include "service_test_support.h"
#include "services/overdue_store.h"
#include "services/rules.h"

namespace atb::test {
namespace {

using nlohmann::json;

class OverdueAlerts : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    service_ = make_service("Dienas centrs", "day_centre");
  }
  // A referral of `person` in case `k` requested `days_ago` days ago (deadline one month later).
  json requested(const json& k, std::int64_t person, int days_ago) {
    const Answer r = post(
        "/api/v1/referrals",
        {{"case_id", k["id"]}, {"person_id", person}, {"service_id", service_["id"]}}, worker_);
    EXPECT_EQ(r.status, 201) << r.body.dump();
    const Date on = add_days(today_riga(), -days_ago);
    sql("UPDATE referral SET requested_on = '" + on.iso() + "', decision_due_on = '" +
        services::decision_due(on).iso() + "' WHERE id = " + id(r.body));
    return get("/api/v1/referrals/" + id(r.body), worker_).body;
  }
  void sql(const std::string& statement) {
    auto done = f_.db().write([&](storage::Connection& c) { return c.execute(statement); });
    ASSERT_TRUE(done) << statement;
  }
  std::int64_t alerts(const json& referral, const std::string& user_filter = "") {
    return count(
        "SELECT COUNT(*) FROM notification WHERE kind = 'decision_overdue' AND"
        " entity_type = 'referral' AND entity_id = " +
        id(referral) + user_filter);
  }
  std::string of(const TestUser& u) { return " AND user_id = " + std::to_string(u.id); }
  services::OverdueSweep sweep() {
    auto swept = services::notify_overdue_decisions(f_.db(), today_riga());
    EXPECT_TRUE(swept) << (swept ? "" : swept.error().message.en + " " + swept.error().detail);
    return swept ? *swept : services::OverdueSweep{};
  }
  std::int64_t supervisors() {
    return count(
        "SELECT COUNT(*) FROM user_team ut JOIN user_role ur ON ur.user_id = ut.user_id"
        " JOIN app_user u ON u.id = ut.user_id WHERE ut.team_id = " +
        std::to_string(families_) + " AND ur.role = 'supervisor' AND u.disabled = 0");
  }

  json service_;
};

TEST_P(OverdueAlerts, AnOverdueReferralAlertsItsWorkersOnce) {
  const json k = open_case();
  const json late = requested(k, anna_, 32);
  const json due_soon = requested(k, janis_, 20);
  const json decided = requested(k, marta_, 40);
  ASSERT_EQ(post("/api/v1/referrals/" + id(decided) + "/decision",
                 {{"version", decided["version"]}, {"granted", true}}, supervisor_)
                .status,
            200);

  const services::OverdueSweep first = sweep();
  EXPECT_EQ(first.referrals, 1);
  EXPECT_EQ(alerts(late, of(worker_user_)), 1);      // the lead worker
  EXPECT_EQ(alerts(late, of(supervisor_user_)), 1);  // the team's supervisor approves
  ASSERT_GE(supervisors(), 1);
  EXPECT_EQ(alerts(late), 1 + supervisors());
  EXPECT_EQ(first.notifications, alerts(late));
  EXPECT_EQ(alerts(due_soon), 0);
  EXPECT_EQ(alerts(decided), 0);

  // Again (the hourly timer, the command): nothing more.
  const services::OverdueSweep second = sweep();
  EXPECT_EQ(second.referrals, 0);
  EXPECT_EQ(second.notifications, 0);
  std::ostringstream out, err;
  EXPECT_EQ(app::notify_overdue_command(f_.db(), out, err), 0) << err.str();
  EXPECT_NE(out.str().find("0 referrals alerted, 0 notifications added"), std::string::npos)
      << out.str();
  EXPECT_EQ(alerts(late, of(worker_user_)), 1);
  // Even after the decision or a change of the lead worker, never twice for one referral.
  sql("UPDATE case_file SET lead_worker_id = (SELECT id FROM app_user WHERE username ="
      " 'k.colleague') WHERE id = " +
      id(k));
  EXPECT_EQ(sweep().notifications, 0);
  // The database itself keeps it to one per user and referral (two sweeps racing).
  auto again = f_.db().write([&](storage::Connection& c) {
    return services::insert_overdue_notification(c, worker_user_.id, late["id"], {"x", "x"},
                                                 "2026-01-01T00:00:00.000Z");
  });
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  EXPECT_EQ(alerts(late, of(worker_user_)), 1);

  // The worker sees it in her list, in English and Latvian, naming the referral.
  const Answer mine = get("/api/v1/notifications?unread=1", worker_);
  ASSERT_EQ(mine.status, 200);
  json found;
  for (const json& n : mine.body["items"]) {
    if (n["kind"] == "decision_overdue") found = n;
  }
  ASSERT_FALSE(found.is_null()) << mine.body.dump();
  EXPECT_EQ(found["entity_type"], "referral");
  EXPECT_EQ(found["entity_id"], late["id"]);
  const std::string due = late["decision_due_on"];
  EXPECT_EQ(found["message"]["lv"], "Gadījuma #" + id(k) +
                                        " nosūtījumam uz pakalpojumu “Dienas centrs” nav pieņemts "
                                        "lēmums; termiņš bija " +
                                        due + ".");
  EXPECT_NE(found["message"]["en"].get<std::string>().find("is overdue; it was due on " + due),
            std::string::npos)
      << found.dump();
}

TEST_P(OverdueAlerts, ClosedCasesAndDisabledLeadsAreLeftOut) {
  const json k = open_case();
  const json closed = requested(k, anna_, 35);
  sql("UPDATE case_file SET stage = 'closed', closed_on = '" + in_days(-1) +
      "' WHERE id = " + id(k));
  EXPECT_EQ(sweep().notifications, 0);
  EXPECT_EQ(alerts(closed), 0);

  // A disabled lead worker gets nothing; the supervisors still do.
  const json other = open_case();
  const json late = requested(other, janis_, 33);
  sql("UPDATE app_user SET disabled = 1 WHERE id = " + std::to_string(worker_user_.id));
  sweep();
  EXPECT_EQ(alerts(late, of(worker_user_)), 0);
  EXPECT_EQ(alerts(late, of(supervisor_user_)), 1);
}

TEST_P(OverdueAlerts, TheTimerSweepsAtOnceAndStopsCleanly) {
  const json k = open_case();
  const json late = requested(k, anna_, 32);
  std::shared_ptr<storage::Database> db(&f_.db(), [](storage::Database*) {});
  {
    // Long interval: the first sweep runs at the start, then the timer waits and is stopped.
    services::OverdueAlertTimer timer(db, std::chrono::hours(1));
    for (int n = 0; n < 500 && timer.sweeps() == 0; ++n) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(timer.sweeps(), 1);
  }
  EXPECT_EQ(alerts(late, of(worker_user_)), 1);
  {
    // A short interval sweeps repeatedly, adding nothing more.
    services::OverdueAlertTimer timer(db, std::chrono::milliseconds(5));
    for (int n = 0; n < 500 && timer.sweeps() < 3; ++n) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_GE(timer.sweeps(), 3);
  }
  EXPECT_EQ(alerts(late, of(worker_user_)), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, OverdueAlerts, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
