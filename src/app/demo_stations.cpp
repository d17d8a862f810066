// The demo stations of `make run`: a car station with OCPP and YKC piles and an e-bike station with OCPP
// devices, owned by the demo property, created through the same services as the admin web. Each part is
// created only when it is missing (looked up by its fixed name or code), so a second start adds nothing
// and a database seeded by an older version gains what is new. scripts/run-demo.sh starts simulators
// for the codes in kDemoDevices.
#include <spdlog/spdlog.h>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "service/bike/device_service.hpp"
#include "service/bike/station_service.hpp"
#include "service/bike/tariff_service.hpp"
#include "service/car/asset_service.hpp"
#include "service/car/station_service.hpp"
#include "service/car/tariff_service.hpp"
#include "service/station/station_config.hpp"
#include "service/station/station_lifecycle.hpp"
#include "storage/repositories/auth_repository.hpp"

namespace zc::app {

const std::vector<DemoDevice> kDemoDevices = {
    {"car_pile", "ocpp16", "88000000000001", "1号直流快充桩", 2},
    {"car_pile", "ocpp16", "88000000000002", "2号直流快充桩", 2},
    {"car_pile", "ocpp16", "88000000000003", "3号交流慢充桩", 2},
    {"car_pile", "ykc", "88000000000011", "4号云快充直流桩", 2},
    {"car_pile", "ykc", "88000000000012", "5号云快充直流桩", 2},
    {"car_pile", "ykc", "88000000000013", "6号云快充交流桩", 2},
    {"bike_device", "ocpp16", "880000000001", "东门十路充电桩", 10},
    {"bike_device", "ocpp16", "880000000002", "西门十路充电桩", 10},
};

namespace {

constexpr const char* kCarStation = kDemoCarStation;
constexpr const char* kCarArea = "A区 快充车位";
constexpr const char* kBikeStation = "阳光花园单车充电站";
constexpr const char* kBikeArea = "东西门车棚";

// The station's payment configuration (a WeChat Pay merchant, paid through the sandbox gateway), so the
// demo's drivers (zhichong-sim drivers) can pay; only when the station has none.
void seed_pay_config(db::Database& db, const Clock& clock, station::StationType type, int64_t station_id,
                     const Principal& admin, const char* mch_id) {
  bool has = db.read([&](db::Connection& c) {
    return !c.query("SELECT 1 FROM station_pay_config WHERE station_type = ? AND station_id = ?",
                    {db::station::type_name(type), station_id})
                .empty();
  });
  if (has) return;
  boost::json::object wechat{{"enabled", true},
                             {"mchId", mch_id},
                             {"appId", "wx0000000000demo01"},
                             {"apiV3Key", std::string(32, 'd')}};
  station::StationConfigService(db, type, clock)
      .save_pay_config(station_id, {{"wechat", std::move(wechat)}}, admin);
}

std::optional<int64_t> id_where(db::Database& db, const std::string& sql, const db::Params& params) {
  return db.read([&](db::Connection& c) { return c.scalar(sql, params); });
}

void seed_car(db::Database& db, const car::CarContext& ctx, int64_t property_id, const Principal& admin) {
  car::StationService stations(ctx);
  station::AreaService areas(db, station::StationType::car, ctx.clock);
  auto station_id = id_where(db, "SELECT id FROM car_station WHERE name = ?", {std::string(kCarStation)});
  if (!station_id) {
    car::StationInput in;
    in.property_id = property_id;
    in.f.name = kCarStation;
    in.f.contact = "王主管";
    in.f.contact_phone = "13900000011";
    in.f.hotline = "400-800-8888";
    in.f.intro = "示例数据：6 台模拟电桩（3 台 OCPP 1.6J、3 台云快充），由 make run 启动的模拟器接入";
    in.f.opening_hours = "00:00-24:00";
    in.f.max_power = 720;
    in.f.capacity_load = 800;
    in.f.province = "浙江省";
    in.f.city = "杭州市";
    in.f.district = "西湖区";
    in.f.address = "文三路100号阳光花园地下车库";
    in.f.longitude = 120128000;
    in.f.latitude = 30276000;
    station_id = stations.create(in, admin);
    station::audit_station(db, station::StationType::car, ctx.clock.now(), *station_id, 1,
                           "示例数据：资料齐全，审核通过", admin);
  }
  seed_pay_config(db, ctx.clock, station::StationType::car, *station_id, admin, "1900000101");
  auto area_id = id_where(db, "SELECT id FROM car_area WHERE name = ? AND station_id = ?",
                          {std::string(kCarArea), *station_id});
  if (!area_id) {
    area_id = areas.create(*station_id, {kCarArea, "0571-88880001", 720}, admin);
    car::SpotService spots(ctx);
    spots.add_batch(
        {.station_id = *station_id, .area_id = *area_id, .count = 6, .lock_type = 1, .name_prefix = "A"},
        admin);
  }
  if (!id_where(db, "SELECT id FROM car_tariff WHERE area_id = ?", {*area_id})) {
    car::TariffService tariffs(ctx);
    car::TariffInput t;
    t.station_id = *station_id;
    t.area_id = *area_id;
    t.name = "峰平谷分时电价";
    t.mode = "tou";
    auto tier = [](int64_t energy, int64_t service) {
      return boost::json::object{{"energyPrice", energy}, {"servicePrice", service}};
    };
    t.tiers = boost::json::object{{"sharp", tier(150000, 80000)},
                                  {"peak", tier(120000, 60000)},
                                  {"flat", tier(80000, 50000)},
                                  {"valley", tier(40000, 30000)}};
    auto period = [](const char* a, const char* b, const char* tier_name) {
      return boost::json::object{{"start", a}, {"end", b}, {"tier", tier_name}};
    };
    t.periods = boost::json::array{period("00:00", "08:00", "valley"), period("08:00", "10:00", "flat"),
                                   period("10:00", "12:00", "peak"),   period("12:00", "14:00", "sharp"),
                                   period("14:00", "18:00", "peak"),   period("18:00", "22:00", "flat"),
                                   period("22:00", "24:00", "valley")};
    t.prepay_values = {3000, 5000, 10000, 20000};
    // The area's first tariff: in force at once (docs/api-car.md), so the piles charge right after `make
    // run`.
    tariffs.create(t, admin);
  }
  car::PileService piles(ctx);
  for (const DemoDevice& d : kDemoDevices) {
    if (d.kind != "car_pile" || id_where(db, "SELECT id FROM car_pile WHERE code = ?", {d.code})) continue;
    car::PileInput in;
    in.station_id = *station_id;
    in.area_id = *area_id;
    in.code = d.code;
    in.f.factory_no = "SIM-C" + d.code.substr(d.code.size() - 6);
    in.f.name = d.name;
    in.f.model = d.protocol == "ykc" ? "ZC-YKC-120" : "ZC-OCPP-120";
    in.f.version = "sim-1.0";
    in.f.gun_count = d.connectors;
    bool ac = d.name.find("交流") != std::string::npos;
    in.f.current_type = ac ? "AC" : "DC";
    in.f.speed = ac ? 1 : 2;
    in.f.output_power = ac ? 7000 : 120000;
    in.f.output_voltage = ac ? 220 : 750;
    in.f.output_current = ac ? 320 : 2500;
    in.f.protocol = d.protocol;
    piles.create(in, admin);
  }
}

void seed_bike(db::Database& db, const bike::BikeContext& ctx, int64_t property_id, const Principal& admin) {
  bike::StationService stations(ctx);
  auto station_id = id_where(db, "SELECT id FROM bike_station WHERE name = ?", {std::string(kBikeStation)});
  if (!station_id) {
    bike::StationInput in;
    in.property_id = property_id;
    in.f.name = kBikeStation;
    in.f.short_name = "阳光花园单车站";
    in.f.service_phone = "0571-88880002";
    in.f.opening_hours = "00:00-24:00";
    in.f.province = "浙江省";
    in.f.city = "杭州市";
    in.f.district = "西湖区";
    in.f.address = "文三路100号阳光花园东西门车棚";
    in.f.longitude = 120128500;
    in.f.latitude = 30276500;
    station_id = stations.create(in, admin);
    station::audit_station(db, station::StationType::bike, ctx.clock.now(), *station_id, 1,
                           "示例数据：资料齐全，审核通过", admin);
  }
  seed_pay_config(db, ctx.clock, station::StationType::bike, *station_id, admin, "1900000102");
  auto area_id = id_where(db, "SELECT id FROM bike_area WHERE name = ? AND station_id = ?",
                          {std::string(kBikeArea), *station_id});
  if (!area_id)
    area_id = station::AreaService(db, station::StationType::bike, ctx.clock)
                  .create(*station_id, {kBikeArea, "0571-88880003", 0}, admin);
  if (!id_where(db, "SELECT id FROM bike_tariff WHERE area_id = ?", {*area_id})) {
    bike::TariffInput t;
    t.station_id = *station_id;
    t.area_id = *area_id;
    t.name = "按时长计费";
    t.def.mode = tariff::BikeMode::A;
    t.def.unit_minutes = 60;
    t.def.unit_price = 10000;  // 1 yuan per started hour
    t.def.max_duration_min = 600;
    t.def.auto_stop_amount = 1000;
    t.def.prepay_values = {100, 200, 500};
    bike::TariffService(ctx).create(t, admin);
  }
  bike::DeviceService devices(ctx);
  for (const DemoDevice& d : kDemoDevices) {
    if (d.kind != "bike_device" || id_where(db, "SELECT id FROM bike_device WHERE code = ?", {d.code}))
      continue;
    bike::DeviceInput in;
    in.station_id = *station_id;
    in.area_id = *area_id;
    in.code = d.code;
    in.f.factory_no = "SIM-B" + d.code.substr(d.code.size() - 6);
    in.f.name = d.name;
    in.f.device_type = 3;  // 十路
    in.f.location = d.name.find("东门") != std::string::npos ? "东门车棚北侧" : "西门车棚南侧";
    in.f.rated_power = 2200;
    in.f.rated_voltage = 220;
    in.f.rated_current = 100;
    in.f.current_upper_limit = 100;
    in.f.current_lower_limit = 1;
    in.f.socket_count = d.connectors;
    in.f.protocol = d.protocol;
    devices.create(in, admin);
  }
}

}  // namespace

void seed_demo_stations(db::Database& db, const car::CarContext& car_ctx, const bike::BikeContext& bike_ctx) {
  db::AuthRepository auth_repo;
  auto admin_id = db.read([&](db::Connection& c) { return auth_repo.find_user_id(c, "admin"); });
  auto property_id = id_where(db, "SELECT id FROM sys_property WHERE name = ?", {std::string(kDemoProperty)});
  if (!admin_id || !property_id) return;  // not a demo database
  Principal admin;
  admin.user_id = *admin_id;
  admin.user_name = "admin";
  admin.super_admin = true;
  try {
    seed_car(db, car_ctx, *property_id, admin);
    seed_bike(db, bike_ctx, *property_id, admin);
  } catch (const std::exception& e) {
    // The demo data is a convenience: a refusal (e.g. a code taken by hand) must not stop the platform.
    spdlog::warn("demo stations not (fully) created: {}", e.what());
  }
}

}  // namespace zc::app
