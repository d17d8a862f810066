// E-bike tariff validation and billing engine (src/domain/tariff/bike_*). The BikeDocExample tests are
// the worked examples of docs/billing.md, number for number.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "domain/tariff/bike_billing.hpp"
#include "domain/tariff/bike_tariff.hpp"

using namespace zc::tariff;
using zc::money::Fen;

namespace {

constexpr int64_t kMin = 60;
constexpr int64_t kHour = 3600;

BikeTariff mode_a(int32_t unit_minutes, int64_t unit_price_milli) {
  BikeTariff t;
  t.mode = BikeMode::A;
  t.max_duration_min = 720;
  t.auto_stop_amount = 1200;
  t.free_minutes = 5;
  t.unit_minutes = unit_minutes;
  t.unit_price = unit_price_milli;
  return t;
}

std::vector<PowerBand> b_bands() {
  return {{0, 200, 6000}, {200, 400, 9000}, {400, 700, 12000}, {700, std::nullopt, 18000}};
}

BikeTariff mode_b() {
  BikeTariff t = mode_a(60, 0);
  t.mode = BikeMode::B;
  t.bands = b_bands();
  return t;
}

BikeTariff mode_c() {
  BikeTariff t = mode_a(60, 0);
  t.mode = BikeMode::C;
  t.energy_price = 100000;  // 1.00 yuan/kWh
  t.service_price = 50000;  // 0.50 yuan/kWh
  return t;
}

BikeTariff mode_d() {
  BikeTariff t = mode_a(60, 5000);  // 0.50 yuan per started hour
  t.mode = BikeMode::D;
  t.energy_price = 80000;  // 0.80 yuan/kWh
  return t;
}

BikeTariff mode_e() {
  BikeTariff t = mode_a(60, 0);
  t.mode = BikeMode::E;
  t.energy_price = 80000;
  t.bands = {{0, 300, 2000}, {300, 600, 4000}, {600, std::nullopt, 7000}};
  t.auto_stop_amount = 2000;
  return t;
}

BikeSample pw(int64_t at, int32_t w) {
  return {at, w, std::nullopt};
}
BikeSample en(int64_t at, int64_t e) {
  return {at, std::nullopt, e};
}

BikeSession session(int64_t duration_s, std::vector<BikeSample> samples, std::optional<Fen> prepaid = {}) {
  return {duration_s, std::move(samples), prepaid};
}

bool has(const std::vector<std::string>& errs, const std::string& msg) {
  return std::find(errs.begin(), errs.end(), msg) != errs.end();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Validation

TEST(BikeTariffValidation, EveryModeExampleIsValid) {
  for (const auto& t : {mode_a(60, 10000), mode_b(), mode_c(), mode_d(), mode_e()})
    EXPECT_TRUE(validate_bike_tariff(t).empty()) << bike_mode_code(t.mode);
}

TEST(BikeTariffValidation, NamesBandGapsAndOverlaps) {
  BikeTariff t = mode_b();
  t.bands = {{0, 200, 1}, {200, 300, 1}, {250, 400, 1}, {500, std::nullopt, 1}};
  auto errs = validate_bike_tariff(t);
  EXPECT_TRUE(has(errs, "bands: 200W–300W 与 250W–400W 重叠"));
  EXPECT_TRUE(has(errs, "bands: 400W–500W 缺失"));
  EXPECT_EQ(errs.size(), 2u);

  t.bands = {{100, 300, 1}, {400, 500, 1}};  // does not start at 0, gap, closed top band is fine
  errs = validate_bike_tariff(t);
  EXPECT_TRUE(has(errs, "bands: 0W–100W 缺失"));
  EXPECT_TRUE(has(errs, "bands: 300W–400W 缺失"));
  EXPECT_EQ(errs.size(), 2u);

  t.bands = {{0, 1000, 1}, {200, 300, 1}, {300, std::nullopt, 1}};  // one band holding others
  errs = validate_bike_tariff(t);
  EXPECT_TRUE(has(errs, "bands: 0W–1000W 与 200W–300W 重叠"));
  EXPECT_TRUE(has(errs, "bands: 0W–1000W 与 300W以上 重叠"));
  EXPECT_EQ(errs.size(), 2u);

  t.bands = {{0, 200, 1}, {200, std::nullopt, 1}, {400, std::nullopt, 1}};  // open band below the top
  errs = validate_bike_tariff(t);
  EXPECT_TRUE(has(errs, "bands: 200W以上 与 400W以上 重叠"));

  t.bands = {{300, 400, 1}, {0, 300, 1}};  // order does not matter
  EXPECT_TRUE(validate_bike_tariff(t).empty());
}

TEST(BikeTariffValidation, ReturnsEveryProblemNamingTheField) {
  struct Case {
    const char* what;
    std::function<void(BikeTariff&)> edit;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"48h", [](BikeTariff& t) { t.max_duration_min = 48 * 60 + 1; }, "maxDuration: 不能超过48小时"},
      {"0 max", [](BikeTariff& t) { t.max_duration_min = 0; }, "maxDuration: 须大于0"},
      {"amount", [](BikeTariff& t) { t.auto_stop_amount = 0; }, "autoStopAmount: 须大于0"},
      {"free<0", [](BikeTariff& t) { t.free_minutes = -1; }, "freeMinutes: 不能为负数"},
      {"free≥max", [](BikeTariff& t) { t.free_minutes = 720; }, "freeMinutes: 须小于自停阈值"},
      {"unit", [](BikeTariff& t) { t.unit_minutes = 0; }, "unitMinutes: 须在1–1440分钟之间"},
      {"price", [](BikeTariff& t) { t.unit_price = -1; }, "unitPrice: 不能为负数"},
      {"refpower", [](BikeTariff& t) { t.reference_power_w = 0; }, "referencePower: 须在1–10000W之间"},
      {"13 prepay", [](BikeTariff& t) { t.prepay_values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}; },
       "prepayValues: 最多12个预付值"},
      {"dup prepay",
       [](BikeTariff& t) {
         t.prepay_values = {500, 1000, 500, 500};
       },
       "prepayValues: 5.00元 重复"},
      {"0 prepay",
       [](BikeTariff& t) {
         t.prepay_values = {500, 0};
       },
       "prepayValues: 第2个须大于0"},
  };
  for (const auto& c : cases) {
    BikeTariff t = mode_a(60, 10000);
    c.edit(t);
    const auto errs = validate_bike_tariff(t);
    EXPECT_TRUE(has(errs, c.message)) << c.what << ": " << (errs.empty() ? "(none)" : errs.front());
    EXPECT_EQ(errs.size(), 1u) << c.what;
  }
  BikeTariff t = mode_e();
  t.max_duration_min = 3000;
  t.energy_price = -5;
  t.bands = {{0, 300, -1}, {400, 300, 1}};
  const auto errs = validate_bike_tariff(t);
  EXPECT_TRUE(has(errs, "maxDuration: 不能超过48小时"));
  EXPECT_TRUE(has(errs, "energyPrice: 不能为负数"));
  EXPECT_TRUE(has(errs, "bands: 0W–300W 单价不能为负数"));
  EXPECT_TRUE(has(errs, "bands: 400W–300W 上限须大于下限"));
  t.bands.clear();
  EXPECT_TRUE(has(validate_bike_tariff(t), "bands: 至少需要一个功率档"));
}

TEST(BikeTariffValidation, IgnoresFieldsTheModeDoesNotUse) {
  BikeTariff t = mode_a(60, 10000);
  t.bands = {{100, 50, -1}};
  t.energy_price = -1;
  EXPECT_TRUE(validate_bike_tariff(t).empty());
  EXPECT_EQ(parse_bike_mode("e"), BikeMode::E);
  EXPECT_FALSE(parse_bike_mode("F").has_value());
  EXPECT_FALSE(parse_bike_mode("").has_value());
}

TEST(BikeBilling, RejectsAnInvalidTariff) {
  BikeTariff t = mode_a(60, 10000);
  t.max_duration_min = 5000;
  EXPECT_THROW(bill_bike_session(t, session(60, {})), std::invalid_argument);
  EXPECT_THROW(bike_prepaid_duration(t, 100), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------------
// Worked examples of docs/billing.md

TEST(BikeDocExample, A1_StartedHoursCountInFull) {
  const auto b = bill_bike_session(mode_a(60, 10000), session(2 * kHour + 10 * kMin, {}));
  EXPECT_EQ(b.billed_s, 7800);
  EXPECT_EQ(b.units, 3);
  EXPECT_EQ(b.service_fee_milli, 30000);
  EXPECT_EQ(b.gross, 300);
  EXPECT_EQ(b.total, 300);
  EXPECT_EQ(b.energy_fee, 0);
  EXPECT_EQ(b.service_fee, 300);
}

TEST(BikeDocExample, A2_FreeMinutes) {
  const auto t = mode_a(60, 10000);
  const auto in = bill_bike_session(t, session(5 * kMin, {}));
  EXPECT_TRUE(in.free);
  EXPECT_EQ(in.units, 0);
  EXPECT_EQ(in.total, 0);
  const auto after = bill_bike_session(t, session(5 * kMin + 1, {}));
  EXPECT_FALSE(after.free);
  EXPECT_EQ(after.units, 1);
  EXPECT_EQ(after.total, 100);
}

TEST(BikeDocExample, A3_HalfUpOnceAtSettlement) {
  const auto b = bill_bike_session(mode_a(30, 1250), session(75 * kMin, {}));
  EXPECT_EQ(b.units, 3);
  EXPECT_EQ(b.gross_milli, 3750);
  EXPECT_EQ(b.total, 38);
}

TEST(BikeDocExample, B1_SustainedPowerIgnoresTheStartUpSpike) {
  const auto b = bill_bike_session(
      mode_b(), session(9000, {pw(0, 850), pw(5, 320), pw(1800, 380), pw(3600, 250), pw(7200, 120)}));
  EXPECT_EQ(b.power_w, 380);
  ASSERT_TRUE(b.band);
  EXPECT_EQ(format_band(*b.band), "200W–400W");
  EXPECT_EQ(b.units, 3);
  EXPECT_EQ(b.service_fee_milli, 27000);
  EXPECT_EQ(b.total, 270);
}

TEST(BikeDocExample, B2_BandRiseRepricesTheWholeSession) {
  const auto b = bill_bike_session(mode_b(), session(5400, {pw(0, 180), pw(2400, 450)}));
  EXPECT_EQ(b.power_w, 450);
  EXPECT_EQ(format_band(*b.band), "400W–700W");
  EXPECT_EQ(b.units, 2);
  EXPECT_EQ(b.gross_milli, 24000);
  EXPECT_EQ(b.total, 240);
}

TEST(BikeDocExample, C1_UnifiedPerKwh) {
  const auto b = bill_bike_session(mode_c(), session(4000, {en(1800, 1500), en(3600, 2900), en(4000, 3217)}));
  EXPECT_EQ(b.energy, 3217);
  EXPECT_EQ(b.units, 0);
  EXPECT_EQ(b.energy_fee_nano, 321700000);
  EXPECT_EQ(b.service_fee_nano, 160850000);
  EXPECT_EQ(b.energy_fee_milli, 3217);
  EXPECT_EQ(b.service_fee_milli, 1609);
  EXPECT_EQ(b.gross_milli, 4826);
  EXPECT_EQ(b.total, 48);
  EXPECT_EQ(b.energy_fee, 32);
  EXPECT_EQ(b.service_fee, 16);
}

TEST(BikeDocExample, D1_EnergyPlusServicePerStartedHour) {
  const auto b = bill_bike_session(mode_d(), session(7500, {pw(0, 300)}));
  EXPECT_EQ(b.energy, 6250);
  EXPECT_EQ(b.energy_fee_milli, 5000);
  EXPECT_EQ(b.units, 3);
  EXPECT_EQ(b.service_fee_milli, 15000);
  EXPECT_EQ(b.total, 200);
  EXPECT_EQ(b.energy_fee, 50);
  EXPECT_EQ(b.service_fee, 150);
}

TEST(BikeDocExample, E1_EnergyPlusBandServiceFee) {
  const auto b = bill_bike_session(mode_e(), session(6000, {pw(0, 520), pw(3600, 410), pw(5400, 200)}));
  EXPECT_EQ(b.energy, 7583);
  EXPECT_EQ(b.energy_fee_milli, 6066);
  EXPECT_EQ(b.power_w, 520);
  EXPECT_EQ(format_band(*b.band), "300W–600W");
  EXPECT_EQ(b.units, 2);
  EXPECT_EQ(b.service_fee_milli, 8000);
  EXPECT_EQ(b.gross_milli, 14066);
  EXPECT_EQ(b.total, 141);
  EXPECT_EQ(b.energy_fee, 61);
  EXPECT_EQ(b.service_fee, 80);
}

TEST(BikeDocExample, T1_AutoStopAtMaxDuration) {
  BikeTariff t = mode_a(60, 10000);
  t.max_duration_min = 480;
  t.auto_stop_amount = 1000;
  const auto b = bill_bike_session(t, session(29000, {}));
  EXPECT_TRUE(b.max_duration_reached);
  EXPECT_EQ(b.billed_s, 28800);
  EXPECT_EQ(b.units, 8);
  EXPECT_EQ(b.total, 800);
  EXPECT_EQ(b.cap, BikeCap::none);
}

TEST(BikeDocExample, T2_AutoStopAmount) {
  BikeTariff t = mode_a(60, 10000);
  t.auto_stop_amount = 500;
  const auto b = bill_bike_session(t, session(6 * kHour + 30 * kMin, {}));
  EXPECT_EQ(b.units, 7);
  EXPECT_EQ(b.gross, 700);
  EXPECT_EQ(b.total, 500);
  EXPECT_EQ(b.cap, BikeCap::auto_stop_amount);
}

TEST(BikeDocExample, T3_PrepaidCap) {
  const auto b = bill_bike_session(mode_a(60, 10000), session(4 * kHour, {}, 300));
  EXPECT_EQ(b.gross, 400);
  EXPECT_EQ(b.total, 300);
  EXPECT_EQ(b.cap, BikeCap::prepaid);
}

TEST(BikeDocExample, T4_CapComesOffTheServiceFeeFirst) {
  BikeTariff t = mode_e();
  const auto b = bill_bike_session(t, session(6000, {pw(0, 520), pw(3600, 410), pw(5400, 200)}, 100));
  EXPECT_EQ(b.gross, 141);
  EXPECT_EQ(b.total, 100);
  EXPECT_EQ(b.energy_fee, 61);
  EXPECT_EQ(b.service_fee, 39);
}

TEST(BikeDocExample, P1_PrepayDurationModeA) {
  BikeTariff t = mode_a(30, 1250);
  t.max_duration_min = 480;
  t.auto_stop_amount = 2000;
  auto r = bike_prepaid_duration(t, 38);
  EXPECT_EQ(r.duration_s, 90 * kMin);
  EXPECT_EQ(r.bill, 38);
  EXPECT_EQ(bike_billing_test(t, 91 * kMin).total, 50);
  r = bike_prepaid_duration(t, 100);
  EXPECT_EQ(r.duration_s, 240 * kMin);
  EXPECT_EQ(r.bill, 100);
  r = bike_prepaid_duration(t, 4000);  // more than the auto-stop amount: the whole threshold
  EXPECT_EQ(r.duration_s, 480 * kMin);
  EXPECT_TRUE(r.max_duration);
  r = bike_prepaid_duration(t, 10);  // not even one unit: the free minutes
  EXPECT_EQ(r.duration_s, 5 * kMin);
  EXPECT_EQ(r.bill, 0);
}

TEST(BikeDocExample, P2_PrepayDurationModeCAtReferencePower) {
  const auto t = mode_c();  // reference power 500 W
  const auto r = bike_prepaid_duration(t, 200);
  EXPECT_EQ(r.power_w, 500);
  EXPECT_EQ(r.duration_s, 160 * kMin);
  const auto b = bike_billing_test(t, 160 * kMin);
  EXPECT_EQ(b.energy, 13333);
  EXPECT_EQ(b.energy_fee_milli, 13333);
  EXPECT_EQ(b.service_fee_milli, 6667);
  EXPECT_EQ(b.total, 200);
  EXPECT_EQ(bike_billing_test(t, 161 * kMin).total, 201);
}

TEST(BikeDocExample, P3_PrepayDurationModeEAtStartPower) {
  const auto t = mode_e();
  const auto r = bike_prepaid_duration(t, 300, 520);
  EXPECT_EQ(r.duration_s, 202 * kMin);
  EXPECT_EQ(format_band(*r.band), "300W–600W");
  EXPECT_EQ(r.bill, 300);
  const auto b = bike_billing_test(t, 202 * kMin, 520);
  EXPECT_EQ(b.energy, 17507);
  EXPECT_EQ(b.energy_fee_milli, 14006);
  EXPECT_EQ(b.service_fee_milli, 16000);
  EXPECT_EQ(bike_billing_test(t, 203 * kMin, 520).total, 301);
}

// ---------------------------------------------------------------------------------------------------
// Table: every mode, free minutes, thresholds, zero length, rounding

TEST(BikeBilling, Table) {
  struct Case {
    const char* name;
    BikeTariff tariff;
    BikeSession s;
    Fen total;
    int64_t units;
    BikeCap cap;
  };
  BikeTariff a_round = mode_a(60, 12345);  // 1.2345 yuan/h
  BikeTariff c_round = mode_c();
  c_round.energy_price = 150000;
  c_round.service_price = 0;
  BikeTariff d_zero = mode_d();
  d_zero.free_minutes = 0;
  BikeTariff e_cap = mode_e();
  e_cap.auto_stop_amount = 1000;
  const std::vector<Case> cases = {
      {"A zero length", mode_a(60, 10000), session(0, {}), 0, 0, BikeCap::none},
      {"D zero length, no free minutes", d_zero, session(0, {pw(0, 300)}), 0, 0, BikeCap::none},
      {"A one second after free", mode_a(60, 10000), session(301, {}), 100, 1, BikeCap::none},
      {"A exactly one hour", mode_a(60, 10000), session(3600, {}), 100, 1, BikeCap::none},
      {"A one hour and a second", mode_a(60, 10000), session(3601, {}), 200, 2, BikeCap::none},
      {"A 1.2345/h × 1 → 123.45 fen → 123", a_round, session(3600, {}), 123, 1, BikeCap::none},
      {"A 1.2345/h × 2 → 246.9 fen → 247", a_round, session(7200, {}), 247, 2, BikeCap::none},
      {"A negative duration", mode_a(60, 10000), session(-50, {}), 0, 0, BikeCap::none},
      {"B no samples → lowest band", mode_b(), session(3600, {}), 60, 1, BikeCap::none},
      {"B on a boundary → upper band", mode_b(), session(3600, {pw(0, 400)}), 120, 1, BikeCap::none},
      {"B above the top band", mode_b(), session(3600, {pw(0, 9000)}), 180, 1, BikeCap::none},
      {"B taper keeps the band", mode_b(), session(3 * kHour, {pw(0, 650), pw(1200, 300), pw(2400, 60)}), 360,
       3, BikeCap::none},
      {"B 30 s surge ignored", mode_b(), session(3600, {pw(0, 150), pw(600, 900), pw(630, 150)}), 60, 1,
       BikeCap::none},
      {"B 60 s surge counts", mode_b(), session(3600, {pw(0, 150), pw(600, 900), pw(660, 150)}), 180, 1,
       BikeCap::none},
      {"B band from meter deltas", mode_b(), session(3600, {en(600, 500), en(1200, 1000), en(3600, 2000)}),
       90, 1, BikeCap::none},
      // 0.0033 kWh × 1.5 yuan = 0.00495 yuan = 0.495 fen → 0: rounded once from the exact amount,
      // never via 0.0050 yuan; 0.0034 kWh → 0.0051 yuan → 1 fen
      {"C 0.0033 kWh → 0.495 fen → 0", c_round, session(600, {en(600, 33)}), 0, 0, BikeCap::none},
      {"C 0.0034 kWh → 0.51 fen → 1", c_round, session(600, {en(600, 34)}), 1, 0, BikeCap::none},
      {"C free minutes with energy", mode_c(), session(200, {en(200, 100)}), 0, 0, BikeCap::none},
      // one second after the free minutes: 0.01 kWh × 1.50 yuan = 1.5 fen → 2
      {"C just after the free minutes", mode_c(), session(301, {en(301, 100)}), 2, 0, BikeCap::none},
      // 301 s at 360 W = 0.0301 kWh × 0.80 = 2.408 fen + one started hour 50 fen → 52
      {"D just after the free minutes", mode_d(), session(301, {pw(0, 360)}), 52, 1, BikeCap::none},
      // 250 W then 650 W: band 600 W以上 for the whole hour; 0.45 kWh × 0.80 + 0.70 = 1.06 yuan
      {"E band rise", mode_e(), session(3600, {pw(0, 250), pw(1800, 650)}), 106, 1, BikeCap::none},
      {"D power integrated", mode_d(), session(3600, {pw(0, 360), pw(1800, 0)}), 64, 1, BikeCap::none},
      {"D prepaid cap", mode_d(), session(7500, {pw(0, 300)}, 120), 120, 3, BikeCap::prepaid},
      {"D prepaid above amount", mode_d(), session(7500, {pw(0, 300)}, 5000), 200, 3, BikeCap::none},
      // 12 h at 700 W: 8.4 kWh × 0.80 = 6.72 yuan + 12 × 0.70 = 8.40 yuan → 15.12 yuan
      {"E exactly the threshold", mode_e(), session(12 * kHour, {pw(0, 700)}), 1512, 12, BikeCap::none},
      {"E past the threshold", mode_e(), session(13 * kHour, {pw(0, 700)}), 1512, 12, BikeCap::none},
      {"E amount cap", e_cap, session(13 * kHour, {pw(0, 700)}), 1000, 12, BikeCap::auto_stop_amount},
      {"E prepaid zero", mode_e(), session(3600, {pw(0, 700)}, 0), 0, 1, BikeCap::prepaid},
  };
  for (const auto& c : cases) {
    const auto b = bill_bike_session(c.tariff, c.s);
    EXPECT_EQ(b.total, c.total) << c.name;
    EXPECT_EQ(b.units, c.units) << c.name;
    EXPECT_EQ(b.cap, c.cap) << c.name;
    EXPECT_EQ(b.energy_fee + b.service_fee, b.total) << c.name;
  }
}

TEST(BikeBilling, MaxDurationCutsEnergyAtTheThreshold) {
  BikeTariff t = mode_c();
  t.max_duration_min = 120;
  // meter 2000 at 1 h, 5000 at 2 h 30 min; threshold 2 h → 2000 + 3000 × 3600/5400 = 4000
  const auto b = bill_bike_session(t, session(9000, {en(3600, 2000), en(9000, 5000)}));
  EXPECT_TRUE(b.max_duration_reached);
  EXPECT_EQ(b.billed_s, 7200);
  EXPECT_EQ(b.energy, 4000);
  EXPECT_EQ(b.gross_milli, 6000);
  // power samples after the threshold are not integrated
  const auto p = bill_bike_session(t, session(9000, {pw(0, 360), pw(7200, 9000)}));
  EXPECT_EQ(p.energy, 7200);
}

TEST(BikeBilling, LateReportsBeforeTheThresholdCountAtTheEnd) {
  // the final meter reading stamped a second after the reported duration is clock skew, not lost energy
  const auto b = bill_bike_session(mode_c(), session(3600, {en(1800, 900), en(3601, 1800)}));
  EXPECT_EQ(b.energy, 1800);
}

TEST(BikeBilling, MeterGoingBackIsIgnored) {
  const auto b = bill_bike_session(mode_c(), session(3600, {en(1200, 1000), en(2400, 400), en(3600, 1500)}));
  EXPECT_EQ(b.energy, 1500);
  const auto c = bill_bike_session(mode_c(), session(3600, {en(1200, 1000), en(3600, 400)}));
  EXPECT_EQ(c.energy, 1000);
}

TEST(BikeBilling, SampleOrderDoesNotMatter) {
  std::vector<BikeSample> s = {pw(0, 520), en(1800, 2600), pw(3600, 410), en(3600, 5200), pw(5400, 200)};
  const auto a = bill_bike_session(mode_e(), session(6000, s));
  std::reverse(s.begin(), s.end());
  const auto b = bill_bike_session(mode_e(), session(6000, s));
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(a.energy, b.energy);
  EXPECT_EQ(a.power_w, b.power_w);
}

TEST(BikeBilling, ShortSessionUsesTheWholeSpan) {
  BikeTariff t = mode_b();
  t.free_minutes = 0;
  auto b = bill_bike_session(t, session(40, {pw(0, 450), pw(20, 350)}));
  EXPECT_EQ(b.power_w, 350);
  b = bill_bike_session(t, session(0, {pw(0, 450)}));
  EXPECT_EQ(b.power_w, 450);
  EXPECT_EQ(b.total, 0);
}

TEST(BikeBilling, HostileValuesAreClamped) {
  BikeSession s = session(INT64_MAX, {pw(-5, INT32_MAX), en(INT64_MAX, INT64_MAX), pw(100, -3)});
  const auto b = bill_bike_session(mode_e(), s);
  EXPECT_EQ(b.billed_s, 720 * kMin);
  EXPECT_LE(b.total, 2000);
  EXPECT_GE(b.energy, 0);
}

TEST(BikeBilling, ZeroPriceBuysTheWholeThreshold) {
  BikeTariff t = mode_a(60, 0);
  const auto r = bike_prepaid_duration(t, 0);
  EXPECT_EQ(r.duration_s, 720 * kMin);
  EXPECT_TRUE(r.max_duration);
}

// ---------------------------------------------------------------------------------------------------
// Seeded property test

namespace {

BikeTariff random_tariff(std::mt19937_64& rng) {
  auto pick = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  BikeTariff t;
  t.mode = static_cast<BikeMode>('A' + pick(0, 4));
  t.max_duration_min = static_cast<int32_t>(pick(30, kBikeMaxDurationMin));
  t.free_minutes =
      static_cast<int32_t>(pick(0, 3) == 0 ? 0 : pick(0, std::min<int64_t>(15, t.max_duration_min - 1)));
  t.auto_stop_amount = pick(1, 3000);
  t.unit_minutes = static_cast<int32_t>(std::vector<int64_t>{1, 15, 30, 60, 120}[pick(0, 4)]);
  t.unit_price = pick(0, 30000);
  t.energy_price = pick(0, 200000);
  t.service_price = pick(0, 100000);
  t.reference_power_w = static_cast<int32_t>(pick(50, 1500));
  const int64_t n = pick(1, 6);
  int32_t lo = 0;
  for (int64_t i = 0; i < n; ++i) {
    const int32_t hi = lo + static_cast<int32_t>(pick(1, 400));
    const bool top = i + 1 == n;
    t.bands.push_back({lo, top && pick(0, 1) ? std::nullopt : std::optional<int32_t>(hi), pick(0, 30000)});
    lo = hi;
  }
  std::shuffle(t.bands.begin(), t.bands.end(), rng);
  return t;
}

BikeSession random_session(std::mt19937_64& rng, const BikeTariff& t) {
  auto pick = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  BikeSession s;
  s.duration_s =
      pick(0, 5) == 0 ? pick(0, t.free_minutes * 60 + 120) : pick(0, t.max_duration_min * 60 + 7200);
  const int64_t kind = pick(0, 2);  // 0 power, 1 energy, 2 both
  int64_t e = 0;
  for (int64_t i = 0, n = pick(0, 40); i < n; ++i) {
    BikeSample x;
    x.at_s = pick(0, s.duration_s + 30);
    if (kind != 1) x.power_w = static_cast<int32_t>(pick(0, 1200));
    if (kind != 0) x.energy = e += pick(0, 800);
    s.samples.push_back(x);
  }
  if (kind != 0)  // cumulative readings grow with time
    std::sort(s.samples.begin(), s.samples.end(),
              [](const auto& a, const auto& b) { return a.at_s < b.at_s; });
  std::vector<std::optional<int64_t>> energies;
  for (auto& x : s.samples) energies.push_back(x.energy);
  std::sort(energies.begin(), energies.end());
  for (size_t i = 0; i < s.samples.size(); ++i) s.samples[i].energy = energies[i];
  if (pick(0, 1)) s.prepaid = pick(0, 3000);
  std::shuffle(s.samples.begin(), s.samples.end(), rng);
  return s;
}

}  // namespace

TEST(BikeProperty, InvariantsHoldOnRandomSessions) {
  std::mt19937_64 rng(20240611);
  int checked = 0;
  for (int i = 0; i < 1500; ++i) {
    const BikeTariff t = random_tariff(rng);
    ASSERT_TRUE(validate_bike_tariff(t).empty()) << i << ": " << validate_bike_tariff(t).front();
    const BikeSession s = random_session(rng, t);
    const BikeBill b = bill_bike_session(t, s);
    const int64_t max_s = int64_t{t.max_duration_min} * 60;
    SCOPED_TRACE(testing::Message() << "case " << i << " mode " << bike_mode_code(t.mode) << " duration "
                                    << s.duration_s);
    // amounts
    ASSERT_GE(b.energy_fee, 0);
    ASSERT_GE(b.service_fee, 0);
    ASSERT_EQ(b.energy_fee + b.service_fee, b.total);
    ASSERT_LE(b.total, b.gross);
    ASSERT_LE(b.total, t.auto_stop_amount);
    if (s.prepaid) {
      ASSERT_LE(b.total, *s.prepaid);
    }
    ASSERT_EQ(b.total == b.gross, b.cap == BikeCap::none);
    ASSERT_EQ(b.gross, zc::money::div_round_half_up(b.energy_fee_nano + b.service_fee_nano, 10000000));
    ASSERT_EQ(b.gross_milli, zc::money::nano_to_milli(b.energy_fee_nano + b.service_fee_nano));
    ASSERT_EQ(b.gross_milli, b.energy_fee_milli + b.service_fee_milli);
    ASSERT_GE(b.service_fee_milli, 0);
    // durations and units
    ASSERT_EQ(b.billed_s, std::min(std::max<int64_t>(s.duration_s, 0), max_s));
    const bool free = t.free_minutes > 0 && s.duration_s <= t.free_minutes * 60;
    ASSERT_EQ(b.free, free);
    if (free) {
      ASSERT_EQ(b.total, 0);
    }
    if (!free && bike_mode_uses_units(t.mode)) {
      const int64_t unit_s = t.unit_minutes * 60;
      ASSERT_GE(b.units * unit_s, b.billed_s);
      ASSERT_LT((b.units - 1) * unit_s, std::max<int64_t>(b.billed_s, 1));
    }
    if (t.mode == BikeMode::A && !free) {
      ASSERT_EQ(b.service_fee_nano, b.units * t.unit_price * 100000);
    }
    if (bike_mode_uses_energy(t.mode)) {
      ASSERT_EQ(b.energy_fee_nano, free ? 0 : b.energy * t.energy_price);
    }
    // band
    if (bike_mode_uses_bands(t.mode)) {
      ASSERT_TRUE(b.band);
      const auto sorted = sorted_bands(t.bands);
      const bool top = b.band->min_w == sorted.back().min_w;
      ASSERT_LE(b.band->min_w, b.power_w);
      if (!top) {
        ASSERT_LT(b.power_w, *b.band->max_w);
      }
      if (!free) {
        ASSERT_EQ(b.service_fee_nano, b.units * b.band->unit_price * 100000);
      }
    }
    // sample order is irrelevant
    BikeSession r = s;
    std::reverse(r.samples.begin(), r.samples.end());
    const BikeBill rb = bill_bike_session(t, r);
    ASSERT_EQ(rb.total, b.total);
    ASSERT_EQ(rb.energy, b.energy);
    ASSERT_EQ(rb.power_w, b.power_w);

    // constant power: energy and monotony in duration
    const int32_t p = static_cast<int32_t>(std::uniform_int_distribution<int>(1, 1200)(rng));
    const int64_t d = std::max<int64_t>(s.duration_s, t.free_minutes * 60 + 1);
    const BikeBill c1 = bike_billing_test(t, d, p);
    const BikeBill c2 = bike_billing_test(t, d + std::uniform_int_distribution<int>(1, 3600)(rng), p);
    ASSERT_EQ(c1.energy, zc::money::div_round_half_up(int64_t{p} * std::min(d, max_s), 360));
    ASSERT_EQ(c1.power_w, p);
    ASSERT_LE(c1.total, c2.total);

    // prepay → duration round trip
    const Fen amount = std::uniform_int_distribution<Fen>(0, t.auto_stop_amount * 3 / 2)(rng);
    const auto pd = bike_prepaid_duration(t, amount, p);
    ASSERT_EQ(pd.duration_s % 60, 0);
    ASSERT_GE(pd.duration_s, t.free_minutes * 60);
    ASSERT_LE(pd.duration_s, max_s);
    ASSERT_LE(bike_billing_test(t, pd.duration_s, p).total, amount);
    ASSERT_EQ(pd.bill, bike_billing_test(t, pd.duration_s, p).total);
    if (!pd.max_duration) {
      ASSERT_GT(bike_billing_test(t, pd.duration_s + 60, p).total, amount);
    }
    if (amount >= t.auto_stop_amount) {
      ASSERT_TRUE(pd.max_duration);
    }
    // billing the bought duration with the prepaid amount never hits the prepaid cap
    ASSERT_NE(bill_bike_session(t, constant_power_session(pd.duration_s, p, amount)).cap, BikeCap::prepaid);
    ++checked;
  }
  EXPECT_EQ(checked, 1500);
}

TEST(BikeProperty, SustainedPowerMatchesBruteForce) {
  // The definition, evaluated second by second: max over window starts of the min power in the window.
  std::mt19937_64 rng(7);
  auto pick = [&](int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); };
  BikeTariff t = mode_b();
  t.free_minutes = 0;
  for (int i = 0; i < 400; ++i) {
    const int64_t duration = pick(0, 1800);
    std::vector<BikeSample> samples;
    for (int64_t k = 0, n = pick(1, 12); k < n; ++k) {
      // short holds are frequent so that windows straddle several reports
      samples.push_back(
          pw(pick(0, duration), static_cast<int32_t>(pick(0, 3) == 0 ? pick(0, 1000) : pick(100, 140))));
    }
    const auto b = bill_bike_session(t, session(duration, samples));
    std::sort(samples.begin(), samples.end(), [](const BikeSample& x, const BikeSample& y) {
      return std::tie(x.at_s, x.power_w) < std::tie(y.at_s, y.power_w);
    });
    std::vector<int32_t> per_second;  // power during [first report + k, first report + k + 1)
    for (int64_t s = samples.front().at_s; s < duration; ++s) {
      int32_t w = 0;
      for (const auto& x : samples)
        if (x.at_s <= s) w = *x.power_w;
      per_second.push_back(w);
    }
    int64_t expect;
    if (per_second.empty()) {
      expect = *samples.back().power_w;
    } else if (static_cast<int64_t>(per_second.size()) < kBikeSustainWindowS) {
      expect = *std::min_element(per_second.begin(), per_second.end());
    } else {
      expect = 0;
      for (size_t s = 0; s + kBikeSustainWindowS <= per_second.size(); ++s)
        expect = std::max<int64_t>(
            expect, *std::min_element(per_second.begin() + s, per_second.begin() + s + kBikeSustainWindowS));
    }
    ASSERT_EQ(b.power_w, expect) << "case " << i << " duration " << duration;
  }
}
