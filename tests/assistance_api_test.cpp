// Social assistance through the API on both engines: a household from application to a granted
// GMI benefit and its payments; bad declarations; the double-benefit check; access.
#include <gtest/gtest.h>

#include "assistance/periods.h"
#include "core/date.h"
#include "registry/person_store.h"
#include "support/app_fixture.h"

namespace atb::test {
namespace {

using http::Method;
using nlohmann::json;

class AssistanceApi : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    officer_ = as(f_.user("a.officer", {access::Role::benefits_officer}, {"benefits"}));
    worker_ = as(f_.user("a.worker", {access::Role::social_worker}, {"families"}));
    household_ = scalar("SELECT id FROM household WHERE name = 'Bērziņu ģimene'");
    anna_ = scalar("SELECT id FROM person WHERE given_names = 'Anna' AND surname = 'Bērziņa'");
    janis_ = scalar("SELECT id FROM person WHERE given_names = 'Jānis' AND surname = 'Bērziņš'");
    const Date today = today_riga();
    month_ = assistance::month_of(Date{today.year, today.month, 1});
    period_ = assistance::declaration_months(Date{today.year, today.month, 1});
  }
  static As as(const TestUser& u) { return As{u.session_token, u.csrf, "", "en"}; }
  std::int64_t scalar(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].integer(0) : 0;
  }
  Answer create() {
    return f_.call(Method::post, "/api/v1/assistance/applications", officer_,
                   json{{"household_id", household_}, {"applicant_id", anna_}, {"kind", "gmi"}}.dump());
  }
  // Anna earns 300,00 € a month; Jānis declares nothing (0); the children declare nothing.
  json declaration(std::int64_t version) {
    json incomes = json::array();
    for (const std::string& m : period_) {
      incomes.push_back({{"person_id", anna_}, {"month", m}, {"kind", "wages"}, {"amount", 30000}});
      incomes.push_back({{"person_id", janis_}, {"month", m}, {"kind", "other"}, {"amount", 0}});
    }
    return {{"version", version},
            {"members", {{{"person_id", anna_}, {"able_to_work", true}, {"pensioner", false}, {"disability", false}}}},
            {"incomes", incomes}};
  }
  std::string url(std::int64_t id, const std::string& tail = "") {
    return "/api/v1/assistance/applications/" + std::to_string(id) + tail;
  }

  AppFixture f_{GetParam()};
  As officer_, worker_;
  std::int64_t household_ = 0, anna_ = 0, janis_ = 0;
  std::string month_;
  std::vector<std::string> period_;
};

TEST_P(AssistanceApi, FromApplicationToAGrantedGmiBenefitAndItsPayments) {
  const Answer made = create();
  ASSERT_EQ(made.status, 201) << made.body.dump();
  EXPECT_EQ(made.body["members"].size(), 4u);
  EXPECT_EQ(made.body["period_months"], json(period_));
  const std::int64_t id = made.body["id"];
  const Answer declared = f_.call(Method::patch, url(id), officer_, declaration(1).dump());
  ASSERT_EQ(declared.status, 200) << declared.body.dump();
  const Answer calc = f_.call(Method::get, url(id, "/calculation"), officer_);
  ASSERT_EQ(calc.status, 200) << calc.body.dump();
  // 2026: GMI 187,00 € for the first person + 131,00 € × 3 others = 580,00 €; income 300,00 €.
  if (month_ >= "2026-01" && month_ <= "2026-12") {
    EXPECT_EQ(calc.body["household_income"], 30000);
    EXPECT_EQ(calc.body["amount"], 28000);
  }
  EXPECT_EQ(calc.body["eligible"], true);
  EXPECT_EQ(calc.body["period_months"], 3);
  EXPECT_GE(calc.body["steps"].size(), 3u);
  EXPECT_EQ(f_.call(Method::post, url(id, "/decision"), officer_, json{{"version", 2}}.dump()).status, 409);  // not submitted
  const Answer submitted = f_.call(Method::post, url(id, "/submit"), officer_, json{{"version", 2}}.dump());
  ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
  EXPECT_FALSE(submitted.body["decision_due"].is_null());
  const Answer decided = f_.call(Method::post, url(id, "/decision"), officer_, json{{"version", 3}}.dump());
  ASSERT_EQ(decided.status, 201) << decided.body.dump();
  EXPECT_EQ(decided.body["outcome"], "granted");
  ASSERT_EQ(decided.body["payments"].size(), 3u);
  EXPECT_EQ(decided.body["payments"][0]["amount"], decided.body["amount"]);
  const std::string first = decided.body["payments"][0]["month"];
  const Answer list = f_.call(Method::get, "/api/v1/assistance/payments?month=" + first, officer_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0]["surname"], "Bērziņa");
  EXPECT_EQ(list.body["total"], decided.body["amount"]);
  const Answer csv = f_.call(Method::get, "/api/v1/assistance/payments?format=csv&month=" + first, officer_);
  EXPECT_NE(csv.raw.find("Bērziņa"), std::string::npos);
  const std::string decision = "/api/v1/assistance/decisions/" + std::to_string(decided.body["id"].get<std::int64_t>());
  const Answer pdf = f_.call(Method::get, decision + "/pdf", officer_);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.raw.substr(0, 5), "%PDF-");
  const Answer stopped = f_.call(Method::post, decision + "/stop", officer_,
                                 json{{"from_month", decided.body["payments"][1]["month"]}, {"reason", "Atrada darbu"}}.dump());
  ASSERT_EQ(stopped.status, 200) << stopped.body.dump();
  EXPECT_EQ(stopped.body["payments"][0]["status"], "planned");
  EXPECT_EQ(stopped.body["payments"][1]["status"], "stopped");
  EXPECT_EQ(stopped.body["payments"][2]["status"], "stopped");
}

TEST_P(AssistanceApi, BadDeclarationsAreRefusedAndChangeNothing) {
  const Answer made = create();
  ASSERT_EQ(made.status, 201);
  const std::int64_t id = made.body["id"];
  json negative = declaration(1);
  negative["incomes"][0]["amount"] = -100;
  Answer a = f_.call(Method::patch, url(id), officer_, negative.dump());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "incomes.0.amount");
  json outside = declaration(1);
  outside["incomes"][0]["month"] = month_;
  a = f_.call(Method::patch, url(id), officer_, outside.dump());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "incomes.0.month");
  json stranger = declaration(1);
  stranger["incomes"][0]["person_id"] = scalar("SELECT id FROM person WHERE surname = 'Ozols'");
  a = f_.call(Method::patch, url(id), officer_, stranger.dump());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "incomes.0.person_id");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_income"), 0);
  // Jānis, an adult, without any income record: the calculation names the missing income.
  json missing = declaration(1);
  json only_anna = json::array();
  for (const auto& i : missing["incomes"]) {
    if (i["person_id"] == anna_) only_anna.push_back(i);
  }
  missing["incomes"] = only_anna;
  ASSERT_EQ(f_.call(Method::patch, url(id), officer_, missing.dump()).status, 200);
  const Answer calc = f_.call(Method::get, url(id, "/calculation"), officer_);
  EXPECT_EQ(calc.status, 422) << calc.body.dump();
}

TEST_P(AssistanceApi, ADoubleBenefitInAnotherMunicipalityIsFlagged) {
  // The same person (by personal code) was granted the GMI benefit in another municipality.
  auto setup = f_.db().write([&](storage::Connection& c) -> Result<void> {
    ATB_TRY_ASSIGN(m, c.query("INSERT INTO municipality (code, name, created_at) VALUES ('talsi', 'Talsu novads',"
                              " '2026-01-01T00:00:00.000Z') RETURNING id"));
    const std::int64_t other = m[0].integer(0);
    ATB_TRY_ASSIGN(code, c.query("SELECT personal_code FROM person WHERE id = ?", storage::params(anna_)));
    registry::PersonDraft d;
    d.given_names = "Anna";
    d.surname = "Bērziņa";
    d.birth_date = "1990-01-01";
    d.personal_code = code[0].text(0);
    ATB_TRY_ASSIGN(person, registry::insert_person(c, other, d, 0, "2026-01-01T00:00:00.000Z"));
    ATB_TRY_ASSIGN(h, c.query("INSERT INTO household (municipality_id, version, name, created_at, updated_at)"
                              " VALUES (?, 1, 'Talsi', 'x', 'x') RETURNING id", storage::params(other)));
    ATB_TRY_ASSIGN(team, c.query("SELECT id, department_id FROM team WHERE code = 'benefits'"));
    ATB_TRY_ASSIGN(app, c.query("INSERT INTO assistance_application (municipality_id, version, kind, status, household_id,"
                                " applicant_id, application_month, team_id, department_id, created_by, created_at, updated_at)"
                                " VALUES (?, 1, 'gmi', 'decided', ?, ?, '2026-01', ?, ?, 0, 'x', 'x') RETURNING id",
                                storage::params(other, h[0].integer(0), person, team[0].integer(0), team[0].integer(1))));
    ATB_TRY(c.execute("INSERT INTO assistance_member (application_id, person_id, able_to_work, pensioner, disability)"
                      " VALUES (?, ?, 1, 0, 0)", storage::params(app[0].integer(0), person)));
    ATB_TRY(c.execute("INSERT INTO assistance_decision (application_id, outcome, amount, period_from, period_to, note,"
                      " decided_by, decided_at) VALUES (?, 'granted', 10000, '2000-01-01', '2099-12-31', '', 0, 'x')",
                      storage::params(app[0].integer(0))));
    return ok();
  });
  ASSERT_TRUE(setup) << setup.error().detail;
  const std::int64_t id = create().body["id"];
  ASSERT_EQ(f_.call(Method::patch, url(id), officer_, declaration(1).dump()).status, 200);
  ASSERT_EQ(f_.call(Method::post, url(id, "/submit"), officer_, json{{"version", 2}}.dump()).status, 200);
  const Answer flagged = f_.call(Method::post, url(id, "/decision"), officer_, json{{"version", 3}}.dump());
  ASSERT_EQ(flagged.status, 409) << flagged.body.dump();
  EXPECT_EQ(flagged.body["flags"][0]["code"], "double_benefit");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision"), 1);
  const Answer confirmed = f_.call(Method::post, url(id, "/decision"), officer_,
                                   json{{"version", 3}, {"acknowledge_flags", true}}.dump());
  EXPECT_EQ(confirmed.status, 201) << confirmed.body.dump();
}

TEST_P(AssistanceApi, OnlyTheAssistanceDepartmentWorksOnApplications) {
  const std::int64_t id = create().body["id"];
  EXPECT_EQ(f_.call(Method::get, "/api/v1/assistance/applications", worker_).status, 403);
  EXPECT_EQ(f_.call(Method::get, url(id), worker_).status, 404);
  EXPECT_EQ(f_.call(Method::patch, url(id), worker_, declaration(1).dump()).status, 404);
  const As director = as(f_.user("a.director", {access::Role::director}));
  EXPECT_EQ(f_.call(Method::get, url(id), director).status, 200);
  EXPECT_EQ(f_.call(Method::patch, url(id), director, declaration(1).dump()).status, 403);
  // An administrator adds next year's thresholds; a row with an existing start date conflicts.
  const As admin = as(f_.user("a.admin", {access::Role::admin}));
  const json row = {{"from", "2027-01-01"}, {"gmi_first", 20000}, {"gmi_other", 14000}, {"needy_first", 45000},
                    {"needy_other", 31500}, {"low_income_max_first", 72000}, {"low_income_max_other", 50400}};
  EXPECT_EQ(f_.call(Method::post, "/api/v1/assistance/thresholds", officer_, row.dump()).status, 403);
  EXPECT_EQ(f_.call(Method::post, "/api/v1/assistance/thresholds", admin, row.dump()).status, 201);
  EXPECT_EQ(f_.call(Method::post, "/api/v1/assistance/thresholds", admin, row.dump()).status, 409);
}

TEST_P(AssistanceApi, PropertyAndSavingsFlagsAreKeptAndMakeTheHouseholdNotNeedy) {
  const std::int64_t id = create().body["id"];
  json declared = declaration(1);
  declared["members"][0]["owns_property"] = true;
  Answer a = f_.call(Method::patch, url(id), officer_, declared.dump());
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["members"][0]["person_id"], anna_);
  EXPECT_EQ(a.body["members"][0]["owns_property"], true);
  EXPECT_EQ(a.body["members"][0]["has_savings"], false);
  // A client that does not send the flags keeps them.
  a = f_.call(Method::patch, url(id), officer_, declaration(2).dump());
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.body["members"][0]["owns_property"], true) << a.body.dump();
  json bad = declaration(3);
  bad["members"][0]["has_savings"] = "jā";
  a = f_.call(Method::patch, url(id), officer_, bad.dump());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "members.0.has_savings");
  // Income qualifies (300,00 € for four persons), the property does not: no GMI benefit.
  Answer calc = f_.call(Method::get, url(id, "/calculation"), officer_);
  ASSERT_EQ(calc.status, 200) << calc.body.dump();
  EXPECT_EQ(calc.body["eligible"], false);
  EXPECT_EQ(calc.body["amount"], 0);
  const std::string steps = calc.body["steps"].dump();
  EXPECT_NE(steps.find("1. persona — īpašums ārpus mājokļa"), std::string::npos) << steps;
  EXPECT_NE(steps.find("person 1 — property beyond the home"), std::string::npos) << steps;
  json cleared = declaration(3);
  cleared["members"][0]["owns_property"] = false;
  ASSERT_EQ(f_.call(Method::patch, url(id), officer_, cleared.dump()).status, 200);
  calc = f_.call(Method::get, url(id, "/calculation"), officer_);
  EXPECT_EQ(calc.body["eligible"], true);
}

TEST_P(AssistanceApi, ARecalculationSupersedesTheDecisionFromAMonthAndKeepsHistory) {
  const std::int64_t id = create().body["id"];
  ASSERT_EQ(f_.call(Method::patch, url(id), officer_, declaration(1).dump()).status, 200);
  ASSERT_EQ(f_.call(Method::post, url(id, "/submit"), officer_, json{{"version", 2}}.dump()).status, 200);
  const Answer decided = f_.call(Method::post, url(id, "/decision"), officer_, json{{"version", 3}}.dump());
  ASSERT_EQ(decided.status, 201) << decided.body.dump();
  ASSERT_EQ(decided.body["payments"].size(), 3u);
  const std::int64_t old_id = decided.body["id"], old_amount = decided.body["amount"];
  const std::string m1 = decided.body["payments"][0]["month"], m2 = decided.body["payments"][1]["month"];
  const std::string m3 = decided.body["payments"][2]["month"];
  // New national thresholds from the second month: GMI 200,00 € + 140,00 € for each other person.
  const As admin = as(f_.user("a.admin", {access::Role::admin}));
  const json row = {{"from", m2 + "-01"}, {"gmi_first", 20000}, {"gmi_other", 14000}, {"needy_first", 45000},
                    {"needy_other", 31500}, {"low_income_max_first", 72000}, {"low_income_max_other", 50400}};
  ASSERT_EQ(f_.call(Method::post, "/api/v1/assistance/thresholds", admin, row.dump()).status, 201);
  const std::string recalc = "/api/v1/assistance/decisions/" + std::to_string(old_id) + "/recalculate";
  const json body = {{"from_month", m2}, {"reason", "Jauni sliekšņi"}};
  // Bad input names the field; others may not; nothing is written meanwhile.
  Answer a = f_.call(Method::post, recalc, officer_, json{{"from_month", "2026-13"}, {"reason", "Jauni sliekšņi"}}.dump());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["errors"][0]["field"], "from_month");
  a = f_.call(Method::post, recalc, officer_, json{{"from_month", "2020-01"}, {"reason", "Jauni sliekšņi"}}.dump());
  EXPECT_EQ(a.body["errors"][0]["field"], "from_month");
  a = f_.call(Method::post, recalc, officer_, json{{"from_month", "2099-01"}, {"reason", "Jauni sliekšņi"}}.dump());
  EXPECT_EQ(a.status, 422);  // after the decision's period
  a = f_.call(Method::post, recalc, officer_, json{{"from_month", m2}}.dump());
  EXPECT_EQ(a.body["errors"][0]["field"], "reason");
  EXPECT_EQ(f_.call(Method::post, recalc, worker_, body.dump()).status, 404);
  const As director = as(f_.user("a.director", {access::Role::director}));
  EXPECT_EQ(f_.call(Method::post, recalc, director, body.dump()).status, 403);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assistance_decision"), 1);

  const Answer next = f_.call(Method::post, recalc, officer_, body.dump());
  ASSERT_EQ(next.status, 201) << next.body.dump();
  EXPECT_EQ(next.body["supersedes_id"], old_id);
  EXPECT_EQ(next.body["application_id"], id);
  EXPECT_EQ(next.body["outcome"], "granted");
  EXPECT_EQ(next.body["recalculation_reason"], "Jauni sliekšņi");
  EXPECT_EQ(next.body["amount"], 32000);  // 200,00 + 140,00 × 3 − 300,00 = 320,00 €
  EXPECT_EQ(next.body["from"], m2 + "-01");
  EXPECT_EQ(next.body["to"], decided.body["to"]);
  ASSERT_EQ(next.body["payments"].size(), 2u);
  EXPECT_EQ(next.body["payments"][0], (json{{"month", m2}, {"amount", 32000}, {"status", "planned"}}));
  EXPECT_EQ(next.body["payments"][1], (json{{"month", m3}, {"amount", 32000}, {"status", "planned"}}));
  EXPECT_NE(next.body["steps"].back()["lv"].get<std::string>().find("aizstāj lēmumu Nr. " + std::to_string(old_id)),
            std::string::npos);
  // The old decision is unchanged but marked; its earlier payment stays, the later ones are superseded.
  const Answer old = f_.call(Method::get, "/api/v1/assistance/decisions/" + std::to_string(old_id), officer_);
  ASSERT_EQ(old.status, 200);
  EXPECT_EQ(old.body["amount"], old_amount);
  EXPECT_EQ(old.body["steps"], decided.body["steps"]);
  EXPECT_EQ(old.body["superseded_by_id"], next.body["id"]);
  EXPECT_EQ(old.body["superseded_from"], m2);
  EXPECT_EQ(old.body["payments"][0], (json{{"month", m1}, {"amount", old_amount}, {"status", "planned"}}));
  EXPECT_EQ(old.body["payments"][1], (json{{"month", m2}, {"amount", old_amount}, {"status", "superseded"}}));
  EXPECT_EQ(old.body["payments"][2]["status"], "superseded");
  const Answer pdf = f_.call(Method::get, "/api/v1/assistance/decisions/" + std::to_string(next.body["id"].get<std::int64_t>()) + "/pdf",
                            officer_);
  EXPECT_EQ(pdf.status, 200);
  // The month's payment list pays the new amount only.
  const Answer list = f_.call(Method::get, "/api/v1/assistance/payments?month=" + m2, officer_);
  EXPECT_EQ(list.body["total"], 32000);
  // The application shows the decision in force and the history.
  const Answer app = f_.call(Method::get, url(id), officer_);
  EXPECT_EQ(app.body["decision"]["id"], next.body["id"]);
  ASSERT_EQ(app.body["decisions"].size(), 2u);
  EXPECT_EQ(app.body["decisions"][0]["superseded_from"], m2);
  // A superseded decision can be neither recalculated nor stopped again; the change is audited.
  EXPECT_EQ(f_.call(Method::post, recalc, officer_, body.dump()).status, 409);
  EXPECT_EQ(f_.call(Method::post, "/api/v1/assistance/decisions/" + std::to_string(old_id) + "/stop", officer_,
                    body.dump()).status, 409);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'recalculate' AND entity_type = 'assistance_decision'"
                   " AND entity_id = '" + std::to_string(old_id) + "'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, AssistanceApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
