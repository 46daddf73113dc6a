// Shared set-up of the mobile social service API tests (docs/api-mobile.md): a mobile service
// of the catalogue and shortcuts for its day plans, stops and visits.
#pragma once

#include <string>
#include <vector>

#include "service_test_support.h"

namespace atb::test {

class MobileTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    service_ = make_service("Mobilā brigāde", "mobile_service", "visits_per_month", "visit");
  }

  Answer plan(const std::string& day, const std::string& route, const As& who,
              const nlohmann::json& extra = nlohmann::json::object()) {
    nlohmann::json body = {{"route", route}};
    body.update(extra);
    return post(base(service_) + "/days/" + day + "/plans", body, who);
  }
  std::string plan_url(const nlohmann::json& p) { return base(service_) + "/plans/" + id(p); }
  Answer add(const nlohmann::json& p, const nlohmann::json& referral, const As& who,
             const nlohmann::json& extra = nlohmann::json::object()) {
    nlohmann::json body = {{"referral_id", referral["id"]}};
    body.update(extra);
    return post(plan_url(p) + "/stops", body, who);
  }
  std::string stop_url(const nlohmann::json& stop) {
    return base(service_) + "/plans/" + std::to_string(stop["plan_id"].get<std::int64_t>()) +
           "/stops/" + id(stop);
  }
  Answer change(const nlohmann::json& stop, const nlohmann::json& body, const As& who) {
    nlohmann::json b = {{"version", stop["version"]}};
    b.update(body);
    return f_.call(http::Method::patch, stop_url(stop), who, b.dump());
  }
  Answer visit(const nlohmann::json& stop, const nlohmann::json& body, const As& who) {
    nlohmann::json b = {{"version", stop["version"]}};
    b.update(body);
    return post(stop_url(stop) + "/visit", b, who);
  }
  // The stop of `name` in a plan answer.
  static nlohmann::json stop_of(const nlohmann::json& p, const std::string& name) {
    for (const nlohmann::json& s : p["stops"]) {
      if (s.contains("person") && s["person"]["name"] == name) return s;
    }
    ADD_FAILURE() << name << " is not on " << p.dump();
    return nlohmann::json::object();
  }
  static std::vector<std::string> names(const nlohmann::json& p) {
    std::vector<std::string> out;
    for (const nlohmann::json& s : p["stops"])
      out.push_back(s.contains("person") ? s["person"]["name"] : "");
    return out;
  }

  nlohmann::json service_;
};

}  // namespace atb::test
