#include <gtest/gtest.h>

#include "domain/parking/occupancy.hpp"

using namespace zc::parking;

TEST(ParkingOccupancy, ChargingSecondsClipToTheStayAndMergeOverlaps) {
  // Stay 0–100 s; charging 10–30 s and 20–40 s (overlap), −50–5 s (before the stay), 90–200 s.
  EXPECT_EQ(
      charging_seconds(0, 100'000, {{10'000, 30'000}, {20'000, 40'000}, {-50'000, 5'000}, {90'000, 200'000}}),
      30 + 5 + 10);
  EXPECT_EQ(charging_seconds(0, 100'000, {}), 0);
  EXPECT_EQ(charging_seconds(0, 100'000, {{0, 100'000}, {10'000, 20'000}}), 100);
}

TEST(ParkingOccupancy, FeeByStartedPeriodsAfterTheFreeMinutesUpToTheCap) {
  OccupancyRules r{.free_min = 15, .price_fen = 200, .period_min = 30, .cap_fen = 1000};
  EXPECT_EQ(occupancy_fee(15 * 60, r).fee, 0);         // all free
  EXPECT_EQ(occupancy_fee(16 * 60 + 59, r).fee, 200);  // 1 min billable → 1 period (seconds dropped)
  EXPECT_EQ(occupancy_fee(45 * 60, r).fee, 200);       // 30 min → 1 period
  EXPECT_EQ(occupancy_fee(46 * 60, r).fee, 400);       // 31 min → 2 periods
  EXPECT_EQ(occupancy_fee(10 * 3600, r).fee, 1000);    // capped
  EXPECT_EQ(occupancy_fee(10 * 3600, {.free_min = 0, .price_fen = 0}).fee, 0);  // no price: no fee
  EXPECT_EQ(occupancy_fee(75 * 60, r).periods, 2);
}
