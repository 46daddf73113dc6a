// Calendar dates: validity, parsing, ages and today's date in Riga.
#include "core/date.h"

#include <gtest/gtest.h>

#include <chrono>

namespace atb {
namespace {

namespace chr = std::chrono;

chr::system_clock::time_point utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return chr::sys_days{chr::year{y} / chr::month{m} / chr::day{d}} + chr::hours{h} +
         chr::minutes{min};
}

TEST(Date, ValidDatesFollowTheGregorianCalendar) {
  EXPECT_TRUE(valid_date(2024, 2, 29));
  EXPECT_FALSE(valid_date(2023, 2, 29));
  EXPECT_TRUE(valid_date(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(valid_date(1900, 2, 29));  // a century not divisible by 400
  EXPECT_TRUE(valid_date(2023, 12, 31));
  EXPECT_FALSE(valid_date(2023, 4, 31));
  EXPECT_FALSE(valid_date(2023, 13, 1));
  EXPECT_FALSE(valid_date(2023, 0, 1));
  EXPECT_FALSE(valid_date(2023, 1, 0));
  EXPECT_FALSE(valid_date(0, 1, 1));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(Date, ParsesOnlyExactIsoDates) {
  auto d = parse_date("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (Date{2024, 2, 29}));
  EXPECT_EQ(d->iso(), "2024-02-29");
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2024-2-29"));
  EXPECT_FALSE(parse_date("2024-02-29 "));
  EXPECT_FALSE(parse_date(" 2024-02-29"));
  EXPECT_FALSE(parse_date("2024/02/29"));
  EXPECT_FALSE(parse_date("2024-02-3x"));
  EXPECT_FALSE(parse_date("+024-02-03"));
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("29.02.2024"));
}

TEST(Date, IsoPadsAndDatesCompareChronologically) {
  EXPECT_EQ((Date{987, 3, 4}).iso(), "0987-03-04");
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_EQ(add_days(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days(Date{2023, 12, 31}, 1), (Date{2024, 1, 1}));
}

TEST(Date, AgeInFullYears) {
  EXPECT_EQ(age_on({1990, 5, 15}, {2024, 5, 14}), 33);
  EXPECT_EQ(age_on({1990, 5, 15}, {2024, 5, 15}), 34);
  EXPECT_EQ(age_on({1990, 5, 15}, {2024, 12, 1}), 34);
  EXPECT_EQ(age_on({2024, 1, 1}, {2024, 1, 1}), 0);
  EXPECT_EQ(age_on({2024, 1, 1}, {2023, 1, 1}), 0);
  // Born on 29 February: a year older on 1 March in non-leap years.
  EXPECT_EQ(age_on({2004, 2, 29}, {2022, 2, 28}), 17);
  EXPECT_EQ(age_on({2004, 2, 29}, {2022, 3, 1}), 18);
  EXPECT_EQ(age_on({2004, 2, 29}, {2024, 2, 29}), 20);
}

TEST(Date, RigaIsTwoHoursAheadInWinter) {
  EXPECT_EQ(riga_date_at(utc(2024, 1, 15, 21, 59)), (Date{2024, 1, 15}));
  EXPECT_EQ(riga_date_at(utc(2024, 1, 15, 22, 0)), (Date{2024, 1, 16}));
  EXPECT_EQ(riga_date_at(utc(2024, 12, 31, 22, 30)), (Date{2025, 1, 1}));
}

TEST(Date, RigaIsThreeHoursAheadInSummer) {
  EXPECT_EQ(riga_date_at(utc(2024, 7, 1, 20, 59)), (Date{2024, 7, 1}));
  EXPECT_EQ(riga_date_at(utc(2024, 7, 1, 21, 0)), (Date{2024, 7, 2}));
}

TEST(Date, RigaSwitchesOnTheLastSundaysOfMarchAndOctober) {
  // 2024: summer time from Sunday 31 March 01:00 UTC to Sunday 27 October 01:00 UTC.
  EXPECT_EQ(riga_date_at(utc(2024, 3, 30, 21, 30)), (Date{2024, 3, 30}));    // still UTC+2
  EXPECT_EQ(riga_date_at(utc(2024, 3, 31, 21, 30)), (Date{2024, 4, 1}));     // UTC+3
  EXPECT_EQ(riga_date_at(utc(2024, 10, 26, 21, 30)), (Date{2024, 10, 27}));  // UTC+3
  EXPECT_EQ(riga_date_at(utc(2024, 10, 27, 21, 30)), (Date{2024, 10, 27}));  // UTC+2 again
}

TEST(Date, TodayInRigaIsWithinADayOfUtc) {
  const auto now = chr::system_clock::now();
  const Date today = today_riga();
  const chr::year_month_day utc_day{chr::floor<chr::days>(now)};
  const Date utc_today{static_cast<int>(utc_day.year()),
                       static_cast<int>(static_cast<unsigned>(utc_day.month())),
                       static_cast<int>(static_cast<unsigned>(utc_day.day()))};
  EXPECT_TRUE(today == utc_today || today == add_days(utc_today, 1)) << today.iso();
  EXPECT_TRUE(valid_date(today.year, today.month, today.day));
}

}  // namespace
}  // namespace atb
