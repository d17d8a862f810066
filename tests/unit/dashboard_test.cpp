#include <gtest/gtest.h>

#include "service/stat/dashboard.hpp"
#include "service/stat/rollups.hpp"

using zc::db::stat::DayTotals;
using zc::stat::day_labels;
using zc::stat::masked_phone;
using zc::stat::parse_day;
using zc::stat::series;

TEST(DashboardDays, SevenLabelsEndingToday) {
  auto days = day_labels("2026-03-02", 7);
  ASSERT_EQ(days.size(), 7u);
  EXPECT_EQ(days.front(), "2026-02-24");
  EXPECT_EQ(days.back(), "2026-03-02");
}

TEST(DashboardDays, RollUpRowsLandOnTheirDates) {
  auto days = day_labels("2026-03-29", 2);
  std::vector<DayTotals> rows = {
      {"2026-03-28", 2, 57, 6, 1}, {"2026-03-29", 3, 104, 12, 0}, {"2026-03-01", 9, 9, 9, 9}};
  auto s = series(rows, days);
  EXPECT_EQ(s.days, (std::vector<std::string>{"2026-03-28", "2026-03-29"}));
  EXPECT_EQ(s.count, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(s.energy, (std::vector<int64_t>{57, 104}));
  EXPECT_EQ(s.charged, (std::vector<int64_t>{6, 12}));
  EXPECT_EQ(s.refunds, (std::vector<int64_t>{1, 0}));
}

TEST(DashboardDays, ReportDatesAreStrict) {
  EXPECT_TRUE(parse_day("2026-02-28"));
  EXPECT_TRUE(parse_day("2028-02-29"));
  for (const char* bad : {"2026-02-30", "2026-2-28", "2026-02-28x", "", "20260228", "2026-13-01"})
    EXPECT_FALSE(parse_day(bad)) << bad;
}

TEST(DashboardRanking, PhonesAreMasked) {
  EXPECT_EQ(masked_phone("13812345678"), "138****5678");
  EXPECT_EQ(masked_phone("12345"), "12345");
}
