// Shared set-up of the case-management API tests: the demo application, staff of the
// families team and around it, the demo household, and shortcuts for the endpoints.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/date.h"
#include "support/app_fixture.h"

namespace atb::test {

class CaseTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    worker_user_ = f_.user("k.worker", {access::Role::social_worker}, {"families"});
    supervisor_user_ = f_.user("k.super", {access::Role::supervisor}, {"families"});
    worker_ = as(worker_user_);
    supervisor_ = as(supervisor_user_);
    colleague_ = as(f_.user("k.colleague", {access::Role::social_worker}, {"families"}));
    head_ = as(f_.user("k.head", {access::Role::department_head}, {"families"}));
    adults_ = as(f_.user("k.adults", {access::Role::social_worker}, {"adults"}));
    adults_super_ = as(f_.user("k.adults.super", {access::Role::supervisor}, {"adults"}));
    director_ = as(f_.user("k.director", {access::Role::director}));
    benefits_ = as(f_.user("k.benefits", {access::Role::benefits_officer}, {"benefits"}));
    household_ = id_of("SELECT id FROM household WHERE name = 'Bērziņu ģimene'");
    anna_ = id_of("SELECT id FROM person WHERE given_names = 'Anna' AND surname = 'Bērziņa'");
    janis_ = id_of("SELECT id FROM person WHERE given_names = 'Jānis' AND surname = 'Bērziņš'");
    families_ = id_of("SELECT id FROM team WHERE code = 'families'");
  }

  static As as(const TestUser& u) { return As{u.session_token, u.csrf, "", "en"}; }

  std::int64_t id_of(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows && !rows->empty()) << sql;
    return rows && !rows->empty() ? (*rows)[0].integer(0) : 0;
  }
  std::int64_t count(const std::string& sql) { return id_of(sql); }

  /// A routine intake body about the demo household (merge `extra` over it).
  nlohmann::json intake_body(const nlohmann::json& extra = nlohmann::json::object()) const {
    nlohmann::json body = {{"channel", "phone"},
                           {"urgency", "routine"},
                           {"reporter", {{"kind", "person"}, {"name", "Kaimiņiene Ieva"}, {"contact", "+371 20000000"}}},
                           {"household_id", household_},
                           {"concern", "Bērni bieži paliek vieni mājās.\nVecāki strādā naktīs."},
                           {"problems", {"neglect", "poverty"}}};
    body.update(extra);
    return body;
  }
  Answer post(const std::string& target, const nlohmann::json& body, const As& who) {
    return f_.call(http::Method::post, target, who, body.dump());
  }
  Answer get(const std::string& target, const As& who) { return f_.call(http::Method::get, target, who); }

  /// Registers an intake and opens a case from it (lead: the worker); returns the case.
  nlohmann::json open_case() {
    const Answer intake = post("/api/v1/intakes", intake_body(), worker_);
    EXPECT_EQ(intake.status, 201) << intake.body.dump();
    const Answer outcome = post("/api/v1/intakes/" + std::to_string(intake.body.value("id", 0)) + "/outcome",
                                {{"version", intake.body.value("version", 0)}, {"outcome", "open_case"}}, worker_);
    EXPECT_EQ(outcome.status, 200) << outcome.body.dump();
    const Answer k = get("/api/v1/cases/" + std::to_string(outcome.body.value("case_id", 0)), worker_);
    EXPECT_EQ(k.status, 200) << k.body.dump();
    return k.body;
  }
  /// Moves a case (by its current version) to `to`.
  Answer move(const nlohmann::json& k, const std::string& to, const As& who) {
    return post("/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>()) + "/transitions",
                {{"version", k["version"]}, {"to", to}, {"reason", "Pāreja uz " + to}}, who);
  }

  /// Today in Riga plus `days`, as YYYY-MM-DD.
  static std::string in_days(int days) { return add_days(today_riga(), days).iso(); }
  /// A cooperation plan body: one goal for Anna with tasks for her (due in 20 days), the lead
  /// worker (10 days) and a partner (30 days); review in 60 days.
  nlohmann::json plan_body() const {
    using nlohmann::json;
    json tasks = json::array();
    tasks.push_back({{"text", "Pavadīt bērnus uz skolu"}, {"due_on", in_days(20)},
                     {"responsible", {{"kind", "member"}, {"person_id", anna_}}}});
    tasks.push_back({{"text", "Sazināties ar skolas sociālo pedagogu"}, {"due_on", in_days(10)},
                     {"responsible", {{"kind", "worker"}, {"user_id", worker_user_.id}}}});
    tasks.push_back({{"text", "Psihologa konsultācijas"}, {"due_on", in_days(30)},
                     {"responsible", {{"kind", "partner"}, {"partner_name", "Ģimenes atbalsta centrs"}}}});
    json goal = {{"text", "Bērni apmeklē skolu katru dienu"}, {"domain", "child_development"},
                 {"member", std::to_string(anna_)}, {"tasks", tasks}};
    return {{"goals", json::array({goal})}, {"review_on", in_days(60)}};
  }
  /// Makes a plan for case `k`, records the family's agreement, submits it and has the
  /// supervisor approve it; returns the approved plan.
  nlohmann::json approve_plan(const nlohmann::json& k) {
    const std::string base = "/api/v1/cases/" + std::to_string(k["id"].get<std::int64_t>());
    const Answer made = post(base + "/plans", plan_body(), worker_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    const std::string plan = base + "/plans/" + std::to_string(made.body.value("id", 0));
    const Answer agreed = post(plan + "/family-agreement",
                               {{"version", made.body["version"]}, {"agreed_on", in_days(0)}, {"person_ids", {anna_}}},
                               worker_);
    EXPECT_EQ(agreed.status, 200) << agreed.body.dump();
    const Answer submitted = post(plan + "/submit", {{"version", agreed.body["version"]}}, worker_);
    EXPECT_EQ(submitted.status, 200) << submitted.body.dump();
    const Answer approved = post(plan + "/decision", {{"version", submitted.body["version"]}, {"approved", true}},
                                 supervisor_);
    EXPECT_EQ(approved.status, 200) << approved.body.dump();
    return approved.body;
  }

  AppFixture f_{GetParam()};
  TestUser worker_user_, supervisor_user_;
  As worker_, supervisor_, colleague_, head_, adults_, adults_super_, director_, benefits_;
  std::int64_t household_ = 0, anna_ = 0, janis_ = 0, families_ = 0;
};

}  // namespace atb::test
