// The e-bike auto-stop rules (src/service/order/bike_auto_stop.hpp): each rule, their order, and the
// full/no-load detector.
#include "service/order/bike_auto_stop.hpp"

#include <gtest/gtest.h>

namespace zc::order {
namespace {

tariff::BikeTariff per_minute(tariff::BikeMode mode = tariff::BikeMode::A) {
  tariff::BikeTariff t;
  t.mode = mode;
  t.max_duration_min = 600;
  t.auto_stop_amount = 5000;
  t.unit_minutes = 1;
  t.unit_price = 1000;  // 0.10 yuan a minute
  t.energy_price = 100000;
  t.service_price = 0;
  return t;
}

AutoStopInput input(const tariff::BikeTariff& t, const tariff::BikeBill& b, int64_t elapsed,
                    int64_t prepaid_s, money::Fen prepaid) {
  AutoStopInput in;
  in.elapsed_s = elapsed;
  in.prepaid_duration_s = prepaid_s;
  in.prepaid = prepaid;
  in.tariff = &t;
  in.bill = &b;
  return in;
}

TEST(BikeAutoStop, KeepsChargingWithinThePrepaidDuration) {
  auto t = per_minute();
  auto b = tariff::bike_billing_test(t, 299);  // 5 started minutes: 50 fen
  EXPECT_EQ(auto_stop_reason(input(t, b, 299, 600, 100)), "");
}

TEST(BikeAutoStop, StopsWhenThePrepaidDurationIsUsedUp) {
  auto t = per_minute();
  auto b = tariff::bike_billing_test(t, 600);
  EXPECT_EQ(auto_stop_reason(input(t, b, 600, 600, 100)), "预付时长已用完，自动停止");
}

TEST(BikeAutoStop, StopsAtTheTariffThreshold) {
  auto t = per_minute();
  t.max_duration_min = 10;
  auto b = tariff::bike_billing_test(t, 600);
  EXPECT_EQ(auto_stop_reason(input(t, b, 600, 0, 100000)), "达到自停阈值，自动停止");
}

TEST(BikeAutoStop, UnitModesStopOnlyWhenTheCostExceedsThePrepayment) {
  auto t = per_minute();
  // The first started minute already costs the whole 0.10 yuan: that is not a reason to stop.
  auto first = tariff::bike_billing_test(t, 1);
  EXPECT_EQ(first.gross, 10);
  EXPECT_EQ(auto_stop_reason(input(t, first, 1, 0, 10)), "");
  auto second = tariff::bike_billing_test(t, 61);
  EXPECT_EQ(auto_stop_reason(input(t, second, 61, 0, 10)), "费用达到预付金额，自动停止");
}

TEST(BikeAutoStop, EnergyModeStopsWhenTheCostReachesThePrepayment) {
  auto t = per_minute(tariff::BikeMode::C);
  tariff::BikeBill b;
  b.gross = 100;
  EXPECT_EQ(auto_stop_reason(input(t, b, 120, 0, 100)), "费用达到预付金额，自动停止");
  b.gross = 99;
  EXPECT_EQ(auto_stop_reason(input(t, b, 120, 0, 100)), "");
}

TEST(BikeAutoStop, FullAfterPowerOrNoLoadAtAll) {
  auto t = per_minute();
  auto b = tariff::bike_billing_test(t, 60);
  auto in = input(t, b, 60, 600, 100);
  in.full = true;
  in.ever_powered = true;
  EXPECT_EQ(auto_stop_reason(in), "已充满，自动停止");
  in.ever_powered = false;
  EXPECT_EQ(auto_stop_reason(in), "未检测到充电负载，自动停止");
  in.elapsed_s = 600;  // the prepaid duration comes first
  EXPECT_EQ(auto_stop_reason(in), "预付时长已用完，自动停止");
}

TEST(FullDetector, BelowTheThresholdForTheHoldTime) {
  FullDetector d(10, 60);
  d.report(0, 400);
  EXPECT_FALSE(d.full(30'000));
  d.report(100'000, 5);  // the taper ends
  EXPECT_FALSE(d.full(159'999));
  EXPECT_TRUE(d.full(160'000));
  EXPECT_TRUE(d.ever_powered());
}

TEST(FullDetector, ABriefRiseRestartsTheHold) {
  FullDetector d(10, 60);
  d.report(0, 5);
  d.report(50'000, 12);
  d.report(55'000, 4);
  EXPECT_FALSE(d.full(100'000));
  EXPECT_TRUE(d.full(115'000));
}

TEST(FullDetector, NothingDrawnFromTheStartButOnlyWithPowerReports) {
  FullDetector d(10, 60);
  d.start(1'000);
  EXPECT_FALSE(d.full(100'000)) << "no power report: nothing to judge by";
  d.report(2'000, 0);
  EXPECT_TRUE(d.full(61'000));
  EXPECT_FALSE(d.ever_powered());
}

TEST(FullDetector, OutOfOrderReportsAndTheRuleOff) {
  FullDetector d(10, 60);
  d.report(10'000, 500);
  d.report(5'000, 1);  // older: ignored
  EXPECT_FALSE(d.full(200'000));
  FullDetector off(0, 60);
  off.report(0, 0);
  EXPECT_FALSE(off.full(1'000'000));
}

}  // namespace
}  // namespace zc::order

// The remaining time of the live page (remaining_time): mode A counts down from the start; the power-priced
// modes show nothing until a whole sustain window of measured power, then count down without jumping.
namespace zc::order {
namespace {

TEST(BikeRemainingTime, TimePricedCountsDownFromTheStart) {
  auto r = remaining_time(tariff::BikeMode::A, 0, 1200, std::nullopt);
  EXPECT_FALSE(r.measuring);
  EXPECT_EQ(r.seconds, 1200);
  // the first power reading changes nothing
  EXPECT_EQ(remaining_time(tariff::BikeMode::A, 30, 1200, 25).seconds, 1170);
  EXPECT_EQ(remaining_time(tariff::BikeMode::A, 1300, 1200, 0).seconds, 0);  // never negative
}

TEST(BikeRemainingTime, PowerPricedWaitsForAWholeWindowOfPower) {
  const int64_t w = tariff::kBikeSustainWindowS;
  for (auto mode : {tariff::BikeMode::B, tariff::BikeMode::C, tariff::BikeMode::D, tariff::BikeMode::E}) {
    // before any power, and during the first window after it: no figure
    auto before = remaining_time(mode, 10, 9600, std::nullopt);
    EXPECT_TRUE(before.measuring);
    EXPECT_FALSE(before.seconds.has_value());
    EXPECT_TRUE(remaining_time(mode, 5 + w - 1, 9600, 5).measuring);
    // a whole window after the first reading: the prepaid duration at the measured power − elapsed
    auto after = remaining_time(mode, 5 + w, 28800, 5);
    EXPECT_FALSE(after.measuring);
    EXPECT_EQ(after.seconds, 28800 - 5 - w);
  }
}

TEST(BikeRemainingTime, OnceShownItOnlyFalls) {
  // Mode C: the sweeper recomputes the prepaid duration at the sustained power, which only rises once a
  // whole window has been measured; each poll's figure is then below the last.
  const int64_t w = tariff::kBikeSustainWindowS;
  std::optional<int64_t> last;
  const std::pair<int64_t, int64_t> polls[] = {
      {w + 10, 28800}, {w + 12, 28800}, {w + 14, 24000}, {w + 16, 24000}};
  for (const auto& [elapsed, prepaid_s] : polls) {
    auto r = remaining_time(tariff::BikeMode::C, elapsed, prepaid_s, 8);
    ASSERT_TRUE(r.seconds);
    if (last) {
      EXPECT_LT(*r.seconds, *last);
    }
    last = r.seconds;
  }
}

}  // namespace
}  // namespace zc::order
