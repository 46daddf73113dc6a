// The fixture of the housing API tests on both engines (housing_api_test.cpp,
// housing_places_test.cpp): a group apartment furnished with a unit, two rooms and three places,
// and moving residents in and out.
#pragma once

#include <cstdint>
#include <string>

#include "service_test_support.h"

namespace atb::test {

class HousingTest : public ServiceTest {
 protected:
  // A unit "Dzīvoklis 1" with room "1. istaba" (places A and B) and "2. istaba" (place C).
  void furnish(const nlohmann::json& service) {
    const Answer unit = post(base(service) + "/units",
                             {{"name", "Dzīvoklis 1"}, {"address", "Ziedu iela 1-1"}}, admin_);
    ASSERT_EQ(unit.status, 201) << unit.body.dump();
    unit_ = unit.body;
    const std::string rooms = base(service) + "/units/" + id(unit_) + "/rooms";
    const Answer r1 = post(rooms, {{"name", "1. istaba"}}, admin_);
    const Answer r2 = post(rooms, {{"name", "2. istaba"}}, head_);
    ASSERT_EQ(r1.status, 201) << r1.body.dump();
    ASSERT_EQ(r2.status, 201) << r2.body.dump();
    room1_ = r1.body;
    const Answer a = post(rooms + "/" + id(r1.body) + "/places", {{"name", "A"}}, admin_);
    const Answer b = post(rooms + "/" + id(r1.body) + "/places", {{"name", "B"}}, admin_);
    const Answer c = post(rooms + "/" + id(r2.body) + "/places", {{"name", "C"}}, admin_);
    ASSERT_EQ(a.status, 201) << a.body.dump();
    ASSERT_EQ(b.status, 201);
    ASSERT_EQ(c.status, 201);
    place_a_ = a.body["id"];
    place_b_ = b.body["id"];
    place_c_ = c.body["id"];
  }

  // A move-in of `referral` into `place` `day` days from today.
  Answer move_in(const nlohmann::json& service, const nlohmann::json& referral, std::int64_t place,
                 int day, const As& who) {
    return post(
        base(service) + "/stays",
        {{"referral_id", referral["id"]}, {"place_id", place}, {"move_in_on", in_days(day)}}, who);
  }
  // The move-out of `stay` `day` days from today.
  Answer move_out(const nlohmann::json& service, const nlohmann::json& stay, int day,
                  const std::string& reason, const As& who) {
    return post(base(service) + "/stays/" + id(stay) + "/move-out",
                {{"version", stay["version"]}, {"move_out_on", in_days(day)}, {"reason", reason}},
                who);
  }
  std::int64_t place_a_ = 0, place_b_ = 0, place_c_ = 0;
  nlohmann::json unit_, room1_;
};

}  // namespace atb::test
