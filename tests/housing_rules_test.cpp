// Rules of housing services without I/O: which services have housing, names of units, rooms
// and places, half-open stay periods and their overlap (409 naming the field, worded for a
// place or a resident, with the period collided with), and the move-in and move-out dates
// (422 naming the field: move-out not before move-in, move-in not before the placement), and
// places out of use (no move-in; taken out of use only while nobody lives there).
#include "services/housing_rules.h"

#include <gtest/gtest.h>

namespace atb::services {
namespace {

template <class T>
std::string field_of(const Result<T>& r) {
  return !r && !r.error().fields.empty() ? r.error().fields[0].field : "";
}
template <class T>
Errc code_of(const Result<T>& r) {
  return r ? Errc::internal : r.error().code;
}

Period from_to(Date from, std::optional<Date> to) {
  return Period{from, to};
}

const Date kJan1{2026, 1, 1}, kJan10{2026, 1, 10}, kJan20{2026, 1, 20}, kFeb1{2026, 2, 1};

TEST(HousingRules, OnlyGroupApartmentsAndSocialHousesHaveHousing) {
  EXPECT_TRUE(has_housing("group_apartment"));
  EXPECT_TRUE(has_housing("social_house"));
  EXPECT_FALSE(has_housing("mentor"));
  EXPECT_FALSE(has_housing("crisis_centre"));
}

TEST(HousingRules, NamesAreTrimmedRequiredAndLimited) {
  EXPECT_EQ(*check_housing_name("name", "  1. istaba \t", 100), "1. istaba");
  EXPECT_EQ(field_of(check_housing_name("name", "   ", 100)), "name");
  EXPECT_EQ(code_of(check_housing_name("name", "", 100)), Errc::invalid);
  EXPECT_TRUE(check_housing_name("name", std::string(5, 'a') + "ā", 6));  // 6 characters, 7 bytes
  EXPECT_EQ(field_of(check_housing_name("name", std::string(7, 'a'), 6)), "name");
}

TEST(HousingRules, PeriodsAreHalfOpen) {
  // The move-out day is free for the next resident.
  EXPECT_FALSE(overlaps(from_to(kJan1, kJan10), from_to(kJan10, kJan20)));
  EXPECT_FALSE(overlaps(from_to(kJan10, kJan20), from_to(kJan1, kJan10)));
  EXPECT_TRUE(overlaps(from_to(kJan1, kJan20), from_to(kJan10, kFeb1)));
  EXPECT_TRUE(overlaps(from_to(kJan10, std::nullopt), from_to(kJan1, kJan20)));
  EXPECT_TRUE(overlaps(from_to(kJan1, std::nullopt), from_to(kFeb1, std::nullopt)));
  EXPECT_FALSE(overlaps(from_to(kJan20, std::nullopt), from_to(kJan1, kJan20)));
  EXPECT_TRUE(overlaps(from_to(kJan10, kJan20), from_to(kJan1, kFeb1)));  // inside
  // A stay that moved out on its move-in day holds no day.
  EXPECT_FALSE(overlaps(from_to(kJan10, kJan10), from_to(kJan1, kFeb1)));
}

TEST(HousingRules, AnOverlapInAPlaceIsRefusedNamingThePlace) {
  const std::vector<StaySpan> others = {{7, from_to(kJan1, kJan10)},
                                        {8, from_to(kJan20, std::nullopt)}};
  EXPECT_TRUE(check_no_overlap("place_id", Collision::place, from_to(kJan10, kJan20), others));
  const auto taken =
      check_no_overlap("place_id", Collision::place, from_to(kJan10, std::nullopt), others);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, Errc::conflict);
  EXPECT_EQ(field_of(taken), "place_id");
  EXPECT_NE(taken.error().message.lv.find("Vieta šajā laikā ir aizņemta"), std::string::npos);
  EXPECT_NE(taken.error().message.en.find("from 2026-01-20, still living there"),
            std::string::npos);
  // The stay being changed does not collide with itself.
  EXPECT_TRUE(
      check_no_overlap("place_id", Collision::place, from_to(kJan20, std::nullopt), others, 8));
}

TEST(HousingRules, AResidentCannotLiveInTwoPlacesAtOnce) {
  const std::vector<StaySpan> others = {{3, from_to(kJan1, kJan20)}};
  const auto twice =
      check_no_overlap("referral_id", Collision::resident, from_to(kJan10, std::nullopt), others);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::conflict);
  EXPECT_EQ(field_of(twice), "referral_id");
  EXPECT_NE(twice.error().message.en.find(
                "already has another stay at that time (from 2026-01-01 until 2026-01-20)"),
            std::string::npos);
  EXPECT_TRUE(
      check_no_overlap("referral_id", Collision::resident, from_to(kJan20, std::nullopt), others));
}

TEST(HousingRules, MoveInAndMoveOutDates) {
  const Date today{2026, 11, 26};
  EXPECT_EQ(*check_move_in("2026-11-20", Date{2026, 11, 1}, today), (Date{2026, 11, 20}));
  EXPECT_EQ(field_of(check_move_in("20.11.2026", Date{2026, 11, 1}, today)), "move_in_on");
  const auto early = check_move_in("2026-10-31", Date{2026, 11, 1}, today);
  EXPECT_EQ(field_of(early), "move_in_on");
  EXPECT_NE(early.error().fields[0].message.en.find("before the placement"), std::string::npos);
  EXPECT_EQ(field_of(check_move_in("2028-01-01", Date{2026, 11, 1}, today)), "move_in_on");

  EXPECT_EQ(*check_move_out("2026-11-20", Date{2026, 11, 20}, today), (Date{2026, 11, 20}));
  const auto before = check_move_out("2026-11-19", Date{2026, 11, 20}, today);
  EXPECT_EQ(code_of(before), Errc::invalid);
  EXPECT_EQ(field_of(before), "move_out_on");
  EXPECT_NE(before.error().fields[0].message.lv.find("nevar būt pirms ievākšanās (2026-11-20)"),
            std::string::npos);
  EXPECT_EQ(field_of(check_move_out("x", Date{2026, 11, 20}, today)), "move_out_on");
  EXPECT_EQ(field_of(check_move_out("2028-01-01", Date{2026, 11, 20}, today)), "move_out_on");
}

TEST(HousingRules, APlaceOutOfUseTakesNoMoveInAndIsTakenOutOnlyWhenEmpty) {
  EXPECT_TRUE(check_place_in_use(false));
  const auto refused = check_place_in_use(true);
  EXPECT_EQ(code_of(refused), Errc::conflict);
  EXPECT_EQ(field_of(refused), "place_id");

  const std::vector<StaySpan> none;
  const std::vector<StaySpan> resident{{7, from_to(kJan10, std::nullopt)}};
  EXPECT_TRUE(check_use_change(false, true, none));
  EXPECT_TRUE(check_use_change(true, false, none));
  // Back in use even if a stay were recorded meanwhile; out of use only without one.
  EXPECT_TRUE(check_use_change(true, false, resident));
  const auto lived_in = check_use_change(false, true, resident);
  EXPECT_EQ(code_of(lived_in), Errc::conflict);
  EXPECT_NE(lived_in.error().message.en.find("from 2026-01-10"), std::string::npos);
  EXPECT_NE(lived_in.error().message.lv.find("vispirms reģistrējiet izvākšanos"), std::string::npos);
  EXPECT_EQ(code_of(check_use_change(true, true, none)), Errc::conflict);
  EXPECT_EQ(code_of(check_use_change(false, false, none)), Errc::conflict);
  EXPECT_EQ(field_of(check_use_change(false, false, none)), "out_of_use");
}

}  // namespace
}  // namespace atb::services
