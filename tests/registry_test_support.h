// Shared set-up of the registry tests: an application with the demo data and users of the
// demo teams, and shortcuts for the registry's endpoints.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/app_fixture.h"

namespace atb::test {

class RegistryTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    worker_ = as(f_.user("r.worker", {access::Role::social_worker}, {"families"}));
    supervisor_ = as(f_.user("r.super", {access::Role::supervisor}, {"families"}));
    adults_ = as(f_.user("r.adults", {access::Role::social_worker}, {"adults"}));
    benefits_ = as(f_.user("r.benefits", {access::Role::benefits_officer}, {"benefits"}));
    director_ = as(f_.user("r.director", {access::Role::director}));
    auditor_ = as(f_.user("r.auditor", {access::Role::auditor}));
  }

  static As as(const TestUser& u) { return As{u.session_token, u.csrf, "", "en"}; }

  Answer search(const std::string& q, const As& who) {
    std::string encoded;
    for (unsigned char c : q) {
      if (std::isalnum(c) || c == '-' || c == '.') encoded += static_cast<char>(c);
      else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        encoded += buf;
      }
    }
    return f_.call(http::Method::get, "/api/v1/persons?q=" + encoded, who);
  }
  Answer create(const nlohmann::json& body, const As& who) {
    return f_.call(http::Method::post, "/api/v1/persons", who, body.dump());
  }
  Answer get(std::int64_t id, const As& who) {
    return f_.call(http::Method::get, "/api/v1/persons/" + std::to_string(id), who);
  }
  std::int64_t count(const std::string& sql) {
    auto rows = f_.db().read([&](storage::Connection& c) { return c.query(sql); });
    EXPECT_TRUE(rows) << sql;
    return rows ? (*rows)[0].integer(0) : -1;
  }

  AppFixture f_{GetParam()};
  As worker_, supervisor_, adults_, benefits_, director_, auditor_;
};

}  // namespace atb::test
