// service/order/car_settlement: how a car session is priced at settlement — by meter (OCPP: energy
// apportioned over the session's time span, midnight and tier crossings) and by the pile's tier record
// (YKC 0x3B, platform prices), capped at the prepayment, and the billing detail.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/timezone.hpp"
#include "service/order/car_settlement.hpp"

using namespace zc;
using namespace zc::tariff;

namespace {

const TimeZone& shanghai() {
  static const TimeZone tz = TimeZone::shanghai();
  return tz;
}
int64_t sh(int y, int mo, int d, int h = 0, int mi = 0) {
  return shanghai().to_utc({{y, mo, d}, h, mi, 0, 0});
}
constexpr Energy kKwh = money::kEnergyPerKwh;

// valley 23:00–07:00 (0.3 + 0.2 yuan/kWh), flat 07:00–23:00 (0.7 + 0.4)
CarTariff night_and_day() {
  CarTariffInput in;
  in.mode = TariffMode::tou;
  in.tier_prices = {std::nullopt, std::nullopt, TierPrice{70000, 40000}, TierPrice{30000, 20000}};
  in.periods = {{"23:00", "07:00", "valley"}, {"07:00", "23:00", "flat"}};
  return make_car_tariff(in);
}

}  // namespace

TEST(CarOrderSettlement, ByMeterInsideOneTier) {
  // 10 kWh 10:00–11:00: flat 1.1 yuan/kWh → 11.00 yuan
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 10), sh(2026, 3, 2, 11),
                                  10 * kKwh, 5000);
  EXPECT_EQ(c.method, "meter");
  EXPECT_EQ(c.bill.total_fen, 1100);
  EXPECT_EQ(c.capped.charged.total, 1100);
  EXPECT_FALSE(c.capped.capped);
  EXPECT_EQ(c.capped.refund_fen, 3900);
}

TEST(CarOrderSettlement, ByMeterAcrossTierBoundaryApportionsByTime) {
  // 22:30–23:30, 10 kWh at constant power: 5 kWh flat (5.50) + 5 kWh valley (2.50) = 8.00 yuan
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 22, 30), sh(2026, 3, 2, 23, 30),
                                  10 * kKwh, 5000);
  EXPECT_EQ(c.bill.tier(Tier::flat).energy, 5 * kKwh);
  EXPECT_EQ(c.bill.tier(Tier::valley).energy, 5 * kKwh);
  EXPECT_EQ(c.bill.total_fen, 800);
}

TEST(CarOrderSettlement, ByMeterAcrossMidnightStaysInTheValleyOfBothDays) {
  // 23:30–00:30 crosses the date; all valley: 6 kWh × 0.5 = 3.00 yuan
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 23, 30), sh(2026, 3, 3, 0, 30),
                                  6 * kKwh, 5000);
  EXPECT_EQ(c.bill.tier(Tier::valley).energy, 6 * kKwh);
  EXPECT_EQ(c.bill.total_fen, 300);
  // 06:00–08:00 next morning: 1 h valley + 1 h flat, 8 kWh → 4 × 0.5 + 4 × 1.1 = 6.40
  auto m = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 3, 6), sh(2026, 3, 3, 8), 8 * kKwh,
                                  5000);
  EXPECT_EQ(m.bill.total_fen, 640);
}

TEST(CarOrderSettlement, CappedAtThePrepayment) {
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 10), sh(2026, 3, 2, 12),
                                  100 * kKwh, 5000);
  EXPECT_EQ(c.bill.total_fen, 11000);
  EXPECT_TRUE(c.capped.capped);
  EXPECT_EQ(c.capped.charged.total, 5000);
  EXPECT_EQ(c.capped.charged.energy_fee_total + c.capped.charged.service_fee_total, 5000);
  EXPECT_EQ(c.capped.refund_fen, 0);
}

TEST(CarOrderSettlement, ZeroOrBackwardSpanBillsTheEnergyInTheStartSlot) {
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 10), sh(2026, 3, 2, 9),
                                  1 * kKwh, 500);
  EXPECT_EQ(c.end_ms, c.start_ms);
  EXPECT_EQ(c.bill.total_fen, 110);
  auto z =
      order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 10), sh(2026, 3, 2, 11), 0, 500);
  EXPECT_EQ(z.bill.total_fen, 0);
  EXPECT_EQ(z.capped.refund_fen, 500);
}

TEST(CarOrderSettlement, ByDeviceTiersUsesPlatformPrices) {
  // the pile says 2 kWh flat and 3 kWh valley; its own amounts are ignored
  std::vector<charging::TierUsage> tiers = {
      {"sharp", 0, 0, 0}, {"peak", 0, 0, 0}, {"flat", 999999, 2 * kKwh, 1}, {"valley", 1, 3 * kKwh, 1}};
  auto c = order::charge_by_device_tiers(night_and_day(), tiers, sh(2026, 3, 2, 22), sh(2026, 3, 3, 1), 5000);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->method, "device_tiers");
  EXPECT_EQ(c->bill.total_fen, 220 + 150);
  // the fifth tier (深谷) counts as valley
  std::vector<charging::TierUsage> five = {{"flat", 0, 1 * kKwh, 0}, {"tier5", 0, 1 * kKwh, 0}};
  auto f = order::charge_by_device_tiers(night_and_day(), five, 0, 0, 5000);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->bill.total_fen, 110 + 50);
}

TEST(CarOrderSettlement, ByDeviceTiersNeedsPriceableEnergy) {
  EXPECT_FALSE(order::charge_by_device_tiers(night_and_day(), {}, 0, 0, 5000));
  EXPECT_FALSE(order::charge_by_device_tiers(night_and_day(), {{"flat", 0, 0, 0}}, 0, 0, 5000));
  // energy in the sharp tier, which this tariff does not price: the caller falls back to the meter
  EXPECT_FALSE(order::charge_by_device_tiers(night_and_day(), {{"sharp", 0, kKwh, 0}}, 0, 0, 5000));
  EXPECT_FALSE(order::charge_by_device_tiers(night_and_day(), {{"flat", 0, -1, 0}}, 0, 0, 5000));
}

TEST(CarOrderSettlement, BillingDetailListsTheTiersItBilled) {
  auto c = order::charge_by_meter(night_and_day(), shanghai(), sh(2026, 3, 2, 22, 30), sh(2026, 3, 2, 23, 30),
                                  10 * kKwh, 600);
  auto d = boost::json::parse(order::billing_detail_json(c)).as_object();
  EXPECT_EQ(d.at("method").as_string(), "meter");
  EXPECT_EQ(d.at("total").as_int64(), 800);
  EXPECT_EQ(d.at("charged").as_int64(), 600);
  EXPECT_TRUE(d.at("capped").as_bool());
  const auto& tiers = d.at("tiers").as_array();
  ASSERT_EQ(tiers.size(), 2u);
  int64_t charged = 0;
  for (const auto& t : tiers)
    charged += t.at("chargedEnergyFee").as_int64() + t.at("chargedServiceFee").as_int64();
  EXPECT_EQ(charged, 600);
}
