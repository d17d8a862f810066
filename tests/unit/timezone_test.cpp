// core/timezone: IANA zones via the OS tz database; DST gaps/overlaps and local midnights.
#include "core/timezone.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace zc;

namespace {
// UTC epoch ms of a civil UTC time (Howard Hinnant's days_from_civil), independent of the code under test.
constexpr int64_t utc_ms(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return ((days * 24 + hh) * 60 + mm) * 60'000 + ss * 1000;
}
static_assert(utc_ms(1970, 1, 1) == 0);
static_assert(utc_ms(2024, 1, 1) == 1'704'067'200'000);

LocalDateTime ldt(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return {{y, mo, d}, h, mi, s, 0};
}
}  // namespace

TEST(TimeZone, FindsKnownZonesAndRejectsUnknown) {
  EXPECT_TRUE(TimeZone::find("Asia/Shanghai"));
  EXPECT_TRUE(TimeZone::find("Europe/Berlin"));
  EXPECT_EQ(TimeZone::find("Asia/Shanghai")->name(), "Asia/Shanghai");
  EXPECT_FALSE(TimeZone::find("Mars/Olympus"));
  EXPECT_FALSE(TimeZone::find(""));
  EXPECT_THROW(TimeZone::get("Not/AZone"), std::invalid_argument);
  EXPECT_EQ(TimeZone::shanghai().name(), std::string(kDefaultTimeZone));
}

TEST(TimeZone, ShanghaiIsUtcPlus8AllYear) {
  TimeZone tz = TimeZone::shanghai();
  for (int month = 1; month <= 12; ++month) EXPECT_EQ(tz.offset_ms(utc_ms(2024, month, 15)), 8 * kMsPerHour);
  LocalDateTime l = tz.to_local(utc_ms(2024, 1, 1, 16, 30, 5) + 250);
  EXPECT_EQ(l, (LocalDateTime{{2024, 1, 2}, 0, 30, 5, 250}));
  EXPECT_EQ(l.to_string(), "2024-01-02 00:30:05");
  EXPECT_EQ(tz.to_utc(ldt(2024, 1, 2, 0, 30, 5)), utc_ms(2024, 1, 1, 16, 30, 5));
  EXPECT_EQ(tz.start_of_day({2024, 5, 1}), utc_ms(2024, 4, 30, 16));
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 4, 30, 16)), utc_ms(2024, 5, 1, 16));       // exactly at midnight
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 4, 30, 16) - 1), utc_ms(2024, 4, 30, 16));  // 1 ms before
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 2, 28, 20)), utc_ms(2024, 2, 29, 16));      // leap day
}

TEST(TimeZone, RoundTripsEveryHalfHourOfAYear) {
  // local → UTC is exact except for the repeated hour of a fall-back (2 half-hours a year), which maps to
  // the earlier instant; local → UTC → local is always the identity.
  for (auto [name, repeated] : {std::pair{"Asia/Shanghai", 0},
                                {"Europe/Berlin", 2},
                                {"America/New_York", 2},
                                {"Asia/Kathmandu", 0}}) {
    TimeZone tz = TimeZone::get(name);
    int mismatches = 0;
    for (int64_t t = utc_ms(2024, 1, 1); t < utc_ms(2025, 1, 1); t += 30 * kMsPerMinute) {
      int64_t back = tz.to_utc(tz.to_local(t));
      ASSERT_EQ(tz.to_local(back), tz.to_local(t)) << name << " " << t;
      if (back != t) {
        ++mismatches;
        EXPECT_EQ(back, t - kMsPerHour) << name;
      }
    }
    EXPECT_EQ(mismatches, repeated) << name;
  }
}

TEST(TimeZone, BerlinDstGapAndOverlap) {
  TimeZone tz = TimeZone::get("Europe/Berlin");
  EXPECT_EQ(tz.offset_ms(utc_ms(2024, 1, 10)), 1 * kMsPerHour);
  EXPECT_EQ(tz.offset_ms(utc_ms(2024, 7, 10)), 2 * kMsPerHour);
  // Spring forward 2024-03-31 02:00 CET → 03:00 CEST: 23-hour day.
  EXPECT_EQ(tz.start_of_day({2024, 3, 31}), utc_ms(2024, 3, 30, 23));
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 3, 31, 10)), utc_ms(2024, 3, 31, 22));
  EXPECT_EQ(tz.to_utc(ldt(2024, 3, 31, 2, 30)), utc_ms(2024, 3, 31, 1));  // in the gap → transition
  EXPECT_EQ(tz.to_utc(ldt(2024, 3, 31, 3, 0)), utc_ms(2024, 3, 31, 1));
  EXPECT_EQ(tz.to_utc(ldt(2024, 3, 31, 1, 59, 59)), utc_ms(2024, 3, 31, 0, 59, 59));
  // Fall back 2024-10-27 03:00 CEST → 02:00 CET: 25-hour day; 02:30 happens twice → the earlier.
  EXPECT_EQ(tz.start_of_day({2024, 10, 27}), utc_ms(2024, 10, 26, 22));
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 10, 27, 12)), utc_ms(2024, 10, 27, 23));
  EXPECT_EQ(tz.to_utc(ldt(2024, 10, 27, 2, 30)), utc_ms(2024, 10, 27, 0, 30));
  EXPECT_EQ(tz.to_local(utc_ms(2024, 10, 27, 1, 30)), ldt(2024, 10, 27, 2, 30));
}

TEST(TimeZone, MidnightInsideADstGap) {
  // Cuba springs forward at 00:00 (2024-03-10 00:00 CST → 01:00 CDT): that day starts at 01:00 local.
  TimeZone tz = TimeZone::get("America/Havana");
  EXPECT_EQ(tz.start_of_day({2024, 3, 10}), utc_ms(2024, 3, 10, 5));
  EXPECT_EQ(tz.next_midnight(utc_ms(2024, 3, 9, 20)), utc_ms(2024, 3, 10, 5));
  EXPECT_EQ(tz.to_local(utc_ms(2024, 3, 10, 5)), ldt(2024, 3, 10, 1, 0));
  // …and falls back at 01:00 → 00:00 (2024-11-03): midnight occurs twice, the day starts at the first.
  EXPECT_EQ(tz.start_of_day({2024, 11, 3}), utc_ms(2024, 11, 3, 4));
}

TEST(TimeZone, RejectsInvalidLocalTimes) {
  TimeZone tz = TimeZone::shanghai();
  EXPECT_THROW(tz.to_utc(ldt(2024, 2, 30)), std::invalid_argument);
  EXPECT_THROW(tz.to_utc(ldt(2024, 1, 1, 24, 0)), std::invalid_argument);
  EXPECT_THROW(tz.to_utc(ldt(2024, 13, 1)), std::invalid_argument);
  EXPECT_EQ((LocalDate{2024, 12, 31}.next_day()), (LocalDate{2025, 1, 1}));
  EXPECT_EQ((LocalDate{2024, 2, 28}.next_day()), (LocalDate{2024, 2, 29}));
}
