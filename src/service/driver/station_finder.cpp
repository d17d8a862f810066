#include "service/driver/station_finder.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "service/driver/point_rules.hpp"
#include "service/driver/tariff_view.hpp"

namespace zc::driver {

namespace json = boost::json;
using db::app::StationKind;

namespace {

constexpr double kMicro = 1e6;

std::optional<GeoPoint> location_of(const db::app::StationSummary& s) {
  if (!s.latitude || !s.longitude) return std::nullopt;
  return GeoPoint{static_cast<double>(*s.latitude) / kMicro, static_cast<double>(*s.longitude) / kMicro};
}

json::object summary_json(StationKind kind, const db::app::StationSummary& s,
                          std::optional<int64_t> distance) {
  json::object o;
  o["id"] = s.id;
  o["type"] = kind_name(kind);
  o["name"] = s.name;
  o["address"] = s.address;
  o["openingHours"] = s.opening_hours;
  o["phone"] = s.phone;
  if (auto at = location_of(s)) {
    o["lat"] = at->lat;
    o["lng"] = at->lng;
  } else {
    o["lat"] = nullptr;
    o["lng"] = nullptr;
  }
  if (distance)
    o["distanceM"] = *distance;
  else
    o["distanceM"] = nullptr;
  o["free"] = s.free;
  o["total"] = s.total;
  o["payable"] = s.payable;
  return o;
}

std::optional<int64_t> distance_to(const db::app::StationSummary& s, std::optional<GeoPoint> from) {
  auto at = location_of(s);
  if (!from || !at) return std::nullopt;
  return static_cast<int64_t>(std::llround(distance_m(*from, *at)));
}

}  // namespace

double distance_m(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadiusM = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (b.lat - a.lat) * kRad, dlng = (b.lng - a.lng) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

StationKind parse_kind(const std::string& s, const char* field) {
  if (s == "car") return StationKind::car;
  if (s == "bike") return StationKind::bike;
  fail_bad_request(std::string(field) + ": 只能是car或bike");
}

const char* kind_name(StationKind k) {
  return k == StationKind::car ? "car" : "bike";
}

StationPage StationFinder::list(const StationQuery& q) {
  auto stations = car_.db.read([&](db::Connection& c) {
    return db::app::AppStationRepo(c, car_.clock.now()).stations(q.kind, q.keyword);
  });
  // Nearest first; stations without coordinates after those with, then by id. Sorting in memory: the
  // number of shown stations of one kind is small (thousands), and distance needs no SQL extension.
  struct Item {
    const db::app::StationSummary* s;
    std::optional<int64_t> d;
  };
  std::vector<Item> items;
  items.reserve(stations.size());
  for (const auto& s : stations) items.push_back({&s, distance_to(s, q.from)});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.d.has_value() != b.d.has_value()) return a.d.has_value();
    if (a.d && *a.d != *b.d) return *a.d < *b.d;
    return a.s->id < b.s->id;
  });
  StationPage page;
  page.total = static_cast<int64_t>(items.size());
  size_t first = static_cast<size_t>((q.page_num - 1) * q.page_size);
  size_t last = std::min(items.size(), first + static_cast<size_t>(q.page_size));
  std::map<int64_t, std::string> zones;  // the page's stations
  for (size_t i = first; i < last; ++i) zones[items[i].s->id] = items[i].s->timezone;
  auto prices = prices_now(car_, q.kind, zones);
  for (size_t i = first; i < last; ++i) {
    json::object row = summary_json(q.kind, *items[i].s, items[i].d);
    row["priceNow"] = std::move(prices[items[i].s->id]);
    page.rows.push_back(std::move(row));
  }
  return page;
}

json::object StationFinder::detail(StationKind kind, int64_t id, std::optional<GeoPoint> from) {
  std::vector<db::app::StationSummary> found;
  std::vector<db::app::PointRow> points;
  car_.db.read([&](db::Connection& c) {
    db::app::AppStationRepo repo(c, car_.clock.now());
    found = repo.stations(kind, "", id);
    if (!found.empty()) points = repo.points_of_station(kind, id);
  });
  if (found.empty()) fail_not_found("id: 电站不存在或未开放");
  const auto& s = found.front();
  json::object o = summary_json(kind, s, distance_to(s, from));

  // Devices with their guns/sockets, and the tariff of each area that has devices.
  json::array devices;
  std::map<int64_t, bool> areas;
  for (const auto& p : points) {
    if (devices.empty() || devices.back().as_object().at("id").as_int64() != p.device_id) {
      json::object d;
      d["id"] = p.device_id;
      d["code"] = p.device_code;
      d["name"] = p.device_name;
      d["online"] = p.device_online;
      d["stopped"] = p.device_status != 0;
      d["areaId"] = p.area_id;
      d["powerW"] = p.power_w;
      if (kind == StationKind::car) d["currentType"] = p.current_type;
      d[kind == StationKind::car ? "guns" : "sockets"] = json::array();
      devices.push_back(std::move(d));
      areas[p.area_id] = true;
    }
    auto& list = devices.back().as_object()[kind == StationKind::car ? "guns" : "sockets"].as_array();
    list.push_back(point_json(kind, p));
  }
  o[kind == StationKind::car ? "piles" : "devices"] = std::move(devices);
  json::array tariffs;
  for (const auto& [area_id, _] : areas) {
    auto t = tariff_of_area(car_, kind, area_id, s.timezone);
    if (!t) continue;
    t->tariff["areaId"] = area_id;
    t->tariff["prepayValues"] = t->prepay_values;
    tariffs.push_back(std::move(t->tariff));
  }
  o["tariffs"] = std::move(tariffs);
  return o;
}

}  // namespace zc::driver
