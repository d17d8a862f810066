// Pure rules of the station stack shared by car and e-bike: the edit history text of each station kind
// (station::StationService<Kind>), the field rules run before it, and device codes (station::DeviceCode).
#include <gtest/gtest.h>

#include <string>

#include "api_error_probe.hpp"
#include "core/error.hpp"
#include "service/bike/station_service.hpp"
#include "service/car/station_service.hpp"
#include "service/station/device_support.hpp"
#include "service/station/station_rules.hpp"

using namespace zc;

using test::api_error_code;

TEST(StationKinds, CarHistoryListsTheChangedFieldsInTheKindsOrderThenTheLocation) {
  db::car::StationFields a, b;
  a.name = "A";
  b.name = "B";
  a.hotline = "400-1";
  b.hotline = "400-2";
  a.max_power = 10;
  b.max_power = 20;
  a.city = "杭州市";
  b.city = "宁波市";
  EXPECT_EQ(station::StationService<car::CarStationKind>::changes(a, b),
            "name: A → B; hotline: 400-1 → 400-2; maxPower: 10 → 20; city: 杭州市 → 宁波市");
  EXPECT_EQ(station::StationService<car::CarStationKind>::changes(a, a), "");
}

TEST(StationKinds, BikeHistoryKeepsTheKindsOrder) {
  db::bike::StationFields a, b;
  a.operation_type = 1;
  b.operation_type = 2;
  a.short_name = "x";
  b.short_name = "y";
  b.longitude = 120000000;
  EXPECT_EQ(station::StationService<bike::BikeStationKind>::changes(a, b),
            "shortName: x → y; operationType: 1 → 2; longitude:  → 120000000");
}

TEST(StationKinds, CommonRulesComeBeforeTheKindsOwn) {
  db::car::StationFields f;  // no name and a bad max power: the common rule answers first
  f.max_power = -1;
  std::string msg;
  EXPECT_EQ(api_error_code([&] { station::StationService<car::CarStationKind>::validate(f); }, &msg), 400);
  EXPECT_EQ(msg.rfind("name:", 0), 0u) << msg;
  f.name = "站";
  EXPECT_EQ(api_error_code([&] { station::StationService<car::CarStationKind>::validate(f); }, &msg), 400);
  EXPECT_EQ(msg.rfind("maxPower:", 0), 0u) << msg;
  EXPECT_EQ(f.opening_hours, "00:00-24:00");  // normalised by the common rules
  EXPECT_EQ(f.timezone, "Asia/Shanghai");

  db::bike::StationFields g;
  g.name = "站";
  g.short_name = std::string(21, 'a');
  EXPECT_EQ(api_error_code([&] { station::StationService<bike::BikeStationKind>::validate(g); }, &msg), 400);
  EXPECT_EQ(msg.rfind("shortName:", 0), 0u) << msg;
}

TEST(StationKinds, DeviceCodesOfEachKind) {
  constexpr station::DeviceCode pile{"电桩", 14, 80000000000000};
  EXPECT_TRUE(pile.valid("80000000000001"));
  EXPECT_FALSE(pile.valid("8000000000001"));
  EXPECT_FALSE(pile.valid("8000000000000a"));
  std::string msg;
  EXPECT_EQ(api_error_code([&] { pile.check_format(std::string("123")); }, &msg), 400);
  EXPECT_EQ(msg, "code: 电桩编号必须是14位数字");
  EXPECT_EQ(api_error_code([&] { pile.check_format(std::nullopt); }), 0);
  EXPECT_EQ(api_error_code([&] { pile.check_format(std::string()); }), 0);  // empty: assigned
  EXPECT_EQ(
      api_error_code([&] { pile.check_unchanged(std::string("80000000000002"), "80000000000001", "F", "F"); },
                     &msg),
      400);
  EXPECT_EQ(msg, "code: 电桩编号不可修改");
  EXPECT_EQ(api_error_code([&] { pile.check_unchanged(std::nullopt, "80000000000001", "G", "F"); }, &msg),
            400);
  EXPECT_EQ(msg, "factoryNo: 出厂标识不可修改");
}

TEST(StationKinds, FactoryNumbers) {
  EXPECT_EQ(api_error_code([] { station::check_factory_no("AB-12_c"); }), 0);
  EXPECT_EQ(api_error_code([] { station::check_factory_no(""); }), 400);
  EXPECT_EQ(api_error_code([] { station::check_factory_no(std::string(33, 'a')); }), 400);
  EXPECT_EQ(api_error_code([] { station::check_factory_no("a b"); }), 400);
  EXPECT_EQ(station::two_digits(7), "07");
}
