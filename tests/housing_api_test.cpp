// The housing API on both engines (docs/api-housing.md): units, rooms and places of a group
// apartment managed by administrators and department heads; residents (placed referrals)
// moving in and out; overlapping stays in one place or of one resident refused with 409 naming
// the field, also when the move-ins race; a move-out before the move-in refused with 422;
// occupancy per unit and service on a date; residents named only where the caller may read
// their case; units and rooms renamed with their version (409 stale or taken, 422 naming the
// field); units, rooms and places removed only while no stay ever used them (409 otherwise);
// every change audited and nothing half-written.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "housing_test_support.h"

namespace atb::test {
namespace {

using nlohmann::json;

class HousingApi : public HousingTest {};

TEST_P(HousingApi, UnitsRoomsAndPlacesAreManagedByAdministratorsAndHeads) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const Answer units = get(base(service) + "/units", worker_);
  ASSERT_EQ(units.status, 200) << units.body.dump();
  ASSERT_EQ(units.body["total"], 1);
  const json& unit = units.body["items"][0];
  EXPECT_EQ(unit["name"], "Dzīvoklis 1");
  EXPECT_EQ(unit["address"], "Ziedu iela 1-1");
  ASSERT_EQ(unit["rooms"].size(), 2u);
  EXPECT_EQ(unit["rooms"][0]["name"], "1. istaba");
  EXPECT_EQ(unit["rooms"][0]["places"].size(), 2u);
  EXPECT_EQ(unit["rooms"][1]["places"][0]["name"], "C");

  const std::string rooms = base(service) + "/units/" + id(unit_) + "/rooms";
  const std::int64_t before = count("SELECT COUNT(*) FROM housing_room");
  EXPECT_EQ(post(base(service) + "/units", {{"name", "Cits"}}, worker_).status, 403);
  EXPECT_EQ(post(rooms, {{"name", "3. istaba"}}, supervisor_).status, 403);
  const Answer blank = post(rooms, {{"name", "  "}}, admin_);
  EXPECT_EQ(blank.status, 422);
  EXPECT_EQ(field(blank), "name");
  const Answer twice = post(rooms, {{"name", " 1. istaba "}}, admin_);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(field(twice), "name");
  EXPECT_EQ(post(base(service) + "/units/999999/rooms", {{"name", "X"}}, admin_).status, 404);
  EXPECT_EQ(post(rooms + "/999999/places", {{"name", "X"}}, admin_).status, 404);
  EXPECT_EQ(post(rooms, {{"name", "X"}, {"colour", "zils"}}, admin_).status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_room"), before);

  // A service that is not housing has no units; benefit officers do not see the catalogue.
  const json mentor = make_service("Mentors", "mentor");
  const Answer none = post(base(mentor) + "/units", {{"name", "Dzīvoklis"}}, admin_);
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(get(base(mentor) + "/units", worker_).status, 404);
  EXPECT_EQ(get(base(service) + "/units", benefits_).status, 403);
  // A unit of one service is not reached through another.
  const json other = make_service("Sociālā māja", "social_house");
  EXPECT_EQ(post(base(other) + "/units/" + id(unit_) + "/rooms", {{"name", "X"}}, admin_).status,
            404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity_type IN"
                  " ('housing_unit', 'housing_room', 'housing_place')"),
            6);
}

TEST_P(HousingApi, OverlappingStaysAreRefusedAndTheMoveOutDayIsFree) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const json janis = placed(k, janis_, service);

  const Answer in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(in.status, 201) << in.body.dump();
  EXPECT_EQ(in.body["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(in.body["place"]["name"], "A");
  EXPECT_EQ(in.body["room"]["name"], "1. istaba");
  EXPECT_EQ(in.body["move_in_on"], in_days(0));
  EXPECT_EQ(in.body["move_out_on"], nullptr);

  const std::int64_t stays = count("SELECT COUNT(*) FROM housing_stay");
  // Jānis cannot have Anna's bed while she lives there.
  const Answer taken = move_in(service, janis, place_a_, 5, worker_);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(field(taken), "place_id");
  EXPECT_NE(taken.body["errors"][0]["message"].get<std::string>().find("still living there"),
            std::string::npos)
      << taken.body.dump();
  EXPECT_EQ(taken.body["errors"][0]["message"].get<std::string>().find("Anna"), std::string::npos);
  // Anna cannot hold a second bed at the same time.
  const Answer second = move_in(service, anna, place_b_, 3, worker_);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(field(second), "referral_id");
  // Before the placement, not a date, another service's place, a referral not placed.
  EXPECT_EQ(field(move_in(service, janis, place_b_, -1, worker_)), "move_in_on");
  EXPECT_EQ(
      field(post(base(service) + "/stays",
                 {{"referral_id", janis["id"]}, {"place_id", place_b_}, {"move_in_on", "rīt"}},
                 worker_)),
      "move_in_on");
  EXPECT_EQ(field(move_in(service, janis, 999999, 0, worker_)), "place_id");
  EXPECT_EQ(field(post(base(service) + "/stays",
                       {{"referral_id", janis["id"]}, {"move_in_on", in_days(0)}}, worker_)),
            "place_id");
  const Answer waiting =
      post("/api/v1/referrals",
           {{"case_id", k["id"]}, {"person_id", marta_}, {"service_id", service["id"]}}, worker_);
  ASSERT_EQ(waiting.status, 201);
  EXPECT_EQ(field(move_in(service, waiting.body, place_b_, 0, worker_)), "referral_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_stay"), stays);

  // A move-out before the move-in is refused; the reason is required.
  const Answer early = move_out(service, in.body, -1, "Pārcelta", worker_);
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(field(early), "move_out_on");
  EXPECT_NE(
      early.body["errors"][0]["message"].get<std::string>().find("cannot be before the move-in"),
      std::string::npos)
      << early.body.dump();
  EXPECT_EQ(field(move_out(service, in.body, 5, " ", worker_)), "reason");
  EXPECT_EQ(post(base(service) + "/stays/" + id(in.body) + "/move-out",
                 {{"version", 99}, {"move_out_on", in_days(5)}, {"reason", "Pārcelta"}}, worker_)
                .status,
            409);
  const Answer out = move_out(service, in.body, 5, "Pārcelta uz 2. istabu", worker_);
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["move_out_on"], in_days(5));
  EXPECT_EQ(out.body["move_out_reason"], "Pārcelta uz 2. istabu");
  EXPECT_EQ(move_out(service, out.body, 6, "Vēlreiz", worker_).status, 409);

  // Her move-out day is free: Jānis moves in that day; Anna moves to room 2 the same day.
  const Answer janis_in = move_in(service, janis, place_a_, 5, worker_);
  ASSERT_EQ(janis_in.status, 201) << janis_in.body.dump();
  const Answer anna_again = move_in(service, anna, place_c_, 5, worker_);
  ASSERT_EQ(anna_again.status, 201) << anna_again.body.dump();
  // Before her move-out Anna still held bed A; Jānis now holds it from day 5 on.
  EXPECT_EQ(field(move_in(service, janis, place_b_, 4, worker_)), "referral_id");
  EXPECT_EQ(field(move_in(service, anna, place_b_, 6, worker_)), "referral_id");
  EXPECT_EQ(field(move_in(service, anna, place_a_, 6, worker_)), "place_id");

  // Occupancy per unit and service on a date.
  const Answer day1 = get(base(service) + "/occupancy?on=" + in_days(1), worker_);
  ASSERT_EQ(day1.status, 200) << day1.body.dump();
  EXPECT_EQ(day1.body["places"], 3);
  EXPECT_EQ(day1.body["occupied"], 1);
  EXPECT_EQ(day1.body["free"], 2);
  EXPECT_EQ(day1.body["units"][0]["occupied"], 1);
  const Answer day5 = get(base(service) + "/occupancy?on=" + in_days(5), admin_);
  EXPECT_EQ(day5.body["occupied"], 2);
  EXPECT_EQ(day5.body["units"][0]["free"], 1);
  EXPECT_EQ(get(base(service) + "/occupancy", worker_).body["on"], in_days(0));
  EXPECT_EQ(field(get(base(service) + "/occupancy?on=vakar", worker_)), "on");

  // Everything was audited.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'housing_stay' AND action = "
                  "'move_in'"),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'housing_stay' AND action = "
                  "'move_out'"),
            1);
}

TEST_P(HousingApi, EndingTheReferralMovesTheResidentOut) {
  const json service = make_service("Sociālā māja “Ozoli”", "social_house");
  furnish(service);
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const Answer in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(in.status, 201) << in.body.dump();

  const Answer ended = post("/api/v1/referrals/" + id(anna) + "/end",
                            {{"version", anna["version"]}, {"end_on", in_days(0)}, {"reason", "Saņēma pašvaldības dzīvokli"}},
                            worker_);
  ASSERT_EQ(ended.status, 200) << ended.body.dump();
  const Answer stay = get(base(service) + "/units/" + id(unit_) + "/stays", worker_);
  ASSERT_EQ(stay.status, 200);
  ASSERT_EQ(stay.body["items"].size(), 1u) << stay.body.dump();
  EXPECT_EQ(stay.body["items"][0]["move_out_on"], in_days(0));
  EXPECT_EQ(stay.body["items"][0]["move_out_reason"], "Saņēma pašvaldības dzīvokli");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'move_out' AND entity_type = 'housing_stay'"
                  " AND entity_id = '" + id(in.body) + "'"),
            1);
  // The bed is free from that day for the next resident (the end day cannot be in the future).
  const json janis = placed(k, janis_, service);
  EXPECT_EQ(move_in(service, janis, place_a_, 0, worker_).status, 201);
}

TEST_P(HousingApi, ResidentsAreNamedOnlyToWhoMayReadTheirCase) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const Answer in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(in.status, 201) << in.body.dump();

  const std::string stays = base(service) + "/units/" + id(unit_) + "/stays";
  const Answer mine = get(stays + "?on=" + in_days(0), worker_);
  ASSERT_EQ(mine.status, 200) << mine.body.dump();
  ASSERT_EQ(mine.body["total"], 1);
  EXPECT_EQ(mine.body["items"][0]["person"]["name"], "Anna Bērziņa");
  EXPECT_EQ(mine.body["items"][0]["redacted"], false);
  EXPECT_EQ(get(stays + "?on=" + in_days(-1), worker_).body["total"], 0);
  const Answer hidden = get(stays, adults_);
  ASSERT_EQ(hidden.status, 200);
  ASSERT_EQ(hidden.body["total"], 1);
  EXPECT_EQ(hidden.body["items"][0]["redacted"], true);
  EXPECT_FALSE(hidden.body["items"][0].contains("person"));
  EXPECT_FALSE(hidden.body["items"][0].contains("case_id"));
  EXPECT_EQ(get(stays, admin_).body["items"][0]["redacted"], true);
  EXPECT_EQ(get(stays, benefits_).status, 403);
  // Only the named list is audited, naming the stay.
  EXPECT_EQ(
      count(
          "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'housing_stay' AND action = 'list'"),
      1);

  // Moves follow the case: the director reads it only, another team does not see it.
  EXPECT_EQ(move_out(service, in.body, 1, "Beidzās", director_).status, 403);
  EXPECT_EQ(move_out(service, in.body, 1, "Beidzās", adults_).status, 404);
  EXPECT_EQ(move_in(service, anna, place_b_, 0, director_).status, 403);
  EXPECT_EQ(field(move_in(service, anna, place_b_, 0, adults_)), "referral_id");
  EXPECT_EQ(move_in(service, anna, place_b_, 0, admin_).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_stay WHERE move_out_on IS NULL"), 1);

  // "Who looked at this" for the stay follows the resident's case.
  const std::string looked = "/api/v1/audit/entities/housing_stay/" + id(in.body);
  const Answer who = get(looked, supervisor_);
  ASSERT_EQ(who.status, 200) << who.body.dump();
  EXPECT_GE(who.body["items"].size(), 2u);  // the move-in and the named list
  EXPECT_EQ(get(looked, adults_super_).status, 404);
  EXPECT_EQ(get("/api/v1/audit/entities/housing_stay/999999", supervisor_).status, 404);
}

TEST_P(HousingApi, RacingMoveInsGiveTheBedToOne) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const json k = open_case();
  const std::vector<json> residents = {placed(k, anna_, service), placed(k, janis_, service),
                                       placed(k, marta_, service)};
  const std::int64_t places[] = {place_a_, place_b_, place_c_};
  for (int round = 0; round < 6; ++round) {
    const std::int64_t place = places[round % 3];
    std::vector<int> statuses(residents.size());
    std::vector<std::thread> threads;
    for (std::size_t n = 0; n < residents.size(); ++n) {
      threads.emplace_back([&, n] {
        statuses[n] = move_in(service, residents[n], place, round * 10, worker_).status;
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1) << "round " << round;
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 2) << "round " << round;
    // Whoever got it moves out before the next round.
    ASSERT_TRUE(f_.db().write([&](storage::Connection& c) -> Result<void> {
      ATB_TRY(
          c.execute("UPDATE housing_stay SET move_out_on = ?, move_out_reason = 'Tests' WHERE "
                    "move_out_on IS NULL",
                    storage::params(in_days(round * 10 + 5))));
      return ok();
    }));
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_stay"), 6);
}

TEST_P(HousingApi, UnitsAndRoomsAreRenamedWithTheirVersion) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const std::string unit = base(service) + "/units/" + id(unit_);
  const std::string room = unit + "/rooms/" + id(room1_);
  ASSERT_EQ(unit_["version"], 1);
  ASSERT_EQ(post(base(service) + "/units", {{"name", "Dzīvoklis 2"}}, admin_).status, 201);

  // Refusals change nothing: who, version, blank, too long, taken, unknown member, wrong type,
  // malformed and unknown ids.
  const auto refused = [&](const std::string& target, const json& body, const As& who) {
    return f_.call(http::Method::patch, target, who, body.dump());
  };
  EXPECT_EQ(refused(unit, {{"version", 1}, {"name", "X"}}, worker_).status, 403);
  EXPECT_EQ(refused(room, {{"version", 1}, {"name", "X"}}, supervisor_).status, 403);
  const Answer stale = refused(unit, {{"version", 7}, {"name", "X"}}, admin_);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(field(refused(unit, {{"name", "X"}}, admin_)), "version");
  EXPECT_EQ(field(refused(unit, {{"version", "1"}, {"name", "X"}}, admin_)), "version");
  const Answer blank = refused(unit, {{"version", 1}, {"name", "   "}}, admin_);
  EXPECT_EQ(blank.status, 422);
  EXPECT_EQ(field(blank), "name");
  const Answer long_name = refused(unit, {{"version", 1}, {"name", std::string(201, 'x')}}, admin_);
  EXPECT_EQ(long_name.status, 422);
  EXPECT_EQ(field(long_name), "name");
  EXPECT_EQ(field(refused(room, {{"version", 1}, {"name", std::string(101, 'x')}}, admin_)), "name");
  EXPECT_EQ(field(refused(unit, {{"version", 1}, {"name", 5}}, admin_)), "name");
  EXPECT_EQ(field(refused(unit, {{"version", 1}, {"address", std::string(301, 'x')}}, admin_)),
            "address");
  const Answer unknown = refused(unit, {{"version", 1}, {"name", "X"}, {"colour", "zils"}}, admin_);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(field(unknown), "colour");
  const Answer taken = refused(unit, {{"version", 1}, {"name", " Dzīvoklis 2 "}}, admin_);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(field(taken), "name");
  const Answer room_taken = refused(room, {{"version", 1}, {"name", "2. istaba"}}, head_);
  EXPECT_EQ(room_taken.status, 409);
  EXPECT_EQ(field(room_taken), "name");
  EXPECT_EQ(refused(base(service) + "/units/abc", {{"version", 1}, {"name", "X"}}, admin_).status,
            404);
  EXPECT_EQ(refused(unit + "/rooms/999999", {{"version", 1}, {"name", "X"}}, admin_).status, 404);
  const json other = make_service("Sociālā māja", "social_house");
  EXPECT_EQ(
      refused(base(other) + "/units/" + id(unit_), {{"version", 1}, {"name", "X"}}, admin_).status,
      404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_unit WHERE name = 'Dzīvoklis 1' AND version = 1"
                  " AND address = 'Ziedu iela 1-1'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_room WHERE name = '1. istaba' AND version = 1"), 1);

  // A rename trims the name; an absent address stays, null clears it.
  const Answer renamed = refused(unit, {{"version", 1}, {"name", " Dzīvoklis 1A "}}, head_);
  ASSERT_EQ(renamed.status, 200) << renamed.body.dump();
  EXPECT_EQ(renamed.body["name"], "Dzīvoklis 1A");
  EXPECT_EQ(renamed.body["address"], "Ziedu iela 1-1");
  EXPECT_EQ(renamed.body["version"], 2);
  EXPECT_EQ(renamed.body["rooms"].size(), 2u);
  const Answer moved = refused(unit, {{"version", 2}, {"address", nullptr}}, admin_);
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["name"], "Dzīvoklis 1A");
  EXPECT_EQ(moved.body["address"], nullptr);
  EXPECT_EQ(refused(unit, {{"version", 1}, {"name", "Vecais"}}, admin_).status, 409);
  const Answer room_renamed = refused(room, {{"version", 1}, {"name", "Lielā istaba"}}, admin_);
  ASSERT_EQ(room_renamed.status, 200) << room_renamed.body.dump();
  EXPECT_EQ(room_renamed.body["rooms"][0]["name"], "2. istaba");
  EXPECT_EQ(room_renamed.body["rooms"][1]["name"], "Lielā istaba");
  EXPECT_EQ(room_renamed.body["rooms"][1]["version"], 2);
  // Keeping its own name is no clash.
  EXPECT_EQ(refused(room, {{"version", 2}, {"name", "Lielā istaba"}}, admin_).status, 200);
  const Answer units = get(base(service) + "/units", worker_);
  EXPECT_EQ(units.body["items"][0]["name"], "Dzīvoklis 1A");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND entity_type IN"
                  " ('housing_unit', 'housing_room')"),
            4);
}

TEST_P(HousingApi, OnlyWhatNoResidentEverUsedIsRemoved) {
  const json service = make_service("Grupu dzīvoklis “Ziedi”", "group_apartment");
  furnish(service);
  const std::string unit = base(service) + "/units/" + id(unit_);
  const std::string room1 = unit + "/rooms/" + id(room1_);
  const auto del = [&](const std::string& target, const As& who) {
    return f_.call(http::Method::del, target, who);
  };
  const json k = open_case();
  const json anna = placed(k, anna_, service);
  const Answer in = move_in(service, anna, place_a_, 0, worker_);
  ASSERT_EQ(in.status, 201) << in.body.dump();
  ASSERT_EQ(move_out(service, in.body, 2, "Pārcelta", worker_).status, 200);

  // Place A had a resident (she moved out: her stay is history), so it, its room and its unit
  // stay; a worker or supervisor removes nothing; unknown and malformed ids are 404.
  const std::int64_t places = count("SELECT COUNT(*) FROM housing_place");
  const Answer used = del(room1 + "/places/" + std::to_string(place_a_) + "?version=1", admin_);
  EXPECT_EQ(used.status, 409);
  EXPECT_NE(used.body.dump().find("history is never deleted"), std::string::npos)
      << used.body.dump();
  EXPECT_EQ(del(room1 + "?version=1", head_).status, 409);
  const Answer whole = del(unit + "?version=1", admin_);
  EXPECT_EQ(whole.status, 409);
  EXPECT_NE(whole.body.dump().find("The unit has or had residents"), std::string::npos)
      << whole.body.dump();
  EXPECT_EQ(del(room1 + "/places/" + std::to_string(place_b_) + "?version=1", worker_).status, 403);
  EXPECT_EQ(del(room1 + "/places/" + std::to_string(place_b_) + "?version=1", supervisor_).status, 403);
  EXPECT_EQ(del(room1 + "/places/999999?version=1", admin_).status, 404);
  EXPECT_EQ(del(room1 + "/places/x1?version=1", admin_).status, 404);
  EXPECT_EQ(del(unit + "/rooms/999999?version=1", admin_).status, 404);
  // A place of room 2 is not reached through room 1.
  EXPECT_EQ(del(room1 + "/places/" + std::to_string(place_c_) + "?version=1", admin_).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_stay"), 1);

  // Place B and room 2 (place C) never had anyone: they go, with the room's places.
  // A removal names the version it saw: none is 422 naming it, another one 409.
  const std::string place_b = room1 + "/places/" + std::to_string(place_b_);
  const Answer unversioned = del(place_b, head_);
  EXPECT_EQ(unversioned.status, 422);
  EXPECT_NE(unversioned.body.dump().find("\"version\""), std::string::npos) << unversioned.body.dump();
  EXPECT_EQ(del(place_b + "?version=2", head_).status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places);
  EXPECT_EQ(del(place_b + "?version=1", head_).status, 204);
  EXPECT_EQ(del(place_b + "?version=1", head_).status, 404);
  const Answer units = get(base(service) + "/units", worker_);
  ASSERT_EQ(units.body["items"][0]["rooms"].size(), 2u);
  const std::string room2 = unit + "/rooms/" + id(units.body["items"][0]["rooms"][1]);
  EXPECT_EQ(del(room2 + "?version=1", admin_).status, 204);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places - 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_room"), 1);
  // A new empty unit goes whole, with its room and place.
  const Answer spare = post(base(service) + "/units", {{"name", "Rezerve"}}, admin_);
  ASSERT_EQ(spare.status, 201);
  const std::string spare_at = base(service) + "/units/" + id(spare.body);
  const Answer spare_room = post(spare_at + "/rooms", {{"name", "Istaba"}}, admin_);
  ASSERT_EQ(spare_room.status, 201);
  ASSERT_EQ(post(spare_at + "/rooms/" + id(spare_room.body) + "/places", {{"name", "1"}}, admin_)
                .status,
            201);
  EXPECT_EQ(del(spare_at + "?version=1", admin_).status, 204);
  EXPECT_EQ(get(base(service) + "/units", worker_).body["total"], 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM housing_place"), places - 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity_type IN"
                  " ('housing_unit', 'housing_room', 'housing_place')"),
            3);
  // The occupancy no longer counts what was removed.
  EXPECT_EQ(get(base(service) + "/occupancy", worker_).body["places"], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, HousingApi, ::testing::ValuesIn(all_engines()),
                         [](const auto& info) { return engine_param_name(info.param); });

}  // namespace
}  // namespace atb::test
