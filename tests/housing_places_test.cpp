// Housing corrections with versions and places out of use, on both engines
// (docs/api-housing.md): a unit or room is removed only with its current version (`?version=N`:
// 422 naming version without it, 409 when stale, nothing removed); a place (bed) is taken out of
// use with a reason and returned to use with its version by administrators and department heads,
// not while a resident lives there; a move-in into a place out of use is refused (409 naming
// place_id); the occupancy counts places out of use apart from the free ones; every change is
// audited.
#include <gtest/gtest.h>

#include "housing_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class HousingPlaces : public HousingTest {
 protected:
  Answer del(const std::string& target, const As& who) {
    return f_.call(http::Method::del, target, who);
  }
  Answer patch(const std::string& target, const json& body, const As& who) {
    return f_.call(http::Method::patch, target, who, body.dump());
  }
  // The path of place `place` of room 1 of the furnished unit.
  std::string place_path(const json& service, std::int64_t place) const {
    return base(service) + "/units/" + id(unit_) + "/rooms/" + id(room1_) + "/places/" +
           std::to_string(place);
  }
};

TEST_P(HousingPlaces, UnitsAndRoomsAreRemovedOnlyWithTheirVersion) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const Answer spare = post(base(service) + "/units", {{"name", "Rezerve"}}, admin_);
  ASSERT_EQ(spare.status, 201);
  const std::string spare_at = base(service) + "/units/" + id(spare.body);
  const Answer spare_room = post(spare_at + "/rooms", {{"name", "Istaba"}}, admin_);
  ASSERT_EQ(spare_room.status, 201);
  const std::string room_at = spare_at + "/rooms/" + id(spare_room.body);
  ASSERT_EQ(post(room_at + "/places", {{"name", "1"}}, admin_).status, 201);
  const std::int64_t rooms = count("SELECT COUNT(*) FROM housing_room");
  const std::int64_t places = count("SELECT COUNT(*) FROM housing_place");

  // Without a version, or with one that is not a positive integer: 422 naming version.
  for (const std::string query : {"", "?version=", "?version=abc", "?version=0", "?version=-1"}) {
    const Answer missing = del(spare_at + query, admin_);
    EXPECT_EQ(missing.status, 422) << query;
    EXPECT_EQ(field(missing), "version") << query;
    EXPECT_EQ(field(del(room_at + query, head_)), "version") << query;
  }
  // A rename makes version 1 stale: 409, and nothing is removed.
  ASSERT_EQ(patch(spare_at, {{"version", 1}, {"name", "Rezerve A"}}, admin_).status, 200);
  ASSERT_EQ(patch(room_at, {{"version", 1}, {"name", "Mazā istaba"}}, admin_).status, 200);
  const Answer stale_unit = del(spare_at + "?version=1", admin_);
  EXPECT_EQ(stale_unit.status, 409);
  EXPECT_NE(stale_unit.body.dump().find("Someone else changed the record"), std::string::npos)
      << stale_unit.body.dump();
  EXPECT_EQ(del(room_at + "?version=1", head_).status, 409);
  EXPECT_EQ(del(room_at + "?version=3", head_).status, 409);
  EXPECT_EQ(del(room_at + "?version=2", worker_).status, 403);
  EXPECT_EQ(del(spare_at + "?version=2", supervisor_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_room"), rooms);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity_type IN"
                  " ('housing_unit', 'housing_room')"),
            0);

  // With the version shown: the room goes with its place, then the unit.
  EXPECT_EQ(del(room_at + "?version=2", head_).status, 204);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_room"), rooms - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places - 1);
  EXPECT_EQ(del(spare_at + "?version=2", admin_).status, 204);
  EXPECT_EQ(del(spare_at + "?version=2", admin_).status, 404);
  EXPECT_EQ(get(base(service) + "/units", worker_).body["total"], 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity_type IN"
                  " ('housing_unit', 'housing_room')"),
            2);
}

TEST_P(HousingPlaces, APlaceIsTakenOutOfUseAndBack) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const json janis = placed(k, janis_, service);
  const Answer anna_in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(anna_in.status, 201) << anna_in.body.dump();
  const std::string a = place_path(service, place_a_);
  const std::string b = place_path(service, place_b_);
  const json broken = {{"version", 1}, {"out_of_use", true}, {"reason", "Salūzusi gulta"}};

  // Anna lives in place A: it stays in use.
  const Answer lived_in = patch(a, broken, admin_);
  EXPECT_EQ(lived_in.status, 409);
  EXPECT_NE(lived_in.body.dump().find("record the move-out first"), std::string::npos)
      << lived_in.body.dump();
  // Also while her move-out is still to come.
  ASSERT_EQ(move_out(service, anna_in.body, 3, "Pārcelsies", worker_).status, 200);
  EXPECT_EQ(patch(a, broken, admin_).status, 409);
  // Refusals change nothing: who, reason, type, version, unknown member, ids.
  EXPECT_EQ(patch(b, broken, worker_).status, 403);
  EXPECT_EQ(patch(b, broken, supervisor_).status, 403);
  EXPECT_EQ(field(patch(b, {{"version", 1}, {"out_of_use", true}}, admin_)), "reason");
  EXPECT_EQ(field(patch(b, {{"version", 1}, {"out_of_use", true}, {"reason", "  "}}, admin_)),
            "reason");
  EXPECT_EQ(field(patch(b, {{"version", 1}, {"out_of_use", "jā"}, {"reason", "X"}}, admin_)),
            "out_of_use");
  EXPECT_EQ(field(patch(b, {{"out_of_use", true}, {"reason", "X"}}, admin_)), "version");
  EXPECT_EQ(
      field(patch(b, {{"version", 1}, {"out_of_use", true}, {"reason", "X"}, {"x", 1}}, admin_)),
      "x");
  EXPECT_EQ(patch(b, {{"version", 1}, {"out_of_use", false}}, admin_).status, 409);
  EXPECT_EQ(patch(place_path(service, 999999), broken, admin_).status, 404);
  // Place C is in room 2, not reached through room 1.
  EXPECT_EQ(patch(place_path(service, place_c_), broken, admin_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place WHERE out_of_use_since IS NOT NULL"), 0);

  // Place B is taken out of use by a department head, from today, with the reason.
  const Answer out =
      patch(b, {{"version", 1}, {"out_of_use", true}, {"reason", " Salūzusi gulta "}}, head_);
  ASSERT_EQ(out.status, 200) << out.body.dump();
  const json& shown = out.body["rooms"][0]["places"][1];
  EXPECT_EQ(shown["name"], "B");
  EXPECT_EQ(shown["version"], 2);
  EXPECT_EQ(shown["out_of_use"]["since"], in_days(0));
  EXPECT_NE(shown["out_of_use"]["reason"].get<std::string>().find("Salūzusi gulta"),
            std::string::npos);
  EXPECT_FALSE(shown["out_of_use"]["by"]["name"].get<std::string>().empty());
  EXPECT_EQ(out.body["rooms"][0]["places"][0]["out_of_use"], nullptr);
  EXPECT_EQ(patch(b, broken, admin_).status, 409);  // stale
  EXPECT_EQ(patch(b, {{"version", 2}, {"out_of_use", true}, {"reason", "X"}}, admin_).status, 409);

  // Nobody moves in; the occupancy counts it apart from the free places.
  const Answer refused = move_in(service, janis, place_b_, 0, worker_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(field(refused), "place_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_stay"), 1);
  const Answer figures = get(base(service) + "/occupancy", worker_);
  ASSERT_EQ(figures.status, 200);
  EXPECT_EQ(figures.body["places"], 3);
  EXPECT_EQ(figures.body["occupied"], 1);
  EXPECT_EQ(figures.body["out_of_use"], 1);
  EXPECT_EQ(figures.body["free"], 1);
  EXPECT_EQ(figures.body["units"][0]["out_of_use"], 1);
  EXPECT_EQ(figures.body["units"][0]["free"], 1);
  // Before the day it was taken out of use, it counted as free.
  const Answer yesterday = get(base(service) + "/occupancy?on=" + in_days(-1), worker_);
  EXPECT_EQ(yesterday.body["out_of_use"], 0);
  EXPECT_EQ(yesterday.body["free"], 3);

  // Returned to use (no reason taken), it takes a resident again.
  EXPECT_EQ(field(patch(b, {{"version", 2}, {"out_of_use", false}, {"reason", "X"}}, admin_)),
            "reason");
  const Answer back = patch(b, {{"version", 2}, {"out_of_use", false}}, admin_);
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["rooms"][0]["places"][1]["out_of_use"], nullptr);
  EXPECT_EQ(back.body["rooms"][0]["places"][1]["version"], 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place WHERE out_of_use_reason IS NOT NULL"
                  " OR out_of_use_by IS NOT NULL"),
            0);
  ASSERT_EQ(move_in(service, janis, place_b_, 0, worker_).status, 201);
  const Answer full = get(base(service) + "/occupancy", worker_);
  EXPECT_EQ(full.body["out_of_use"], 0);
  EXPECT_EQ(full.body["free"], 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'housing_place' AND action"
                  " = 'out_of_use' AND entity_id = '" +
                  std::to_string(place_b_) + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'housing_place' AND action"
                  " = 'back_in_use'"),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, HousingPlaces, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
