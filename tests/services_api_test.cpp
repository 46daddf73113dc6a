// The services and referrals API on both engines (docs/api-services.md): the catalogue managed
// by administrators and department heads; a referral from a case through decision, waiting
// list, placement (409 beyond capacity unless overridden with a reason), end and delivery log;
// eligibility refusals naming the rule; access through the case; nothing half-written.
#include <gtest/gtest.h>

#include "case_test_support.h"
#include "services/rules.h"

namespace atb::test {
namespace {

using nlohmann::json;

class ServicesApi : public CaseTest {
 protected:
  void SetUp() override {
    CaseTest::SetUp();
    admin_ = as(f_.user("s.admin", {access::Role::admin}));
    services_department_ = id_of("SELECT id FROM department WHERE code = 'services'");
    marta_ = id_of("SELECT id FROM person WHERE given_names = 'Marta' AND surname = 'Bērziņa'");
  }

  json service_body(const json& extra = json::object()) const {
    json body = {{"name_lv", "Grupu dzīvoklis “Ziedi”"},
                 {"name_en", "Group apartment Ziedi"},
                 {"kind", "group_apartment"},
                 {"provider_department_id", services_department_},
                 {"age_min", 18},
                 {"capacity", 1},
                 {"capacity_unit", "places"},
                 {"unit", "day"},
                 {"price_cents", 2150},
                 {"funding", "municipal"}};
    body.update(extra);
    return body;
  }
  json make_service(const json& extra = json::object()) {
    const Answer made = post("/api/v1/services", service_body(extra), admin_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    return made.body;
  }
  Answer refer(std::int64_t case_id, std::int64_t person, std::int64_t service,
               const json& extra = json::object()) {
    json body = {{"case_id", case_id}, {"person_id", person}, {"service_id", service}};
    body.update(extra);
    return post("/api/v1/referrals", body, worker_);
  }
  static std::string at(const json& referral, const std::string& step) {
    return "/api/v1/referrals/" + std::to_string(referral["id"].get<std::int64_t>()) + step;
  }
  json grant(const json& referral, int priority = 3) {
    const Answer a = post(
        at(referral, "/decision"),
        {{"version", referral["version"]}, {"granted", true}, {"priority", priority}}, supervisor_);
    EXPECT_EQ(a.status, 200) << a.body.dump();
    return a.body;
  }
  std::int64_t count(const std::string& sql) { return id_of(sql); }
  static std::string field(const Answer& a) {
    return a.body.contains("errors") && !a.body["errors"].empty()
               ? a.body["errors"][0].value("field", "")
               : "";
  }

  As admin_;
  std::int64_t services_department_ = 0, marta_ = 0;
};

TEST_P(ServicesApi, CatalogueIsManagedByAdministratorsAndHeads) {
  const json s = make_service({{"target_groups", {"mental_disorder", "disability"}}});
  EXPECT_EQ(s["name"]["lv"], "Grupu dzīvoklis “Ziedi”");
  EXPECT_EQ(s["provider"]["name"], "Sociālo pakalpojumu daļa");
  EXPECT_EQ(s["eligibility"]["age_min"], 18);
  EXPECT_EQ(s["eligibility"]["target_groups"], json({"disability", "mental_disorder"}));
  EXPECT_EQ(s["funding"]["source"], "municipal");
  EXPECT_EQ(s["version"], 1);

  // A social worker cannot add one; the head of a department can.
  EXPECT_EQ(post("/api/v1/services", service_body({{"name_lv", "Cits"}}), worker_).status, 403);
  EXPECT_EQ(
      post("/api/v1/services", service_body({{"name_lv", "Vadītājas pakalpojums"}}), head_).status,
      201);

  // Bad input names the field; nothing is written.
  const std::int64_t before = count("SELECT COUNT(*) FROM service");
  const Answer project =
      post("/api/v1/services", service_body({{"name_lv", "ESF"}, {"funding", "project"}}), admin_);
  EXPECT_EQ(project.status, 422);
  EXPECT_EQ(field(project), "project_number");
  const Answer both =
      post("/api/v1/services", service_body({{"name_lv", "Abi"}, {"provider_partner_id", 999999}}),
           admin_);
  EXPECT_EQ(field(both), "provider");
  const Answer ages =
      post("/api/v1/services", service_body({{"name_lv", "Vecums"}, {"age_max", 10}}), admin_);
  EXPECT_EQ(field(ages), "age_max");
  const Answer unknown =
      post("/api/v1/services", service_body({{"name_lv", "X"}, {"colour", "red"}}), admin_);
  EXPECT_EQ(unknown.status, 422);
  const Answer missing = post("/api/v1/services", json{{"name_lv", "Tikai nosaukums"}}, admin_);
  EXPECT_EQ(field(missing), "name_en");
  const Answer no_department =
      post("/api/v1/services", service_body({{"name_lv", "Y"}, {"provider_department_id", 999999}}),
           admin_);
  EXPECT_EQ(field(no_department), "provider_department_id");
  const Answer twice = post("/api/v1/services", service_body(), admin_);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(field(twice), "name_lv");
  EXPECT_EQ(count("SELECT COUNT(*) FROM service"), before);

  // Changes carry the version.
  const std::string path = "/api/v1/services/" + std::to_string(s["id"].get<std::int64_t>());
  EXPECT_EQ(f_.call(http::Method::patch, path, admin_, json{{"version", 7}, {"capacity", 3}}.dump())
                .status,
            409);
  const Answer changed = f_.call(http::Method::patch, path, admin_,
                                 json{{"version", 1}, {"capacity", 3}, {"active", false}}.dump());
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["capacity"], 3);
  EXPECT_EQ(changed.body["active"], false);
  EXPECT_EQ(changed.body["version"], 2);
  EXPECT_EQ(
      f_.call(http::Method::patch, path, worker_, json{{"version", 2}, {"capacity", 4}}.dump())
          .status,
      403);

  // The list: active ones unless all=1; benefit officers do not see the catalogue.
  const Answer active = get("/api/v1/services", worker_);
  ASSERT_EQ(active.status, 200);
  for (const json& item : active.body["items"]) EXPECT_TRUE(item["active"].get<bool>());
  EXPECT_GT(get("/api/v1/services?all=1", worker_).body["total"].get<int>(),
            active.body["total"].get<int>());
  EXPECT_EQ(get("/api/v1/services", benefits_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'service' AND action IN "
                  "('create', 'update')"),
            3);
}

TEST_P(ServicesApi, AReferralWaitsAndIsPlacedWhenAPlaceIsFree) {
  const json service = make_service();
  const std::int64_t sid = service["id"];
  const json k = open_case();
  const std::int64_t case_id = k["id"];

  const Answer a1 = refer(case_id, anna_, sid, {{"note", "Nepieciešams mājoklis"}});
  ASSERT_EQ(a1.status, 201) << a1.body.dump();
  EXPECT_EQ(a1.body["state"], "requested");
  EXPECT_EQ(a1.body["requested_on"], in_days(0));
  EXPECT_EQ(a1.body["decision_due_on"], services::decision_due(today_riga()).iso());
  EXPECT_EQ(a1.body["decision_overdue"], false);
  EXPECT_EQ(a1.body["person"]["name"], "Anna Bērziņa");
  // It carries its case's municipality and department (the statistics' scope).
  const std::string referral_id = std::to_string(a1.body["id"].get<std::int64_t>());
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = " + referral_id +
                  " AND r.municipality_id = c.municipality_id AND r.department_id = c.department_id"),
            1);

  // Only the team's supervisor (or the department head) decides.
  EXPECT_EQ(post(at(a1.body, "/decision"), {{"version", 1}, {"granted", true}}, worker_).status,
            403);
  const json anna = grant(a1.body, 3);
  EXPECT_EQ(anna["state"], "waiting");
  EXPECT_EQ(anna["decision"], "granted");
  EXPECT_EQ(anna["waiting_since"], in_days(0));
  EXPECT_EQ(anna["position"], 1);

  // Jānis with a higher priority goes before Anna on the list.
  const Answer j1 = refer(case_id, janis_, sid);
  ASSERT_EQ(j1.status, 201);
  const json janis = grant(j1.body, 1);
  EXPECT_EQ(janis["position"], 1);
  const Answer list = get("/api/v1/cases/" + std::to_string(case_id) + "/referrals", worker_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["total"], 2);
  EXPECT_EQ(list.body["items"][0]["person"]["name"], "Jānis Bērziņš");
  EXPECT_EQ(list.body["items"][0]["position"], 1);
  EXPECT_EQ(list.body["items"][1]["position"], 2);

  // Jānis takes the only place; Anna cannot be placed without an override.
  const Answer placed =
      post(at(janis, "/placement"), {{"version", janis["version"]}, {"start_on", in_days(0)}},
           supervisor_);
  ASSERT_EQ(placed.status, 200) << placed.body.dump();
  EXPECT_EQ(placed.body["state"], "placed");
  EXPECT_EQ(placed.body["override_reason"], nullptr);
  const Answer full = post(at(anna, "/placement"),
                           {{"version", anna["version"]}, {"start_on", in_days(0)}}, supervisor_);
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(field(full), "override_reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral WHERE state = 'placed'"), 1);

  const std::string page = "/api/v1/services/" + std::to_string(sid);
  Answer p = get(page, worker_);
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(p.body["occupied"], 1);
  EXPECT_EQ(p.body["free"], 0);
  ASSERT_EQ(p.body["waiting"]["items"].size(), 1u);
  EXPECT_EQ(p.body["waiting"]["items"][0]["position"], 1);
  EXPECT_EQ(p.body["waiting"]["items"][0]["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(p.body["placed"][0]["person"]["name"], "Jānis Bērziņš");

  // Jānis leaves; Anna gets the place.
  EXPECT_EQ(
      post(at(placed.body, "/end"),
           {{"version", placed.body["version"]}, {"end_on", in_days(0)}, {"reason", " "}}, worker_)
          .status,
      422);
  const Answer ended = post(at(placed.body, "/end"),
                            {{"version", placed.body["version"]},
                             {"end_on", in_days(0)},
                             {"reason", "Pārcēlās uz citu novadu"}},
                            worker_);
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  EXPECT_EQ(ended.body["state"], "ended");
  EXPECT_EQ(ended.body["end_reason"], "Pārcēlās uz citu novadu");
  const Answer second = post(at(anna, "/placement"),
                             {{"version", anna["version"]}, {"start_on", in_days(0)}}, supervisor_);
  ASSERT_EQ(second.status, 200) << second.body.dump();
  p = get(page, worker_);
  EXPECT_EQ(p.body["occupied"], 1);
  EXPECT_TRUE(p.body["waiting"]["items"].empty());

  // The delivery log of a placement; none for one that ended.
  const Answer logged = post(
      at(second.body, "/deliveries"),
      {{"delivered_on", in_days(0)}, {"quantity", 1}, {"attended", true}, {"note", "Ievākšanās"}},
      worker_);
  ASSERT_EQ(logged.status, 201) << logged.body.dump();
  EXPECT_EQ(post(at(ended.body, "/deliveries"),
                 {{"delivered_on", in_days(0)}, {"quantity", 1}, {"attended", true}}, worker_)
                .status,
            409);
  EXPECT_EQ(
      field(post(at(second.body, "/deliveries"),
                 {{"delivered_on", in_days(1)}, {"quantity", 1}, {"attended", false}}, worker_)),
      "delivered_on");
  const Answer read = get(at(second.body, ""), worker_);
  ASSERT_EQ(read.status, 200);
  ASSERT_EQ(read.body["deliveries"].size(), 1u);
  EXPECT_EQ(read.body["deliveries"][0]["note"], "Ievākšanās");

  // Every step is audited.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action IN"
                  " ('create', 'decide', 'place', 'end', 'delivery')"),
            8);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action IN "
                  "('list', 'read')"),
            3);
}

TEST_P(ServicesApi, PlacementBeyondCapacityNeedsAReason) {
  const json service = make_service({{"capacity", 0}});
  const json k = open_case();
  const json r = grant(refer(k["id"], anna_, service["id"]).body);
  const Answer refused =
      post(at(r, "/placement"), {{"version", r["version"]}, {"start_on", in_days(0)}}, supervisor_);
  EXPECT_EQ(refused.status, 409);
  const Answer forced = post(
      at(r, "/placement"),
      {{"version", r["version"]}, {"start_on", in_days(0)}, {"override_reason", "Akūta krīze"}},
      supervisor_);
  ASSERT_EQ(forced.status, 200) << forced.body.dump();
  EXPECT_EQ(forced.body["override_reason"], "Akūta krīze");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action = 'place'"
            " AND reason LIKE 'override:%'"),
      1);
  // Stale versions and moves the states do not allow.
  EXPECT_EQ(post(at(forced.body, "/placement"),
                 {{"version", forced.body["version"]}, {"start_on", in_days(0)}}, supervisor_)
                .status,
            409);
  EXPECT_EQ(post(at(forced.body, "/end"),
                 {{"version", 1}, {"end_on", in_days(0)}, {"reason", "Beidzās"}}, worker_)
                .status,
            409);
}

TEST_P(ServicesApi, ReferralsOutsideTheEligibilityAreRefusedWithTheRule) {
  const json youth = make_service({{"name_lv", "Jauniešu centrs"},
                                   {"kind", "youth_centre"},
                                   {"age_min", 3},
                                   {"age_max", 25},
                                   {"target_groups", {"children", "youth_at_risk"}},
                                   {"capacity", 30}});
  const json k = open_case();
  const std::int64_t before = count("SELECT COUNT(*) FROM referral");
  const Answer adult = refer(k["id"], anna_, youth["id"], {{"target_group", "children"}});
  EXPECT_EQ(adult.status, 422);
  EXPECT_EQ(field(adult), "person_id");
  EXPECT_NE(adult.body["errors"][0]["message"].get<std::string>().find("Rule: age 3 to 25 years"),
            std::string::npos)
      << adult.body.dump();
  const Answer group = refer(k["id"], marta_, youth["id"], {{"target_group", "seniors"}});
  EXPECT_EQ(field(group), "target_group");
  EXPECT_EQ(field(refer(k["id"], marta_, youth["id"])), "target_group");
  EXPECT_EQ(field(refer(k["id"], 999999, youth["id"])), "person_id");
  EXPECT_EQ(field(refer(k["id"], marta_, 999999)), "service_id");
  EXPECT_EQ(field(refer(999999, marta_, youth["id"])), "case_id");
  EXPECT_EQ(
      field(refer(k["id"], marta_, youth["id"], {{"target_group", "children"}, {"quantity", 0}})),
      "quantity");
  EXPECT_EQ(count("SELECT COUNT(*) FROM referral"), before);
  EXPECT_EQ(refer(k["id"], marta_, youth["id"], {{"target_group", "children"}}).status, 201);
  // A refusal needs a reason.
  const json r = refer(k["id"], marta_, youth["id"], {{"target_group", "youth_at_risk"}}).body;
  EXPECT_EQ(
      field(post(at(r, "/decision"), {{"version", r["version"]}, {"granted", false}}, supervisor_)),
      "reason");
  const Answer no =
      post(at(r, "/decision"),
           {{"version", r["version"]}, {"granted", false}, {"reason", "Jau saņem"}}, supervisor_);
  ASSERT_EQ(no.status, 200);
  EXPECT_EQ(no.body["state"], "refused");
  EXPECT_EQ(no.body["decision_reason"], "Jau saņem");
}

TEST_P(ServicesApi, ReferralsFollowTheCaseAccess) {
  const json service = make_service();
  const json k = open_case();
  const json r = grant(refer(k["id"], anna_, service["id"]).body);
  const std::string list =
      "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + "/referrals";
  EXPECT_EQ(get(list, adults_).status, 404);
  EXPECT_EQ(get(at(r, ""), adults_).status, 404);
  EXPECT_EQ(get(list, benefits_).status, 404);
  EXPECT_EQ(get(at(r, ""), director_).status, 200);
  EXPECT_EQ(
      post(at(r, "/end"),
           {{"version", r["version"]}, {"end_on", in_days(0)}, {"reason", "Atsaukts"}}, director_)
          .status,
      403);
  EXPECT_EQ(post(at(r, "/placement"), {{"version", r["version"]}, {"start_on", in_days(0)}},
                 adults_super_)
                .status,
            404);
  // Another team's worker sees the waiting list without names; the case's worker with them.
  const std::string page = "/api/v1/services/" + std::to_string(service["id"].get<std::int64_t>());
  const Answer hidden = get(page, adults_);
  ASSERT_EQ(hidden.status, 200);
  ASSERT_EQ(hidden.body["waiting"]["items"].size(), 1u);
  EXPECT_EQ(hidden.body["waiting"]["items"][0]["redacted"], true);
  EXPECT_FALSE(hidden.body["waiting"]["items"][0].contains("person"));
  EXPECT_EQ(hidden.body["waiting"]["items"][0]["position"], 1);
  EXPECT_EQ(get(page, worker_).body["waiting"]["items"][0]["redacted"], false);
  // "Who looked at this" follows the case too.
  const std::string looked =
      "/api/v1/audit/entities/referral/" + std::to_string(r["id"].get<std::int64_t>());
  const Answer who = get(looked, supervisor_);
  ASSERT_EQ(who.status, 200) << who.body.dump();
  EXPECT_GE(who.body["items"].size(), 2u);
  EXPECT_EQ(get(looked, adults_super_).status, 404);
  // A closed case requests no referrals.
  const std::int64_t id = k["id"];
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE case_file SET stage = 'closed' WHERE id = ?", storage::params(id)));
    return ok();
  }));
  EXPECT_EQ(refer(id, janis_, service["id"]).status, 409);
}

// The server keeps a service's roster between requests (services/roster_cache.h); every
// change of what the page lists shows at once, made through the API or straight in the database.
TEST_P(ServicesApi, TheServicePageFollowsEveryChangeOfWhatItLists) {
  const json service = make_service({{"capacity", 2}, {"age_min", 0}});  // for Jānis too
  const json k = open_case();
  const json r = grant(refer(k["id"], anna_, service["id"]).body);
  const std::string page = "/api/v1/services/" + std::to_string(service["id"].get<std::int64_t>());
  auto first_waiting = [&](const As& who) {
    const Answer a = get(page, who);
    EXPECT_EQ(a.status, 200) << a.body.dump();
    if (a.status != 200 || a.body["waiting"]["items"].empty()) return json::object();
    return a.body["waiting"]["items"][0];
  };
  // The first waiting person's name as `who` sees it ("" when not named to her).
  auto first_name = [&](const As& who) {
    return first_waiting(who).value("person", json::object()).value("name", std::string());
  };
  auto sql = [&](const std::string& statement, const storage::Params& params) {
    ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY(c.execute(statement, params));
      return ok();
    }));
  };
  EXPECT_EQ(first_name(worker_), "Anna Bērziņa");
  EXPECT_EQ(first_waiting(adults_)["redacted"], true);

  // A person's new name.
  sql("UPDATE person SET given_names = 'Annija' WHERE id = ?", storage::params(anna_));
  EXPECT_EQ(first_name(worker_), "Annija Bērziņa");
  // The case moves to another team: its old team's worker no longer reads it, the new one does.
  const std::int64_t adults_team = id_of("SELECT id FROM team WHERE code = 'adults'");
  sql("UPDATE case_file SET team_id = ?, lead_worker_id = ? WHERE id = ?",
      storage::params(adults_team, supervisor_user_.id, k["id"].get<std::int64_t>()));
  EXPECT_EQ(first_waiting(worker_)["redacted"], true);
  EXPECT_EQ(first_name(adults_), "Annija Bērziņa");
  // Made a co-worker of the case, she reads it again.
  sql("INSERT INTO case_worker (case_id, user_id) VALUES (?, ?)",
      storage::params(k["id"].get<std::int64_t>(), worker_user_.id));
  EXPECT_EQ(first_waiting(worker_)["redacted"], false);
  sql("DELETE FROM case_worker WHERE case_id = ?", storage::params(k["id"].get<std::int64_t>()));
  EXPECT_EQ(first_waiting(worker_)["redacted"], true);

  // A second referral with a higher priority goes first; the placement empties the list.
  sql("UPDATE case_file SET team_id = ?, lead_worker_id = ? WHERE id = ?",
      storage::params(families_, worker_user_.id, k["id"].get<std::int64_t>()));
  const Answer asked = refer(k["id"], janis_, service["id"]);
  ASSERT_EQ(asked.status, 201) << asked.body.dump();
  const json urgent = grant(asked.body, 1);
  EXPECT_EQ(first_waiting(worker_)["referral_id"], urgent["id"]);
  EXPECT_EQ(get(page, worker_).body["waiting"]["total"], 2);
  ASSERT_EQ(post(at(urgent, "/placement"), {{"version", urgent["version"]}, {"start_on", in_days(0)}},
                 supervisor_).status, 200);
  const Answer after = get(page, worker_);
  EXPECT_EQ(after.body["occupied"], 1);
  EXPECT_EQ(after.body["waiting"]["total"], 1);
  EXPECT_EQ(after.body["waiting"]["items"][0]["referral_id"], r["id"]);
  ASSERT_EQ(after.body["placed"].size(), 1u);
  EXPECT_EQ(after.body["placed"][0]["referral_id"], urgent["id"]);
}

TEST_P(ServicesApi, OverdueDecisionsAreShown) {
  const json service = make_service();
  const json k = open_case();
  const json late = refer(k["id"], anna_, service["id"]).body;
  const json fresh = refer(k["id"], janis_, service["id"]).body;
  const std::int64_t id = late["id"];
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE referral SET decision_due_on = ? WHERE id = ?",
                      storage::params(in_days(-1), id)));
    return ok();
  }));
  EXPECT_EQ(get(at(late, ""), worker_).body["decision_overdue"], true);
  EXPECT_EQ(get(at(fresh, ""), worker_).body["decision_overdue"], false);
  const Answer list = get("/api/v1/services", worker_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0]["requested"], 2);
  EXPECT_EQ(list.body["items"][0]["decisions_overdue"], 1);
  // Decided, it is no longer overdue.
  const json decided = grant(get(at(late, ""), worker_).body);
  EXPECT_EQ(decided["decision_overdue"], false);
  EXPECT_EQ(get("/api/v1/services", worker_).body["items"][0]["decisions_overdue"], 0);
}

TEST_P(ServicesApi, TheWaitingListIsPagedInItsOrder) {
  const json service = make_service();
  const std::string page = "/api/v1/services/" + std::to_string(service["id"].get<std::int64_t>());
  const json k = open_case();
  // Five waiting: priorities 3, 1, 3, 2, 3; the third has waited longest among the 3s.
  std::vector<std::int64_t> ids;
  for (int priority : {3, 1, 3, 2, 3}) {
    const Answer made = refer(k["id"], anna_, service["id"]);
    ASSERT_EQ(made.status, 201) << made.body.dump();
    ids.push_back(grant(made.body, priority)["id"]);
  }
  ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY(c.execute("UPDATE referral SET waiting_since = ? WHERE id = ?",
                      storage::params(in_days(-10), ids[2])));
    return ok();
  }));
  const std::vector<std::int64_t> order = {ids[1], ids[3], ids[2], ids[0], ids[4]};

  std::vector<std::int64_t> seen;
  for (int n = 1; n <= 3; ++n) {
    const Answer a = get(page + "?waiting_page=" + std::to_string(n) + "&waiting_page_size=2", worker_);
    ASSERT_EQ(a.status, 200) << a.body.dump();
    const json& w = a.body["waiting"];
    EXPECT_EQ(w["total"], 5);
    EXPECT_EQ(w["page"], n);
    EXPECT_EQ(w["page_size"], 2);
    ASSERT_EQ(w["items"].size(), n < 3 ? 2u : 1u);
    for (const json& e : w["items"]) {
      EXPECT_EQ(e["position"], static_cast<int>(seen.size()) + 1);
      seen.push_back(e["referral_id"]);
    }
  }
  EXPECT_EQ(seen, order);
  // The position a referral shows agrees with the page.
  EXPECT_EQ(get(at(json{{"id", ids[2]}}, ""), worker_).body["position"], 3);

  // Past the end: an empty page with the total; the default page size is 50.
  const Answer beyond = get(page + "?waiting_page=4&waiting_page_size=2", worker_);
  ASSERT_EQ(beyond.status, 200);
  EXPECT_TRUE(beyond.body["waiting"]["items"].empty());
  EXPECT_EQ(beyond.body["waiting"]["total"], 5);
  const Answer plain = get(page, worker_);
  EXPECT_EQ(plain.body["waiting"]["page"], 1);
  EXPECT_EQ(plain.body["waiting"]["page_size"], 50);
  EXPECT_EQ(plain.body["waiting"]["items"].size(), 5u);

  // The audit of a page names only the referrals on it.
  ASSERT_EQ(get(page + "?waiting_page=2&waiting_page_size=2", worker_).status, 200);
  const auto listed = [&](std::vector<std::int64_t> shown) {
    std::string ids;
    for (std::int64_t id : shown) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    return count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action = 'list'"
                 " AND entity_id = '" + ids + "'");
  };
  EXPECT_EQ(listed({order[2], order[3]}), 2);  // page 2, read twice
  EXPECT_EQ(listed({order[4]}), 1);            // page 3
  EXPECT_EQ(listed(order), 1);                 // the default page of 50
  // Pages 1, 2, 3, the default and page 2 again; the empty page 4 names nobody.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'referral' AND action = 'list'"), 5);

  // Bad paging is 422 naming the parameter.
  for (const char* bad : {"?waiting_page_size=201", "?waiting_page_size=0", "?waiting_page=x"}) {
    const Answer a = get(page + bad, worker_);
    EXPECT_EQ(a.status, 422) << bad;
    EXPECT_EQ(field(a), std::string(bad).find("size") != std::string::npos ? "waiting_page_size"
                                                                            : "waiting_page")
        << bad;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ServicesApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
