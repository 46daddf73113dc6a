// Rules of the mobile social service without I/O (services/mobile_rules.h): which services have
// day plans, item and outcome labels, route names and plan days, time windows and item lists
// (422 naming the field), the route order when a stop moves, one stop per client and day (409),
// and when a visit may be recorded.
#include "services/mobile_rules.h"

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

const Date kToday{2026, 11, 26};

TEST(MobileRules, OnlyTheMobileServiceHasDayPlans) {
  EXPECT_TRUE(has_day_plans("mobile_service"));
  EXPECT_FALSE(has_day_plans("home_care"));
  EXPECT_FALSE(has_day_plans("group_apartment"));
}

TEST(MobileRules, ItemsAndOutcomesHaveLatvianNames) {
  EXPECT_EQ(mobile_label("hot_meal").lv, "Siltā maltīte");
  EXPECT_EQ(mobile_label("social_work").en, "Social work consultation");
  EXPECT_EQ(mobile_label("not_home").lv, "Nebija mājās");
  EXPECT_EQ(mobile_label("x").lv, "x");
  EXPECT_EQ(items_line_lv({{"hot_meal", 1}, {"medicines", 2}}), "Siltā maltīte, Medikamenti × 2");
  EXPECT_EQ(items_line_lv({}), "");
}

TEST(MobileRules, RouteNamesAndPlanDays) {
  EXPECT_EQ(*check_route("  Grobiņa – Bārta "), "Grobiņa – Bārta");
  EXPECT_EQ(field_of(check_route("   ")), "route");
  EXPECT_EQ(field_of(check_route(std::string(201, 'a'))), "route");
  EXPECT_EQ(check_plan_day("date", "2026-12-01", kToday)->iso(), "2026-12-01");
  EXPECT_EQ(field_of(check_plan_day("date", "2026-02-30", kToday)), "date");
  EXPECT_EQ(field_of(check_plan_day("date", "rīt", kToday)), "date");
  EXPECT_EQ(field_of(check_plan_day("date", "2028-01-01", kToday)), "date");
  EXPECT_EQ(field_of(check_plan_day("date", "2025-01-01", kToday)), "date");
  EXPECT_TRUE(check_plan_day("date", "2025-12-01", kToday));
}

TEST(MobileRules, TimeWindowsAreHoursAndMinutesInOrder) {
  EXPECT_TRUE(check_window("09:00", "10:30"));
  EXPECT_TRUE(check_window(std::nullopt, "10:30"));
  EXPECT_TRUE(check_window("23:59", std::nullopt));
  EXPECT_TRUE(check_window("09:00", "09:00"));
  EXPECT_EQ(field_of(check_window("24:00", std::nullopt)), "window_from");
  EXPECT_EQ(field_of(check_window("9:00", std::nullopt)), "window_from");
  EXPECT_EQ(field_of(check_window("09:00", "09:60")), "window_to");
  const auto backwards = check_window("11:00", "10:00");
  EXPECT_EQ(field_of(backwards), "window_to");
  EXPECT_NE(backwards.error().fields[0].message.en.find("cannot end before it starts"),
            std::string::npos);
}

TEST(MobileRules, ItemsAreKnownOnceAndCounted) {
  EXPECT_TRUE(check_items("planned", {{"hot_meal", 1}, {"hygiene", 3}}));
  EXPECT_TRUE(check_items("planned", {}));
  EXPECT_EQ(field_of(check_items("planned", {{"caviar", 1}})), "planned");
  EXPECT_EQ(field_of(check_items("delivered", {{"hot_meal", 1}, {"hot_meal", 2}})), "delivered");
  EXPECT_EQ(field_of(check_items("planned", {{"hot_meal", 0}})), "planned");
  EXPECT_EQ(field_of(check_items("planned", {{"hot_meal", 101}})), "planned");
}

TEST(MobileRules, ReorderMovesOneStopAndKeepsTheOthersInOrder) {
  const std::vector<std::int64_t> ids = {10, 20, 30, 40};
  EXPECT_EQ(*reorder(ids, 30, 1), (std::vector<std::int64_t>{30, 10, 20, 40}));
  EXPECT_EQ(*reorder(ids, 10, 4), (std::vector<std::int64_t>{20, 30, 40, 10}));
  EXPECT_EQ(*reorder(ids, 20, 3), (std::vector<std::int64_t>{10, 30, 20, 40}));
  EXPECT_EQ(*reorder(ids, 20, 2), ids);
  EXPECT_EQ(field_of(reorder(ids, 20, 5)), "position");
  EXPECT_EQ(field_of(reorder(ids, 20, 0)), "position");
  EXPECT_EQ(code_of(reorder(ids, 99, 1)), Errc::not_found);
}

TEST(MobileRules, AClientIsOnceADay) {
  EXPECT_TRUE(check_once_a_day(std::nullopt, kToday));
  const auto twice = check_once_a_day("Nīca – Rucava", kToday);
  EXPECT_EQ(code_of(twice), Errc::conflict);
  EXPECT_EQ(field_of(twice), "referral_id");
  EXPECT_NE(twice.error().message.lv.find("Nīca – Rucava"), std::string::npos);
}

TEST(MobileRules, AVisitIsRecordedOnceOnItsDayOrLater) {
  const MobileStop planned;
  const Date placed{2026, 10, 1};
  EXPECT_TRUE(check_visit(planned, "visited", {{"hot_meal", 1}}, kToday, placed, kToday));
  EXPECT_TRUE(check_visit(planned, "not_home", {}, Date{2026, 11, 20}, placed, kToday));
  EXPECT_EQ(field_of(check_visit(planned, "maybe", {}, kToday, placed, kToday)), "outcome");
  EXPECT_EQ(field_of(check_visit(planned, "refused", {{"hot_meal", 1}}, kToday, placed, kToday)),
            "delivered");
  EXPECT_EQ(field_of(check_visit(planned, "visited", {{"caviar", 1}}, kToday, placed, kToday)),
            "delivered");
  EXPECT_EQ(field_of(check_visit(planned, "visited", {}, Date{2026, 11, 27}, placed, kToday)),
            "outcome");
  EXPECT_EQ(field_of(check_visit(planned, "visited", {}, Date{2026, 9, 30}, placed, kToday)),
            "outcome");
  MobileStop done;
  done.outcome = "visited";
  EXPECT_EQ(code_of(check_visit(done, "visited", {}, kToday, placed, kToday)), Errc::conflict);
  EXPECT_EQ(code_of(check_still_planned(done)), Errc::conflict);
  EXPECT_TRUE(check_still_planned(planned));
}

TEST(MobileRules, APastDaysRecordOfVisitsStaysAndAPlanWithVisitsIsNotCancelled) {
  DayPlan plan;
  plan.day = "2026-11-25";  // the day before kToday
  plan.stops.push_back(MobileStop{});
  EXPECT_TRUE(check_plan_changeable(plan, kToday));  // planned stops only
  EXPECT_TRUE(check_plan_cancellable(plan));
  plan.stops.push_back(MobileStop{});
  plan.stops.back().outcome = "not_home";
  const auto past = check_plan_changeable(plan, kToday);
  EXPECT_EQ(code_of(past), Errc::conflict);
  EXPECT_NE(past.error().message.lv.find("Pagājušas dienas"), std::string::npos);
  EXPECT_EQ(code_of(check_plan_cancellable(plan)), Errc::conflict);
  plan.day = kToday.iso();  // today's plan with a visit still changes, is not cancelled
  EXPECT_TRUE(check_plan_changeable(plan, kToday));
  EXPECT_EQ(code_of(check_plan_cancellable(plan)), Errc::conflict);
  plan.day = "2026-12-01";
  EXPECT_TRUE(check_plan_changeable(plan, kToday));
}

}  // namespace
}  // namespace atb::services
