// A mobile service's day plan itself on both engines (docs/api-mobile.md): its route name,
// vehicle, note and crew changed with its version (422 naming the field, 409 for a stale
// version, a route the day already has, or a past day's plan with recorded visits); cancelled
// with its planned stops while none has a recorded visit (409 otherwise, 403 when a stop's case
// is not the caller's to change); nothing changed on refusal; every change audited.
#include <gtest/gtest.h>

#include "mobile_test_support.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class MobilePlans : public MobileTest {
 protected:
  Answer patch_plan(const json& p, const json& body, const As& who) {
    json b = {{"version", p["version"]}};
    b.update(body);
    return f_.call(Method::patch, plan_url(p), who, b.dump());
  }
  Answer cancel(const json& p, const As& who) {
    return f_.call(Method::del, plan_url(p) + "?version=" + std::to_string(p["version"].get<int>()),
                   who);
  }
  void sql(const std::string& statement) {
    auto done = f_.db().write([&](storage::Connection& c) { return c.execute(statement); });
    ASSERT_TRUE(done) << statement;
  }
  std::int64_t audited(const std::string& type, const std::string& action) {
    return count("SELECT COUNT(*) FROM audit_log WHERE entity_type = '" + type +
                 "' AND action = '" + action + "'");
  }
  // The plan as stored: route, vehicle, note, version and crew ids.
  std::string stored(const json& p) {
    auto rows = f_.db().read([&](storage::Connection& c) {
      return c.query(
          "SELECT route || '|' || COALESCE(vehicle, '-') || '|' || COALESCE(note, '-')"
          " || '|' || version FROM mobile_day_plan WHERE id = " +
          id(p));
    });
    std::string out = rows && !rows->empty() ? (*rows)[0].text(0) : "(none)";
    auto crew = f_.db().read([&](storage::Connection& c) {
      return c.query("SELECT user_id FROM mobile_day_crew WHERE plan_id = " + id(p) +
                     " ORDER BY user_id");
    });
    for (const storage::Row& r : *crew) out += "|" + std::to_string(r.integer(0));
    return out;
  }
};

TEST_P(MobilePlans, RouteVehicleNoteAndCrewChangeWithTheVersion) {
  const Answer made = plan(in_days(1), "Grobiņa – Bārta", worker_,
                           {{"vehicle", "VW Caddy"}, {"crew", {worker_user_.id}}});
  ASSERT_EQ(made.status, 201) << made.body.dump();
  const Answer changed = patch_plan(made.body,
                                    {{"route", " Nīca – Rucava "},
                                     {"vehicle", "Ford Transit, KT-1010"},
                                     {"note", "Degviela jāuzpilda"},
                                     {"crew", {supervisor_user_.id, worker_user_.id}}},
                                    worker_);
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["route"], "Nīca – Rucava");
  EXPECT_EQ(changed.body["vehicle"], "Ford Transit, KT-1010");
  EXPECT_EQ(changed.body["note"], "Degviela jāuzpilda");
  EXPECT_EQ(changed.body["crew"].size(), 2u);
  EXPECT_EQ(changed.body["version"], 2);
  // The same version again is stale; nothing changes.
  const std::string before = stored(changed.body);
  EXPECT_EQ(patch_plan(made.body, {{"route", "Cits"}}, worker_).status, 409);
  EXPECT_EQ(stored(changed.body), before);
  // Absent members stay; null clears; an empty crew is no crew.
  const Answer cleared =
      patch_plan(changed.body, {{"vehicle", nullptr}, {"crew", json::array()}}, worker_);
  ASSERT_EQ(cleared.status, 200) << cleared.body.dump();
  EXPECT_EQ(cleared.body["route"], "Nīca – Rucava");
  EXPECT_EQ(cleared.body["vehicle"], nullptr);
  EXPECT_EQ(cleared.body["note"], "Degviela jāuzpilda");
  EXPECT_EQ(cleared.body["crew"].size(), 0u);
  // Read back as the day shows it.
  const Answer day = get(base(service_) + "/days/" + in_days(1), worker_);
  ASSERT_EQ(day.body["plans"].size(), 1u);
  EXPECT_EQ(day.body["plans"][0]["route"], "Nīca – Rucava");
  EXPECT_EQ(day.body["plans"][0]["version"], 3);
  EXPECT_EQ(audited("mobile_day_plan", "update"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mobile_day_plan' AND"
                  " action = 'update' AND reason = 'route, vehicle, note, crew'"),
            1);
}

TEST_P(MobilePlans, BadChangesAreRefusedNamingTheFieldAndChangeNothing) {
  const Answer made = plan(in_days(0), "Grobiņa – Bārta", worker_, {{"crew", {worker_user_.id}}});
  ASSERT_EQ(made.status, 201);
  ASSERT_EQ(plan(in_days(0), "Nīca – Rucava", worker_).status, 201);
  const std::string before = stored(made.body);
  EXPECT_EQ(field(patch_plan(made.body, {{"route", "   "}}, worker_)), "route");
  EXPECT_EQ(field(patch_plan(made.body, {{"route", std::string(201, 'x')}}, worker_)), "route");
  EXPECT_EQ(field(patch_plan(made.body, {{"route", nullptr}}, worker_)), "route");
  EXPECT_EQ(field(patch_plan(made.body, {{"vehicle", std::string(201, 'v')}}, worker_)), "vehicle");
  EXPECT_EQ(field(patch_plan(made.body, {{"crew", {999999}}}, worker_)), "crew");
  EXPECT_EQ(field(patch_plan(made.body, {{"crew", {worker_user_.id, worker_user_.id}}}, worker_)),
            "crew");
  EXPECT_EQ(field(patch_plan(made.body, {{"crew", "k.worker"}}, worker_)), "crew");
  EXPECT_EQ(patch_plan(made.body, {{"colour", "zils"}}, worker_).status, 422);
  EXPECT_EQ(field(f_.call(Method::patch, plan_url(made.body), worker_, R"({"route":"X"})")),
            "version");
  // A route the day already has is a conflict naming route, in Latvian too.
  As latvian = worker_;
  latvian.language = "lv";
  const Answer taken = patch_plan(made.body, {{"route", "Nīca – Rucava"}}, latvian);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(field(taken), "route");
  EXPECT_NE(taken.body.dump().find("jau ir plānots"), std::string::npos) << taken.body.dump();
  EXPECT_EQ(stored(made.body), before);
  // Only planners, only this service's plans.
  EXPECT_EQ(patch_plan(made.body, {{"route", "Cits"}}, director_).status, 403);
  EXPECT_EQ(patch_plan(made.body, {{"route", "Cits"}}, benefits_).status, 403);
  EXPECT_EQ(
      f_.call(Method::patch, base(service_) + "/plans/999999", worker_, R"({"version":1})").status,
      404);
  const json mentor = make_service("Mentori", "mentor");
  EXPECT_EQ(
      f_.call(Method::patch, base(mentor) + "/plans/" + id(made.body), worker_, R"({"version":1})")
          .status,
      404);
  EXPECT_EQ(stored(made.body), before);
  EXPECT_EQ(audited("mobile_day_plan", "update"), 0);
}

TEST_P(MobilePlans, APastDayWithVisitsIsTheRecordAndStays) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const Answer made = plan(in_days(0), "Grobiņa – Bārta", worker_);
  ASSERT_EQ(made.status, 201);
  const Answer added = add(made.body, anna, worker_);
  ASSERT_EQ(added.status, 201);
  // Today, a plan with a visit still changes (the crew is corrected on the day).
  ASSERT_EQ(visit(added.body["stops"][0], {{"outcome", "visited"}}, worker_).status, 200);
  const Answer today = patch_plan(made.body, {{"crew", {worker_user_.id}}}, worker_);
  ASSERT_EQ(today.status, 200) << today.body.dump();
  // Yesterday's plan with a visit does not; nor is it cancelled.
  sql("UPDATE mobile_day_plan SET day = '" + in_days(-1) + "' WHERE id = " + id(made.body));
  const std::string before = stored(today.body);
  const Answer past = patch_plan(today.body, {{"route", "Cits"}}, worker_);
  EXPECT_EQ(past.status, 409);
  EXPECT_NE(past.body.dump().find("past day"), std::string::npos) << past.body.dump();
  EXPECT_EQ(cancel(today.body, worker_).status, 409);
  EXPECT_EQ(stored(today.body), before);
  // A past day's plan without visits may still be corrected.
  const Answer empty = plan(in_days(-2), "Tukšs", worker_);
  ASSERT_EQ(empty.status, 201);
  EXPECT_EQ(patch_plan(empty.body, {{"vehicle", "Ford"}}, worker_).status, 200);
}

TEST_P(MobilePlans, APlanWithoutVisitsIsCancelledWithItsStops) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const json janis = placed(k, janis_, service_);
  const Answer made = plan(in_days(1), "Grobiņa – Bārta", worker_, {{"crew", {worker_user_.id}}});
  ASSERT_EQ(made.status, 201);
  ASSERT_EQ(add(made.body, anna, worker_, {{"planned", {"hot_meal"}}}).status, 201);
  const Answer both = add(made.body, janis, worker_);
  ASSERT_EQ(both.status, 201);

  EXPECT_EQ(field(f_.call(Method::del, plan_url(both.body), worker_)), "version");
  EXPECT_EQ(f_.call(Method::del, plan_url(both.body) + "?version=9", worker_).status, 409);
  EXPECT_EQ(cancel(both.body, director_).status, 403);
  // Another team's worker may not remove clients she cannot see.
  EXPECT_EQ(cancel(both.body, adults_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop WHERE plan_id = " + id(both.body)), 2);

  const Answer gone = cancel(both.body, worker_);
  ASSERT_EQ(gone.status, 204) << gone.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_day_plan WHERE id = " + id(both.body)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop WHERE plan_id = " + id(both.body)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_day_crew WHERE plan_id = " + id(both.body)), 0);
  EXPECT_EQ(get(base(service_) + "/days/" + in_days(1), worker_).body["plans"].size(), 0u);
  EXPECT_EQ(cancel(both.body, worker_).status, 404);
  EXPECT_EQ(audited("mobile_day_plan", "delete"), 1);
  EXPECT_EQ(audited("mobile_stop", "delete"), 2);
  // The clients may be planned again that day.
  const Answer again = plan(in_days(1), "Grobiņa – Bārta", worker_);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(add(again.body, anna, worker_).status, 201);

  // A plan with a recorded visit (any day) stays.
  const Answer visited_plan = plan(in_days(0), "Šodien", worker_);
  const Answer with_visit = add(visited_plan.body, janis, worker_);
  ASSERT_EQ(with_visit.status, 201);
  ASSERT_EQ(visit(with_visit.body["stops"][0], {{"outcome", "refused"}}, worker_).status, 200);
  const Answer current = get(base(service_) + "/days/" + in_days(0), worker_);
  const Answer refused = cancel(current.body["plans"][0], worker_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.dump().find("recorded visits"), std::string::npos) << refused.body.dump();
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop WHERE plan_id = " + id(visited_plan.body)), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, MobilePlans, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
