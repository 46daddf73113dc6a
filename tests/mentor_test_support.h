// Shared set-up of the mentor API tests (mentors_api_test.cpp, mentor_meetings_api_test.cpp):
// a mentor service made by an administrator, a referral of a case's member granted and placed
// in it, a volunteer of the register, and a pairing of the two.
#pragma once

#include <string>

#include "case_test_support.h"

namespace atb::test {

class MentorTest : public CaseTest {
 protected:
  using json = nlohmann::json;

  void SetUp() override {
    CaseTest::SetUp();
    admin_ = as(f_.user("m.admin", {access::Role::admin}));
    department_ = id_of("SELECT id FROM department WHERE code = 'services'");
  }

  static std::string id(const json& j) { return std::to_string(j["id"].get<std::int64_t>()); }
  static std::string field(const Answer& a) {
    return a.body.contains("errors") && !a.body["errors"].empty()
               ? a.body["errors"][0].value("field", "")
               : "";
  }
  Answer patch(const std::string& target, const json& body, const As& who) {
    return f_.call(http::Method::patch, target, who, body.dump());
  }

  json make_service(const std::string& name, const std::string& kind, const std::string& unit) {
    const Answer made = post("/api/v1/services",
                             {{"name_lv", name},
                              {"name_en", name},
                              {"kind", kind},
                              {"provider_department_id", department_},
                              {"capacity", 10},
                              {"capacity_unit", "places"},
                              {"unit", unit},
                              {"price_cents", 1200},
                              {"funding", "municipal"}},
                             admin_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    return made.body;
  }

  // A referral of `person` in case `k` to `service`, granted and (unless `place` is false)
  // placed from today.
  json referral(const json& k, std::int64_t person, const json& service, bool place = true) {
    const Answer r =
        post("/api/v1/referrals",
             {{"case_id", k["id"]}, {"person_id", person}, {"service_id", service["id"]}}, worker_);
    EXPECT_EQ(r.status, 201) << r.body.dump();
    const std::string at = "/api/v1/referrals/" + id(r.body);
    const Answer granted =
        post(at + "/decision", {{"version", r.body["version"]}, {"granted", true}}, supervisor_);
    EXPECT_EQ(granted.status, 200) << granted.body.dump();
    if (!place) return granted.body;
    const Answer done =
        post(at + "/placement", {{"version", granted.body["version"]}, {"start_on", in_days(0)}},
             supervisor_);
    EXPECT_EQ(done.status, 200) << done.body.dump();
    return done.body;
  }

  json volunteer(const std::string& name, int max_mentees) {
    const Answer made = post("/api/v1/services/mentors",
                             {{"kind", "volunteer"},
                              {"name", name},
                              {"phone", "+371 26123456"},
                              {"trained_on", in_days(-30)},
                              {"max_mentees", max_mentees}},
                             admin_);
    EXPECT_EQ(made.status, 201) << made.body.dump();
    return made.body;
  }

  static std::string mentor_path(const json& referral) {
    return "/api/v1/referrals/" + id(referral) + "/mentor";
  }
  Answer pair(const json& referral, const json& mentor, const json& extra = json::object()) {
    json body = {{"mentor_id", mentor["id"]}, {"from_on", in_days(0)}};
    body.update(extra);
    return post(mentor_path(referral), body, worker_);
  }

  As admin_;
  std::int64_t department_ = 0;
};

}  // namespace atb::test
