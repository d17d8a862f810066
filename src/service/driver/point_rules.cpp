#include "service/driver/point_rules.hpp"

#include "service/driver/tariff_view.hpp"
#include "service/car/tariff_service.hpp"
#include "storage/repositories/bike_tariff.hpp"

namespace zc::driver {

namespace json = boost::json;
using db::app::StationKind;

bool available(StationKind kind, const db::app::PointRow& p) {
  return state_problem(kind, p).empty();
}

std::string state_problem(StationKind kind, const db::app::PointRow& p) {
  const bool car = kind == StationKind::car;
  if (p.device_status != 0) return car ? "电桩已停用" : "设备已停用";
  if (p.status != 0) return car ? "充电枪已停用" : "插座已停用";
  if (!p.device_online || p.state == "offline") return car ? "电桩离线" : "设备离线";
  if (p.state == "charging" || p.busy) return car ? "充电枪正在使用中" : "插座正在使用中";
  if (p.state == "fault") return car ? "充电枪故障" : "插座故障";
  if (p.state != "idle" && !(car && p.state == "plugged")) return "状态未知：" + p.state;
  if (!p.tariff_in_force) return kNoTariffInForce;  // idle, but nothing can be billed: not free
  return "";
}

json::object point_json(StationKind kind, const db::app::PointRow& p) {
  json::object o;
  o["id"] = p.id;
  o["code"] = p.code;
  o[kind == StationKind::car ? "gunNo" : "socketNo"] = p.number;
  o["name"] = p.name;
  o["state"] = p.state;
  std::string problem = state_problem(kind, p);
  o["available"] = problem.empty();
  o["reason"] = problem;
  return o;
}

std::optional<AreaTariff> tariff_of_area(const car::CarContext& ctx, StationKind kind, int64_t area_id,
                                         const std::string& timezone) {
  if (kind == StationKind::car) {
    const int64_t now = ctx.clock.now();
    auto t = car::TariffService(ctx).in_force_for_area(area_id, now);
    if (!t) return std::nullopt;
    auto zone = TimeZone::find(t->timezone.empty() ? timezone : t->timezone).value_or(TimeZone::shanghai());
    AreaTariff out{car_tariff_json(t->tariff, zone, now), {}};
    for (auto v : t->prepay_values) out.prepay_values.push_back(v);
    return out;
  }
  return ctx.db.read([&](db::Connection& c) -> std::optional<AreaTariff> {
    auto found = db::bike::TariffRepo(c).enabled_of_areas({area_id});
    if (found.empty()) return std::nullopt;
    const auto* rec = &found.front();
    AreaTariff out{bike_tariff_json(rec->name, rec->def), db::bike::prepay_json(rec->def.prepay_values)};
    out.tariff["id"] = rec->id;
    return out;
  });
}

std::map<int64_t, json::value> prices_now(const car::CarContext& ctx, StationKind kind,
                                          const std::map<int64_t, std::string>& station_zones) {
  std::vector<int64_t> station_ids, area_ids;
  for (const auto& [id, _] : station_zones) station_ids.push_back(id);
  std::vector<std::pair<int64_t, int64_t>> areas;  // (station, area)
  std::map<int64_t, tariff::BikeTariff> bike;      // area → its tariff
  const int64_t now = ctx.clock.now();
  ctx.db.read([&](db::Connection& c) {
    areas = db::app::AppStationRepo(c, now).areas_with_devices(kind, station_ids);
    for (const auto& a : areas) area_ids.push_back(a.second);
    if (kind == StationKind::bike)
      for (auto& t : db::bike::TariffRepo(c).enabled_of_areas(area_ids))
        bike.emplace(t.area_id, std::move(t.def));
  });
  std::map<int64_t, std::vector<json::object>> of_station;
  if (kind == StationKind::car) {
    auto in_force = car::TariffService(ctx).in_force_for_areas(area_ids, now);
    for (const auto& [station, area] : areas) {
      auto t = in_force.find(area);
      if (t == in_force.end()) continue;
      auto zone = TimeZone::find(station_zones.at(station)).value_or(TimeZone::shanghai());
      of_station[station].push_back(car_price_now(t->second.tariff, zone, now));
    }
  } else {
    for (const auto& [station, area] : areas)
      if (auto t = bike.find(area); t != bike.end()) of_station[station].push_back(bike_price_now(t->second));
  }
  std::map<int64_t, json::value> out;
  for (const auto& id : station_ids) out[id] = lowest_price(of_station[id]);
  return out;
}

}  // namespace zc::driver
