// The Latvian working-day calendar: Easter, the statutory holidays with the weekend moves of
// 4 May and 18 November, festival and one-off days off, and adding working days.
#include "cases/calendar.h"

#include <gtest/gtest.h>

namespace atb::cases {
namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

TEST(Calendar, EasterSundayByTheGregorianComputus) {
  const std::vector<std::pair<int, Date>> table = {
      {2000, d(2000, 4, 23)}, {2008, d(2008, 3, 23)}, {2011, d(2011, 4, 24)}, {2019, d(2019, 4, 21)},
      {2023, d(2023, 4, 9)},  {2024, d(2024, 3, 31)}, {2025, d(2025, 4, 20)}, {2026, d(2026, 4, 5)},
      {2027, d(2027, 3, 28)}, {2028, d(2028, 4, 16)}, {2038, d(2038, 4, 25)}, {2285, d(2285, 3, 22)},
  };
  for (const auto& [year, easter] : table) EXPECT_EQ(easter_sunday(year), easter) << year;
}

TEST(Calendar, HolidaysOf2026) {
  const std::vector<Date> expected = {d(2026, 1, 1),   d(2026, 4, 3),   d(2026, 4, 5),   d(2026, 4, 6),
                                      d(2026, 5, 1),   d(2026, 5, 4),   d(2026, 6, 23),  d(2026, 6, 24),
                                      d(2026, 11, 18), d(2026, 12, 24), d(2026, 12, 25), d(2026, 12, 26),
                                      d(2026, 12, 31)};
  EXPECT_EQ(Calendar().holidays(2026), expected);
}

TEST(Calendar, FourthOfMayAndEighteenthOfNovemberOnAWeekendGiveMondayOff) {
  struct Case {
    Date day;
    bool working;
  };
  const std::vector<Case> table = {
      {d(2024, 5, 4), false},   // Saturday
      {d(2024, 5, 6), false},   // the Monday after
      {d(2024, 5, 7), true},
      {d(2025, 5, 5), false},   // 4 May 2025 was a Sunday
      {d(2025, 11, 18), false}, // a Tuesday: no move
      {d(2025, 11, 17), true},
      {d(2023, 11, 20), false}, // 18 November 2023 was a Saturday
      {d(2028, 11, 20), false}, // and 2028 too
      {d(2026, 5, 5), true},    // 4 May 2026 is a Monday itself
      {d(2023, 6, 26), true},   // Jāņi on a weekend do not move
      {d(2027, 12, 27), true},  // nor does Christmas
  };
  const Calendar calendar;
  for (const Case& c : table) EXPECT_EQ(calendar.is_working_day(c.day), c.working) << c.day.iso();
}

TEST(Calendar, EasterAndChristmasWeeks) {
  const Calendar calendar;
  for (const Date& off : {d(2025, 4, 18), d(2025, 4, 21), d(2024, 3, 29), d(2024, 4, 1), d(2027, 3, 26), d(2027, 3, 29),
                          d(2025, 12, 24), d(2025, 12, 31), d(2025, 6, 23), d(2025, 6, 24), d(2026, 1, 1)}) {
    EXPECT_FALSE(calendar.is_working_day(off)) << off.iso();
    EXPECT_TRUE(calendar.is_holiday(off)) << off.iso();
  }
  for (const Date& on : {d(2025, 4, 17), d(2025, 4, 22), d(2025, 12, 29), d(2025, 12, 30), d(2026, 1, 2)}) {
    EXPECT_TRUE(calendar.is_working_day(on)) << on.iso();
  }
  EXPECT_FALSE(calendar.is_working_day(d(2026, 1, 3)));  // Saturday
}

TEST(Calendar, FestivalClosingAndOneOffDaysOff) {
  const Calendar calendar;
  EXPECT_FALSE(calendar.is_working_day(d(2023, 7, 10)));  // after the Sunday closing of 2023
  EXPECT_FALSE(calendar.is_working_day(d(2018, 7, 9)));
  EXPECT_FALSE(calendar.is_working_day(d(2023, 5, 29)));  // the ice-hockey bronze
  EXPECT_TRUE(calendar.is_working_day(d(2023, 7, 11)));
  EXPECT_TRUE(Calendar(Adjustments{}).is_working_day(d(2023, 7, 10)));  // only by the data
  const Calendar moved(Adjustments{{}, {d(2026, 11, 16)}, {d(2026, 11, 7)}});
  EXPECT_FALSE(moved.is_working_day(d(2026, 11, 16)));
  EXPECT_TRUE(moved.is_working_day(d(2026, 11, 7)));  // a working Saturday
}

TEST(Calendar, AddsWorkingDays) {
  struct Case {
    Date from;
    int n;
    Date expected;
  };
  const std::vector<Case> table = {
      {d(2026, 11, 23), 1, d(2026, 11, 24)},   // Monday + 1
      {d(2026, 11, 20), 1, d(2026, 11, 23)},   // Friday + 1 → Monday
      {d(2026, 11, 21), 0, d(2026, 11, 23)},   // Saturday + 0 → Monday
      {d(2026, 11, 21), 1, d(2026, 11, 23)},   // the first working day counts
      {d(2026, 11, 21), 2, d(2026, 11, 24)},
      {d(2026, 11, 23), 0, d(2026, 11, 23)},
      {d(2026, 12, 18), 3, d(2026, 12, 23)},
      {d(2026, 12, 18), 4, d(2026, 12, 28)},   // over Christmas
      {d(2026, 12, 18), 10, d(2027, 1, 7)},    // over Christmas and New Year
      {d(2026, 4, 2), 1, d(2026, 4, 7)},       // over Easter
      {d(2026, 11, 13), 10, d(2026, 11, 30)},  // 18 November in between
      {d(2025, 4, 30), 2, d(2025, 5, 6)},      // 1 May, weekend, 5 May (moved 4 May)
      {d(2024, 6, 20), 1, d(2024, 6, 21)},
      {d(2024, 6, 21), 1, d(2024, 6, 25)},     // Līgo and Jāņi on Sunday and Monday
  };
  const Calendar calendar;
  for (const Case& c : table) {
    EXPECT_EQ(calendar.add_working_days(c.from, c.n), c.expected) << c.from.iso() << " + " << c.n;
  }
}

}  // namespace
}  // namespace atb::cases
