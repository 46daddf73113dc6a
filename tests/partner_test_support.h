// Shared set-up of the partner API tests: the case-management fixture (case_test_support.h)
// with institutions of the register and partner users of them.
#pragma once

#include <string>

#include "case_test_support.h"

namespace atb::test {

class PartnerTest : public CaseTest {
 protected:
  void SetUp() override {
    CaseTest::SetUp();
    admin_ = as(f_.user("p.admin", {access::Role::admin}));
    school_id_ = institution("school", "Liepājas 5. vidusskola");
    court_id_ = institution("orphans_court", "Liepājas bāriņtiesa");
    pedagogue_user_ = partner_user("p.pedagogue", school_id_);
    pedagogue_ = as(pedagogue_user_);
    other_teacher_ = as(partner_user("p.teacher", school_id_));
    court_ = as(partner_user("p.court", court_id_));
  }

  /// Registers an institution as the administrator; returns its id.
  std::int64_t institution(const std::string& kind, const std::string& name) {
    const Answer a = post("/api/v1/partners", {{"kind", kind}, {"name", name}, {"phone", "+371 63400000"}}, admin_);
    EXPECT_EQ(a.status, 201) << a.body.dump();
    return a.body.value("id", std::int64_t{0});
  }
  /// A partner user of institution `partner_id` with a complete session.
  TestUser partner_user(const std::string& username, std::int64_t partner_id) {
    TestUser u = f_.user(username, {access::Role::partner});
    auto set = f_.db().write([&](storage::Connection& c) {
      return c.execute("UPDATE app_user SET partner_id = ? WHERE id = ?", storage::params(partner_id, u.id));
    });
    EXPECT_TRUE(set);
    return u;
  }
  Answer patch(const std::string& target, const nlohmann::json& body, const As& who) {
    return f_.call(http::Method::patch, target, who, body.dump());
  }
  static std::string field_of(const Answer& a) {
    return a.body.contains("errors") && !a.body["errors"].empty() ? a.body["errors"][0].value("field", "") : "";
  }
  /// Audit entries of `entity_type` with outcome "denied" by user `user_id`.
  std::int64_t denied(const std::string& entity_type, std::int64_t user_id) {
    return count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND entity_type = '" + entity_type +
                 "' AND user_id = " + std::to_string(user_id));
  }

  As admin_, pedagogue_, other_teacher_, court_;
  TestUser pedagogue_user_;
  std::int64_t school_id_ = 0, court_id_ = 0;
};

}  // namespace atb::test
