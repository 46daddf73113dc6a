// The mobile social service API on both engines (docs/api-mobile.md): a day plan of a route
// with its crew; clients (placed referrals) added as stops with a window, the registry address
// by default and what to bring; reordered, moved to another day, removed; a client never twice
// on one day; a visit's outcome recorded once, a visit also in the referral's delivery log; the
// printable day list read back with pdftotext; clients hidden from whoever may not read their
// case; every read of names, change and print audited; bad input refused naming the field.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "mobile_test_support.h"
#include "support/pdf_text.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class MobileApi : public MobileTest {};

TEST_P(MobileApi, PlanReorderVisitMoveAndRemove) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const json janis = placed(k, janis_, service_);
  const json marta = placed(k, marta_, service_);

  const Answer made = plan(in_days(0), " Grobiņa – Bārta ", worker_,
                           {{"vehicle", "VW Caddy, LM-4127"}, {"crew", {worker_user_.id}}});
  ASSERT_EQ(made.status, 201) << made.body.dump();
  EXPECT_EQ(made.body["route"], "Grobiņa – Bārta");
  EXPECT_EQ(made.body["date"], in_days(0));
  EXPECT_EQ(made.body["crew"][0]["user_id"], worker_user_.id);
  EXPECT_EQ(made.body["stops"].size(), 0u);

  const Answer first = add(made.body, anna, worker_,
                           {{"window_from", "09:00"},
                            {"window_to", "10:00"},
                            {"planned", {"hot_meal", {{"item", "medicines"}, {"quantity", 2}}}},
                            {"note", "Atslēga pie kaimiņiem"}});
  ASSERT_EQ(first.status, 201) << first.body.dump();
  const json a = first.body["stops"][0];
  EXPECT_EQ(a["position"], 1);
  EXPECT_EQ(a["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(a["window_from"], "09:00");
  EXPECT_EQ(a["planned"][1], (json{{"item", "medicines"}, {"quantity", 2}}));
  EXPECT_EQ(a["redacted"], false);
  // The address defaults to the registry's (where she lives, else her declared address).
  const std::int64_t has_address =
      count("SELECT COUNT(*) FROM person WHERE id = " + std::to_string(anna_) +
            " AND COALESCE(actual_address_id, declared_address_id) IS NOT NULL");
  EXPECT_EQ(a["address"].is_string(), has_address == 1) << a.dump();

  const Answer second =
      add(made.body, janis, worker_, {{"address", "Bārta, “Lejnieki”"}, {"planned", {"shopping"}}});
  ASSERT_EQ(second.status, 201) << second.body.dump();
  EXPECT_EQ(names(second.body), (std::vector<std::string>{"Anna Bērziņa", "Jānis Bērziņš"}));
  EXPECT_EQ(stop_of(second.body, "Jānis Bērziņš")["address"], "Bārta, “Lejnieki”");

  // Not twice on one day, not on another route of that day either.
  const Answer twice = add(made.body, anna, worker_);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(field(twice), "referral_id");
  const Answer other = plan(in_days(0), "Nīca – Rucava", worker_);
  ASSERT_EQ(other.status, 201);
  EXPECT_EQ(field(add(other.body, anna, worker_)), "referral_id");

  // Jānis goes first.
  const Answer reordered =
      change(stop_of(second.body, "Jānis Bērziņš"), {{"position", 1}}, worker_);
  ASSERT_EQ(reordered.status, 200) << reordered.body.dump();
  EXPECT_EQ(names(reordered.body), (std::vector<std::string>{"Jānis Bērziņš", "Anna Bērziņa"}));
  EXPECT_EQ(reordered.body["stops"][1]["position"], 2);
  EXPECT_EQ(change(stop_of(second.body, "Jānis Bērziņš"), {{"position", 2}}, worker_).status,
            409);  // stale version
  EXPECT_EQ(field(change(stop_of(reordered.body, "Anna Bērziņa"), {{"position", 3}}, worker_)),
            "position");

  // The day as read: both routes, the stops in order.
  const Answer day = get(base(service_) + "/days/" + in_days(0), worker_);
  ASSERT_EQ(day.status, 200) << day.body.dump();
  ASSERT_EQ(day.body["plans"].size(), 2u);
  EXPECT_EQ(day.body["plans"][0]["route"], "Grobiņa – Bārta");
  EXPECT_EQ(names(day.body["plans"][0]),
            (std::vector<std::string>{"Jānis Bērziņš", "Anna Bērziņa"}));
  EXPECT_EQ(get(base(service_) + "/days/" + in_days(1), worker_).body["plans"].size(), 0u);

  // A visit: recorded once, and in Anna's delivery log.
  const json anna_stop = stop_of(reordered.body, "Anna Bērziņa");
  const Answer visited = visit(
      anna_stop, {{"outcome", "visited"}, {"delivered", {"hot_meal"}}, {"note", "Labi"}}, worker_);
  ASSERT_EQ(visited.status, 200) << visited.body.dump();
  const json done = stop_of(visited.body, "Anna Bērziņa");
  EXPECT_EQ(done["outcome"], "visited");
  EXPECT_EQ(done["delivered"][0]["item"], "hot_meal");
  EXPECT_EQ(done["outcome_note"], "Labi");
  ASSERT_TRUE(done["delivery_id"].is_number()) << done.dump();
  const Answer log = get("/api/v1/referrals/" + id(anna), worker_);
  ASSERT_EQ(log.body["deliveries"].size(), 1u) << log.body.dump();
  EXPECT_EQ(log.body["deliveries"][0]["id"], done["delivery_id"]);
  EXPECT_EQ(log.body["deliveries"][0]["delivered_on"], in_days(0));
  EXPECT_EQ(log.body["deliveries"][0]["quantity"], 1);
  EXPECT_EQ(log.body["deliveries"][0]["attended"], true);
  EXPECT_EQ(log.body["deliveries"][0]["note"], "Siltā maltīte; Labi");
  EXPECT_EQ(visit(done, {{"outcome", "visited"}}, worker_).status, 409);
  EXPECT_EQ(change(done, {{"position", 1}}, worker_).status, 409);

  // Not at home: nothing delivered, nothing in the log.
  const json janis_stop = stop_of(visited.body, "Jānis Bērziņš");
  EXPECT_EQ(
      field(visit(janis_stop, {{"outcome", "not_home"}, {"delivered", {"hot_meal"}}}, worker_)),
      "delivered");
  EXPECT_EQ(field(visit(janis_stop, {{"outcome", "maybe"}}, worker_)), "outcome");
  const Answer away = visit(janis_stop, {{"outcome", "not_home"}}, worker_);
  ASSERT_EQ(away.status, 200) << away.body.dump();
  EXPECT_EQ(stop_of(away.body, "Jānis Bērziņš")["delivery_id"], nullptr);
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral_delivery WHERE referral_id = " + id(janis)), 0);

  // Marta: planned today, moved to next week's plan; a future visit is refused.
  const Answer with_marta = add(made.body, marta, worker_);
  ASSERT_EQ(with_marta.status, 201) << with_marta.body.dump();
  const Answer next_week = plan(in_days(7), "Grobiņa – Bārta", worker_);
  ASSERT_EQ(next_week.status, 201);
  const Answer moved = change(stop_of(with_marta.body, "Marta Bērziņa"),
                              {{"plan_id", next_week.body["id"]}}, worker_);
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["id"], next_week.body["id"]);
  EXPECT_EQ(names(moved.body), (std::vector<std::string>{"Marta Bērziņa"}));
  EXPECT_EQ(get(base(service_) + "/days/" + in_days(0), worker_).body["plans"][0]["stops"].size(),
            2u);
  const json marta_stop = stop_of(moved.body, "Marta Bērziņa");
  EXPECT_EQ(field(visit(marta_stop, {{"outcome", "visited"}}, worker_)), "outcome");
  EXPECT_EQ(field(change(marta_stop, {{"plan_id", 999999}}, worker_)), "plan_id");

  // Removed (with its version), and the day's order closes up.
  EXPECT_EQ(field(f_.call(Method::del, stop_url(marta_stop), worker_)), "version");
  const Answer removed =
      f_.call(Method::del,
              stop_url(marta_stop) + "?version=" + std::to_string(marta_stop["version"].get<int>()),
              worker_);
  ASSERT_EQ(removed.status, 200) << removed.body.dump();
  EXPECT_EQ(removed.body["stops"].size(), 0u);
  EXPECT_EQ(f_.call(Method::del, stop_url(done) + "?version=2", worker_).status, 409);

  // Audited: the plans, the stops, the moves, the visits and the delivery, the named lists.
  const auto audited = [&](const std::string& type, const std::string& action) {
    return count("SELECT COUNT(*) FROM audit_log WHERE entity_type = '" + type +
                 "' AND action = '" + action + "'");
  };
  EXPECT_EQ(audited("mobile_day_plan", "create"), 3);
  EXPECT_EQ(audited("mobile_stop", "create"), 3);
  EXPECT_EQ(audited("mobile_stop", "update"), 2);
  EXPECT_EQ(audited("mobile_stop", "visit"), 2);
  EXPECT_EQ(audited("mobile_stop", "delete"), 1);
  EXPECT_EQ(audited("referral", "delivery"), 1);
  EXPECT_GE(audited("mobile_stop", "list"), 2);
}

TEST_P(MobileApi, TheDayListPrintsTheRouteInOrder) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const json janis = placed(k, janis_, service_);
  const Answer made = plan(in_days(0), "Grobiņa – Bārta", worker_,
                           {{"vehicle", "VW Caddy"}, {"crew", {worker_user_.id}}});
  ASSERT_EQ(made.status, 201);
  ASSERT_EQ(add(made.body, anna, worker_,
                {{"window_from", "09:00"}, {"window_to", "10:00"}, {"planned", {"hot_meal"}}})
                .status,
            201);
  const Answer both = add(made.body, janis, worker_,
                          {{"address", "Bārta, “Lejnieki”"}, {"planned", {"medicines"}}});
  ASSERT_EQ(both.status, 201);
  ASSERT_EQ(change(stop_of(both.body, "Jānis Bērziņš"), {{"position", 1}}, worker_).status, 200);

  const Answer pdf = get(plan_url(made.body) + "/day-list.pdf", worker_);
  ASSERT_EQ(pdf.status, 200) << pdf.raw.substr(0, 300);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.raw.rfind("%PDF-", 0), 0u);
  const std::string text = flat(pdf_text(pdf.raw));
  ASSERT_FALSE(text.empty()) << "pdftotext did not run";
  EXPECT_NE(text.find(made.body["crew"][0]["name"].get<std::string>()), std::string::npos) << text;
  for (const char* expected :
       {"MARŠRUTA LAPA", "Mobilā brigāde", "Grobiņa – Bārta", "VW Caddy", "Bārta, “Lejnieki”",
        "Siltā maltīte", "Medikamenti", "09:00–10:00", "nebija mājās", "atteicās"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in: " << text;
  }
  const auto janis_at = text.find("Jānis Bērziņš"), anna_at = text.find("Anna Bērziņa");
  ASSERT_NE(janis_at, std::string::npos) << text;
  ASSERT_NE(anna_at, std::string::npos) << text;
  EXPECT_LT(janis_at, anna_at);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mobile_day_plan' AND"
                  " action = 'export' AND entity_id = '" +
                  id(made.body) + "'"),
            1);

  // Someone of another team prints the list without the clients.
  const Answer hidden = get(plan_url(made.body) + "/day-list.pdf", adults_);
  ASSERT_EQ(hidden.status, 200);
  const std::string other = flat(pdf_text(hidden.raw));
  EXPECT_NE(other.find("(slēpts)"), std::string::npos) << other;
  EXPECT_EQ(other.find("Bērziņ"), std::string::npos) << other;
  EXPECT_EQ(other.find("Lejnieki"), std::string::npos) << other;
  EXPECT_EQ(get(plan_url(made.body) + "/day-list.pdf", benefits_).status, 403);
  EXPECT_EQ(get(base(service_) + "/plans/999999/day-list.pdf", worker_).status, 404);
}

TEST_P(MobileApi, ClientsAreSeenAndChangedOnlyThroughTheirCase) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const Answer made = plan(in_days(0), "Grobiņa – Bārta", worker_);
  ASSERT_EQ(made.status, 201);
  const Answer added = add(made.body, anna, worker_, {{"address", "Ziedu iela 1"}});
  ASSERT_EQ(added.status, 201);
  const json stop = added.body["stops"][0];
  const std::string day = base(service_) + "/days/" + in_days(0);
  const auto lists = [&] {
    return count(
        "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'mobile_stop' AND action ="
        " 'list'");
  };

  // Another team's worker sees that a stop is there, not whose.
  const std::int64_t before = lists();
  const Answer theirs = get(day, adults_);
  ASSERT_EQ(theirs.status, 200) << theirs.body.dump();
  const json seen = theirs.body["plans"][0]["stops"][0];
  EXPECT_EQ(seen["redacted"], true);
  for (const char* hidden : {"person", "address", "phone", "case_id", "referral_id", "planned"}) {
    EXPECT_FALSE(seen.contains(hidden)) << hidden;
  }
  EXPECT_EQ(theirs.body.dump().find("Ziedu"), std::string::npos);
  EXPECT_EQ(lists(), before);  // nothing named, nothing listed
  // …and may neither add her nor change or record her stop.
  EXPECT_EQ(field(add(made.body, anna, adults_)), "referral_id");
  EXPECT_EQ(change(stop, {{"position", 1}}, adults_).status, 404);
  EXPECT_EQ(visit(stop, {{"outcome", "visited"}}, adults_).status, 404);

  // The director reads the municipality's cases (named, audited) but plans nothing.
  const Answer director = get(day, director_);
  EXPECT_EQ(director.body["plans"][0]["stops"][0]["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(lists(), before + 1);
  EXPECT_EQ(plan(in_days(1), "Cits", director_).status, 403);
  EXPECT_EQ(visit(stop, {{"outcome", "visited"}}, director_).status, 403);
  // The administrator sees no names; benefit officers nothing.
  EXPECT_EQ(get(day, admin_).body["plans"][0]["stops"][0]["redacted"], true);
  EXPECT_EQ(plan(in_days(1), "Cits", admin_).status, 403);
  EXPECT_EQ(get(day, benefits_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop WHERE outcome IS NOT NULL AND plan_id = " +
                  id(made.body)),
            0);
}

TEST_P(MobileApi, BadInputIsRefusedNamingTheField) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  const Answer made = plan(in_days(0), "Grobiņa – Bārta", worker_);
  ASSERT_EQ(made.status, 201);

  // Only a mobile service of the municipality has days.
  const json mentor = make_service("Mentori", "mentor");
  EXPECT_EQ(get(base(mentor) + "/days/" + in_days(0), worker_).status, 404);
  EXPECT_EQ(post(base(mentor) + "/days/" + in_days(0) + "/plans", {{"route", "X"}}, worker_).status,
            404);
  EXPECT_EQ(field(get(base(service_) + "/days/2026-13-01", worker_)), "date");
  EXPECT_EQ(field(plan(in_days(400), "Tālu", worker_)), "date");
  EXPECT_EQ(field(plan(in_days(0), "  ", worker_)), "route");
  const Answer same = plan(in_days(0), "Grobiņa – Bārta", worker_);
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(field(same), "route");
  EXPECT_EQ(field(plan(in_days(1), "Cits", worker_, {{"crew", {999999}}})), "crew");
  EXPECT_EQ(plan(in_days(1), "Cits", worker_, {{"colour", "zils"}}).status, 422);

  // Stops: the window, the items, the referral.
  EXPECT_EQ(field(add(made.body, anna, worker_, {{"window_from", "25:00"}})), "window_from");
  const Answer backwards =
      add(made.body, anna, worker_, {{"window_from", "11:00"}, {"window_to", "10:00"}});
  EXPECT_EQ(field(backwards), "window_to");
  As latvian = worker_;
  latvian.language = "lv";
  const Answer lv = add(made.body, anna, latvian, {{"planned", {"ikri"}}});
  EXPECT_EQ(field(lv), "planned");
  EXPECT_NE(lv.body.dump().find("Nezināma vienība"), std::string::npos) << lv.body.dump();
  EXPECT_EQ(field(add(made.body, anna, worker_,
                      {{"planned", {{{"item", "hot_meal"}, {"quantity", 0}}}}})),
            "planned");
  EXPECT_EQ(field(add(made.body, anna, worker_, {{"planned", "hot_meal"}})), "planned");
  EXPECT_EQ(field(post(plan_url(made.body) + "/stops", json::object(), worker_)), "referral_id");
  EXPECT_EQ(field(add(made.body, json{{"id", 999999}}, worker_)), "referral_id");
  const Answer waiting =
      post("/api/v1/referrals",
           {{"case_id", k["id"]}, {"person_id", janis_}, {"service_id", service_["id"]}}, worker_);
  ASSERT_EQ(waiting.status, 201);
  EXPECT_EQ(field(add(made.body, waiting.body, worker_)), "referral_id");
  EXPECT_EQ(
      post(base(service_) + "/plans/999999/stops", {{"referral_id", anna["id"]}}, worker_).status,
      404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop WHERE plan_id = " + id(made.body)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_day_plan WHERE service_id = " + id(service_)), 1);

  // A planned stop's window, address and items change; a window ending before it starts does not.
  const Answer added = add(made.body, anna, worker_, {{"window_from", "09:00"}});
  ASSERT_EQ(added.status, 201) << added.body.dump();
  const json stop = added.body["stops"][0];
  EXPECT_EQ(field(change(stop, {{"window_to", "08:00"}}, worker_)), "window_to");
  EXPECT_EQ(field(change(stop, {{"planned", {"ikri"}}}, worker_)), "planned");
  const Answer changed = change(
      stop, {{"window_to", "10:00"}, {"address", "Bārta, “Lejnieki”"}, {"planned", {"hygiene"}}},
      worker_);
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  const json now = changed.body["stops"][0];
  EXPECT_EQ(now["window_from"], "09:00");
  EXPECT_EQ(now["window_to"], "10:00");
  EXPECT_EQ(now["address"], "Bārta, “Lejnieki”");
  EXPECT_EQ(now["planned"], (json::array({{{"item", "hygiene"}, {"quantity", 1}}})));
  EXPECT_EQ(now["version"], stop["version"].get<int>() + 1);
}

TEST_P(MobileApi, RacingAddsPutAClientOnOneRouteOfTheDay) {
  const json k = open_case();
  const json anna = placed(k, anna_, service_);
  for (int round = 0; round < 4; ++round) {
    const std::string day = in_days(round + 1);
    const Answer east = plan(day, "Austrumi", worker_);
    const Answer west = plan(day, "Rietumi", worker_);
    ASSERT_EQ(east.status, 201);
    ASSERT_EQ(west.status, 201);
    int statuses[2] = {0, 0};
    std::thread a([&] { statuses[0] = add(east.body, anna, worker_).status; });
    std::thread b([&] { statuses[1] = add(west.body, anna, supervisor_).status; });
    a.join();
    b.join();
    EXPECT_EQ(std::min(statuses[0], statuses[1]), 201) << "round " << round;
    EXPECT_EQ(std::max(statuses[0], statuses[1]), 409) << "round " << round;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM mobile_stop s JOIN mobile_day_plan p ON p.id = s.plan_id"
                  " WHERE p.service_id = " +
                  id(service_)),
            4);
}

INSTANTIATE_TEST_SUITE_P(Engines, MobileApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
