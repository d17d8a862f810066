#include <gtest/gtest.h>

#include "service/stat/dashboard.hpp"

using zc::db::stat::DatedAmount;
using zc::stat::by_local_day;
using zc::stat::masked_phone;

namespace {
constexpr int64_t kH = 3'600'000;
// 2026-03-29 00:00 in Shanghai (UTC+8) = 2026-03-28 16:00 UTC; Berlin switches to summer time that night.
constexpr int64_t kShanghaiMidnight = 1774713600000;
}  // namespace

TEST(DashboardDays, SevenLabelsEndingToday) {
  auto s = by_local_day({}, "2026-03-02", 7);
  ASSERT_EQ(s.days.size(), 7u);
  EXPECT_EQ(s.days.front(), "2026-02-24");
  EXPECT_EQ(s.days.back(), "2026-03-02");
  EXPECT_EQ(s.count, std::vector<int64_t>(7, 0));
}

TEST(DashboardDays, EachEntryCountsUnderItsStationsLocalDay) {
  std::vector<DatedAmount> rows = {
      {kShanghaiMidnight + 60'000, "Asia/Shanghai", 100, 10},     // Shanghai 03-29 00:01
      {kShanghaiMidnight - 60'000, "Asia/Shanghai", 50, 5},       // Shanghai 03-28 23:59
      {kShanghaiMidnight + 2 * kH, "Europe/Berlin", 7, 1},        // Berlin 03-28 19:00
      {kShanghaiMidnight + 9 * kH, "Europe/Berlin", 3, 1},        // Berlin 03-29 03:00 (summer time)
      {kShanghaiMidnight - 10 * 24 * kH, "Asia/Shanghai", 1, 1},  // outside the range
      {kShanghaiMidnight + 60'000, "No/Such_Zone", 1, 1},         // unknown zone: the default (Shanghai)
  };
  auto s = by_local_day(rows, "2026-03-29", 2);
  EXPECT_EQ(s.days, (std::vector<std::string>{"2026-03-28", "2026-03-29"}));
  EXPECT_EQ(s.count, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(s.energy, (std::vector<int64_t>{57, 104}));
  EXPECT_EQ(s.charged, (std::vector<int64_t>{6, 12}));
}

TEST(DashboardRanking, PhonesAreMasked) {
  EXPECT_EQ(masked_phone("13812345678"), "138****5678");
  EXPECT_EQ(masked_phone("12345"), "12345");
}
