// Driver app rules (src/service/driver): phone numbers, licence plates, distances, the tariff view's periods
// and current tier.
#include <gtest/gtest.h>

#include "core/timezone.hpp"
#include "domain/tariff/car_tariff.hpp"
#include "service/driver/phone.hpp"
#include "service/driver/plate.hpp"
#include "service/driver/station_finder.hpp"
#include "service/driver/tariff_view.hpp"

using namespace zc;

TEST(AppPhone, MainlandMobileNumbers) {
  for (const char* ok : {"13800138000", "19912345678", "15000000000"})
    EXPECT_TRUE(driver::is_mainland_mobile(ok)) << ok;
  for (const char* bad : {"", "1380013800", "138001380000", "12800138000", "23800138000", "1380013800a",
                          "+8613800138000", "１3800138000"})
    EXPECT_FALSE(driver::is_mainland_mobile(bad)) << bad;
}

TEST(AppPlate, ValidPlatesAreNormalised) {
  EXPECT_EQ(driver::normalize_plate("粤B12345"), "粤B12345");
  EXPECT_EQ(driver::normalize_plate("粤b 123 45"), "粤B12345");
  EXPECT_EQ(driver::normalize_plate("京·AD12345"), "京AD12345");  // new energy, small car
  EXPECT_EQ(driver::normalize_plate("沪A12345F"), "沪A12345F");   // new energy, large car
  EXPECT_EQ(driver::normalize_plate("苏E1234学"), "苏E1234学");
  EXPECT_EQ(driver::normalize_plate("浙A1234挂"), "浙A1234挂");
  EXPECT_EQ(driver::normalize_plate("川AFA1234"), "川AFA1234");  // D/F + letter-or-digit + 4 digits
}

TEST(AppPlate, InvalidPlatesAreRefused) {
  for (const char* bad :
       {"", "粤B1234", "粤B1234567", "AB12345", "美B12345", "粤112345", "粤I12345", "粤B1234O", "粤BA12345",
        "粤B123456", "粤BD1234A", "川AF1A234", "粤B12345学生", "粤B\xff\xfe", "粤B12$45"})
    EXPECT_FALSE(driver::normalize_plate(bad).has_value()) << bad;
}

TEST(AppDistance, HaversineMetres) {
  EXPECT_NEAR(driver::distance_m({22.5405, 113.9535}, {22.5405, 113.9535}), 0, 1e-6);
  // One degree of latitude ≈ 111.2 km on the mean sphere.
  EXPECT_NEAR(driver::distance_m({0, 0}, {1, 0}), 111195, 1);
  EXPECT_NEAR(driver::distance_m({30, 120}, {30, 121}), 96297, 2);  // a degree of longitude at 30°N
  EXPECT_NEAR(driver::distance_m({0, 0}, {0, 180}), 6371008.8 * 3.14159265358979, 1);
}

TEST(AppTariffView, TouPeriodsAndCurrentTierInLocalTime) {
  tariff::CarTariffInput in;
  in.mode = tariff::TariffMode::tou;
  in.tier_prices[tariff::index_of(tariff::Tier::peak)] = tariff::TierPrice{120000, 60000};
  in.tier_prices[tariff::index_of(tariff::Tier::valley)] = tariff::TierPrice{40000, 30000};
  in.periods = {{"00:00", "08:00", "valley"}, {"08:00", "22:00", "peak"}, {"22:00", "24:00", "valley"}};
  auto t = tariff::make_car_tariff(in);
  auto zone = TimeZone::shanghai();
  // 2024-03-01 07:30 in Shanghai = 2024-02-29 23:30 UTC: valley 00:00–08:00.
  int64_t at = zone.to_utc({{2024, 3, 1}, 7, 30, 0, 0});
  auto o = driver::car_tariff_json(t, zone, at);
  EXPECT_EQ(o.at("mode").as_string(), "tou");
  ASSERT_EQ(o.at("periods").as_array().size(), 3u);
  EXPECT_EQ(o.at("periods").as_array()[1].as_object().at("start").as_string(), "08:00");
  EXPECT_EQ(o.at("periods").as_array()[1].as_object().at("end").as_string(), "22:00");
  const auto& cur = o.at("current").as_object();
  EXPECT_EQ(cur.at("tier").as_string(), "valley");
  EXPECT_EQ(cur.at("start").as_string(), "00:00");
  EXPECT_EQ(cur.at("end").as_string(), "08:00");
  EXPECT_EQ(cur.at("unitPrice").as_int64(), 70000);
  EXPECT_EQ(o.at("tiers").as_array().size(), 2u);
  // 08:00 local: peak.
  auto peak = driver::car_tariff_json(t, zone, zone.to_utc({{2024, 3, 1}, 8, 0, 0, 0}));
  EXPECT_EQ(peak.at("current").as_object().at("tier").as_string(), "peak");
  EXPECT_EQ(peak.at("current").as_object().at("energyPrice").as_int64(), 120000);
}

// The station list's price now (tariff_view.hpp): the car tier in force in the station's local time, an
// e-bike tariff's unit price per mode, and the lowest of a station's areas with `varies`.
TEST(AppPriceNow, CarPriceInForceInTheStationsZone) {
  tariff::CarTariffInput in;
  in.mode = tariff::TariffMode::tou;
  in.tier_prices[tariff::index_of(tariff::Tier::peak)] = tariff::TierPrice{120000, 60000};
  in.tier_prices[tariff::index_of(tariff::Tier::valley)] = tariff::TierPrice{40000, 30000};
  in.periods = {{"00:00", "08:00", "valley"}, {"08:00", "22:00", "peak"}, {"22:00", "24:00", "valley"}};
  auto t = tariff::make_car_tariff(in);
  // 07:59 in Shanghai is valley; the same instant is 00:59 in London (valley too) — 08:00 Shanghai is peak,
  // 01:00 London still valley: the zone decides.
  auto sh = TimeZone::shanghai();
  auto london = *TimeZone::find("Europe/London");
  int64_t at = sh.to_utc({{2024, 3, 1}, 8, 0, 0, 0});
  auto p = driver::car_price_now(t, sh, at);
  EXPECT_EQ(p.at("tier").as_string(), "peak");
  EXPECT_EQ(p.at("unitPrice").as_int64(), 180000);
  EXPECT_EQ(p.at("start").as_string(), "08:00");
  EXPECT_EQ(p.at("end").as_string(), "22:00");
  EXPECT_EQ(driver::car_price_now(t, london, at).at("tier").as_string(), "valley");
  // the station detail's `current` is the same object
  EXPECT_EQ(driver::car_tariff_json(t, sh, at).at("current").as_object(), p);
}

TEST(AppPriceNow, BikeUnitPricePerMode) {
  tariff::BikeTariff a;
  a.mode = tariff::BikeMode::A;
  a.unit_minutes = 60;
  a.unit_price = 10000;  // 1.00 yuan an hour
  auto pa = driver::bike_price_now(a);
  EXPECT_EQ(pa.at("mode").as_string(), "A");
  EXPECT_EQ(pa.at("unitPrice").as_int64(), 10000);
  EXPECT_EQ(pa.at("unitMinutes").as_int64(), 60);
  EXPECT_FALSE(pa.contains("kwhPrice"));
  EXPECT_FALSE(pa.at("banded").as_bool());

  tariff::BikeTariff b = a;  // bands: the lowest band's price, banded
  b.mode = tariff::BikeMode::B;
  b.bands = {{0, 200, 5000}, {200, 400, 8000}, {400, std::nullopt, 12000}};
  auto pb = driver::bike_price_now(b);
  EXPECT_EQ(pb.at("unitPrice").as_int64(), 5000);
  EXPECT_TRUE(pb.at("banded").as_bool());

  tariff::BikeTariff c;  // per kWh: energy + service
  c.mode = tariff::BikeMode::C;
  c.energy_price = 100000;
  c.service_price = 50000;
  auto pc = driver::bike_price_now(c);
  EXPECT_EQ(pc.at("kwhPrice").as_int64(), 150000);
  EXPECT_FALSE(pc.contains("unitPrice"));

  tariff::BikeTariff d = a;  // energy per kWh + a service fee per unit
  d.mode = tariff::BikeMode::D;
  d.energy_price = 80000;
  auto pd = driver::bike_price_now(d);
  EXPECT_EQ(pd.at("kwhPrice").as_int64(), 80000);
  EXPECT_EQ(pd.at("unitPrice").as_int64(), 10000);
}

TEST(AppPriceNow, LowestOfTheAreasAndWhetherTheyDiffer) {
  EXPECT_TRUE(driver::lowest_price({}).is_null());
  boost::json::object cheap{{"tier", "flat"},      {"energyPrice", 80000}, {"servicePrice", 40000},
                            {"unitPrice", 120000}, {"start", "00:00"},     {"end", "24:00"}};
  boost::json::object dear = cheap;
  dear["servicePrice"] = 60000;
  dear["unitPrice"] = 140000;
  auto one = driver::lowest_price({cheap}).as_object();
  EXPECT_EQ(one.at("unitPrice").as_int64(), 120000);
  EXPECT_FALSE(one.at("varies").as_bool());
  auto two = driver::lowest_price({dear, cheap}).as_object();
  EXPECT_EQ(two.at("unitPrice").as_int64(), 120000);
  EXPECT_TRUE(two.at("varies").as_bool());
  // the same price in two areas whose periods differ: one price
  boost::json::object same = cheap;
  same["start"] = "08:00";
  EXPECT_FALSE(driver::lowest_price({cheap, same}).as_object().at("varies").as_bool());
  // e-bike: by kWh price, then unit price
  boost::json::object ba{{"mode", "D"}, {"kwhPrice", 80000}, {"unitPrice", 9000}, {"unitMinutes", 60}};
  boost::json::object bb{{"mode", "D"}, {"kwhPrice", 80000}, {"unitPrice", 7000}, {"unitMinutes", 60}};
  auto bike = driver::lowest_price({ba, bb}).as_object();
  EXPECT_EQ(bike.at("unitPrice").as_int64(), 7000);
  EXPECT_TRUE(bike.at("varies").as_bool());
}
