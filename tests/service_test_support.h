// Shared set-up of the service API tests built on referrals: a service of the catalogue made
// by an administrator, and a referral of a case's member granted and placed in it.
#pragma once

#include <string>

#include "case_test_support.h"

namespace atb::test {

class ServiceTest : public CaseTest {
 protected:
  void SetUp() override {
    CaseTest::SetUp();
    admin_ = as(f_.user("s.admin", {access::Role::admin}));
    department_ = id_of("SELECT id FROM department WHERE code = 'services'");
    marta_ = id_of("SELECT id FROM person WHERE given_names = 'Marta' AND surname = 'Bērziņa'");
  }

  /// A service of `kind` (3 in `capacity_unit`, delivered and priced per `unit`).
  nlohmann::json make_service(const std::string& name, const std::string& kind,
                              const std::string& capacity_unit = "places",
                              const std::string& unit = "day") {
    const Answer made = post("/api/v1/services",
                             {{"name_lv", name},
                              {"name_en", name},
                              {"kind", kind},
                              {"provider_department_id", department_},
                              {"capacity", 3},
                              {"capacity_unit", capacity_unit},
                              {"unit", unit},
                              {"price_cents", 1500},
                              {"funding", "municipal"}},
                             admin_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    return made.body;
  }
  static std::string base(const nlohmann::json& service) {
    return "/api/v1/services/" + std::to_string(service["id"].get<std::int64_t>());
  }
  static std::string id(const nlohmann::json& j) {
    return std::to_string(j["id"].get<std::int64_t>());
  }
  /// The field the first error of a problem answer names ("" when none).
  static std::string field(const Answer& a) {
    return a.body.contains("errors") && !a.body["errors"].empty()
               ? a.body["errors"][0].value("field", "")
               : "";
  }

  /// A referral of `person` in case `k` to `service`, requested by the worker, granted and
  /// placed from today by the supervisor.
  nlohmann::json placed(const nlohmann::json& k, std::int64_t person,
                        const nlohmann::json& service) {
    const Answer r =
        post("/api/v1/referrals",
             {{"case_id", k["id"]}, {"person_id", person}, {"service_id", service["id"]}}, worker_);
    EXPECT_EQ(r.status, 201) << r.body.dump();
    const std::string at = "/api/v1/referrals/" + id(r.body);
    const Answer granted =
        post(at + "/decision", {{"version", r.body["version"]}, {"granted", true}}, supervisor_);
    EXPECT_EQ(granted.status, 200) << granted.body.dump();
    const Answer done =
        post(at + "/placement", {{"version", granted.body["version"]}, {"start_on", in_days(0)}},
             supervisor_);
    EXPECT_EQ(done.status, 200) << done.body.dump();
    return done.body;
  }

  As admin_;
  std::int64_t department_ = 0, marta_ = 0;
};

}  // namespace atb::test
