// zhichong-sim ykc: the per-tier lines of the simulated pile's transaction record (0x3B), computed from
// the billing model it received, over sessions that cross tier boundaries and midnight.
#include <gtest/gtest.h>

#include <numeric>

#include "ykc_record.hpp"

namespace {

using zc::LocalDate;
using zc::LocalDateTime;
using zc::TimeZone;
using zc::sim::energy_delivered;
using zc::sim::record_tiers;
using zc::sim::RecordTiers;
using zc::tariff::Tier;
using zc::tariff::YkcBillingModel;

constexpr size_t kSharp = 0, kPeak = 1, kFlat = 2, kValley = 3;

// 00–08 valley, 08–10 flat, 10–12 peak, 12–14 sharp, 14–18 peak, 18–22 flat, 22–24 valley.
// Rates (0.00001 yuan/kWh): sharp 1.0 + 0.4, peak 0.8 + 0.4, flat 0.6 + 0.4, valley 0.3 + 0.4.
YkcBillingModel model() {
  YkcBillingModel m;
  m.model_no = 7;
  m.rates = {{{100000, 40000}, {80000, 40000}, {60000, 40000}, {30000, 40000}}};
  auto set = [&](int from_h, int to_h, uint8_t tier) {
    for (int s = from_h * 2; s < to_h * 2; ++s) m.slots[static_cast<size_t>(s)] = tier;
  };
  set(0, 8, 3);
  set(8, 10, 2);
  set(10, 12, 1);
  set(12, 14, 0);
  set(14, 18, 1);
  set(18, 22, 2);
  set(22, 24, 3);
  return m;
}

int64_t at(const TimeZone& tz, int day, int hour, int minute) {
  return tz.to_utc(LocalDateTime{LocalDate{2024, 5, day}, hour, minute, 0, 0});
}

uint32_t sum_energy(const RecordTiers& r) {
  return std::accumulate(r.tiers.begin(), r.tiers.end(), 0u,
                         [](uint32_t s, auto& t) { return s + t.energy; });
}
uint32_t sum_amount(const RecordTiers& r) {
  return std::accumulate(r.tiers.begin(), r.tiers.end(), 0u,
                         [](uint32_t s, auto& t) { return s + t.amount; });
}

TEST(YkcSimRecord, SplitsAtATierBoundaryByTime) {
  const auto tz = TimeZone::shanghai();
  // 09:30–10:30 at constant power, 6 kWh: half flat, half peak.
  const RecordTiers r = record_tiers(model(), tz, at(tz, 1, 9, 30), at(tz, 1, 10, 30), 60000);
  EXPECT_EQ(r.tiers[kFlat].energy, 30000u);
  EXPECT_EQ(r.tiers[kPeak].energy, 30000u);
  EXPECT_EQ(r.tiers[kSharp].energy, 0u);
  EXPECT_EQ(r.tiers[kValley].energy, 0u);
  // 3 kWh × 1.0 yuan = 3.0000 yuan; 3 kWh × 1.2 yuan = 3.6000 yuan (0.0001 yuan units).
  EXPECT_EQ(r.tiers[kFlat].amount, 30000u);
  EXPECT_EQ(r.tiers[kPeak].amount, 36000u);
  EXPECT_EQ(r.total_energy, 60000u);
  EXPECT_EQ(r.total_amount, 66000u);
  // Unit price = energy + service rate, for every tier (used or not); loss energy = energy (ratio 0).
  EXPECT_EQ(r.tiers[kSharp].unit_price, 140000u);
  EXPECT_EQ(r.tiers[kPeak].unit_price, 120000u);
  EXPECT_EQ(r.tiers[kFlat].unit_price, 100000u);
  EXPECT_EQ(r.tiers[kValley].unit_price, 70000u);
  EXPECT_EQ(r.tiers[kPeak].loss_energy, r.tiers[kPeak].energy);
}

TEST(YkcSimRecord, CrossesMidnightIntoTheNextDaysSlots) {
  const auto tz = TimeZone::shanghai();
  // 21:00 → 01:00 next day, 4 kWh: 21–22 flat (1 kWh), 22–24 and 00–01 valley (3 kWh).
  const RecordTiers r = record_tiers(model(), tz, at(tz, 1, 21, 0), at(tz, 2, 1, 0), 40000);
  EXPECT_EQ(r.tiers[kFlat].energy, 10000u);
  EXPECT_EQ(r.tiers[kValley].energy, 30000u);
  EXPECT_EQ(r.tiers[kFlat].amount, 10000u);    // 1 kWh × 1.0 yuan
  EXPECT_EQ(r.tiers[kValley].amount, 21000u);  // 3 kWh × 0.7 yuan
  EXPECT_EQ(r.total_energy, 40000u);
  EXPECT_EQ(r.total_amount, 31000u);
}

TEST(YkcSimRecord, SeveralTiersWithUnevenEnergyStillAddUpExactly) {
  const auto tz = TimeZone::shanghai();
  // 11:45 → 14:15 (150 min): peak 15 min, sharp 120 min, peak 15 min; 1.0007 kWh does not divide evenly.
  const RecordTiers r = record_tiers(model(), tz, at(tz, 1, 11, 45), at(tz, 1, 14, 15), 10007);
  EXPECT_EQ(sum_energy(r), 10007u);
  EXPECT_EQ(r.total_energy, 10007u);
  EXPECT_EQ(sum_amount(r), r.total_amount);
  EXPECT_NEAR(r.tiers[kPeak].energy, 10007.0 * 30 / 150, 1.0);
  EXPECT_NEAR(r.tiers[kSharp].energy, 10007.0 * 120 / 150, 1.0);
  EXPECT_EQ(r.tiers[kFlat].energy + r.tiers[kValley].energy, 0u);
  EXPECT_NEAR(r.tiers[kSharp].amount, r.tiers[kSharp].energy * 1.4, 1.0);
}

TEST(YkcSimRecord, ThePilesLocalTimeDecidesTheTier) {
  const auto shanghai = TimeZone::shanghai();
  const auto berlin = TimeZone::get("Europe/Berlin");
  // The same instants: 12:00–13:00 in Shanghai (sharp) are 06:00–07:00 in Berlin (valley, CEST).
  const int64_t from = at(shanghai, 1, 12, 0), to = at(shanghai, 1, 13, 0);
  EXPECT_EQ(record_tiers(model(), shanghai, from, to, 5000).tiers[kSharp].energy, 5000u);
  EXPECT_EQ(record_tiers(model(), berlin, from, to, 5000).tiers[kValley].energy, 5000u);
}

TEST(YkcSimRecord, ZeroLengthSessionAndInvalidSlotCodes) {
  const auto tz = TimeZone::shanghai();
  YkcBillingModel m = model();
  m.slots[20] = 0x07;  // 10:00–10:30: not a tier code → read as flat
  const int64_t t = at(tz, 1, 10, 10);
  const RecordTiers r = record_tiers(m, tz, t, t, 1234);  // everything in the slot of the start
  EXPECT_EQ(r.tiers[kFlat].energy, 1234u);
  EXPECT_EQ(zc::sim::tariff_of_model(m).tier_of_slot(20), Tier::flat);
  EXPECT_EQ(zc::sim::tariff_of_model(m).tier_of_slot(21), Tier::peak);
  EXPECT_THROW(record_tiers(m, tz, t, t + 1000, -1), std::invalid_argument);
}

TEST(YkcSimRecord, EnergyGrowsWithPowerAndTime) {
  EXPECT_EQ(energy_delivered(60, 3'600'000), 600000);  // 60 kWh
  EXPECT_EQ(energy_delivered(7, 1'800'000), 35000);    // 3.5 kWh
  EXPECT_EQ(energy_delivered(7, 0), 0);
  EXPECT_EQ(energy_delivered(7, -5), 0);
  EXPECT_EQ(energy_delivered(0, 1000), 0);
}

}  // namespace
