#include "storage/repositories/dashboard_repo.hpp"

#include "storage/list_query.hpp"

namespace zc::db::stat {

// Rows under stations (areas, devices, orders): owned by a provider / property, narrowed by bound stations.
static ScopeColumns station_rows(const std::string& alias, const std::string& kind) {
  ScopeColumns s;
  s.provider = alias + ".provider_id";
  s.property = alias + ".property_id";
  (kind == "car" ? s.car_station : s.bike_station) = alias + (alias == "s" ? ".id" : ".station_id");
  return s;
}

int64_t DashboardRepo::count(const std::string& from, const std::string& alias, const DataScope& scope,
                             const std::string& where) {
  const std::string kind = from.substr(0, from.find('_'));  // car_* | bike_*: the table's station kind
  Where w;
  if (!where.empty()) w.add(where);
  add_scope(w, station_rows(alias, kind), scope);
  return c_.scalar("SELECT COUNT(*) FROM " + from + " " + alias + w.sql(), w.params).value_or(0);
}

DashboardCounts DashboardRepo::counts(const DataScope& scope) {
  DashboardCounts n;
  n.car_stations = count("car_station", "s", scope);
  n.car_areas = count("car_area", "a", scope);
  n.car_piles = count("car_pile", "d", scope);
  n.bike_stations = count("bike_station", "s", scope);
  n.bike_areas = count("bike_area", "a", scope);
  n.bike_devices = count("bike_device", "d", scope);
  n.car_orders = count("car_charge_order", "o", scope);
  n.bike_orders = count("bike_charge_order", "o", scope);
  Where cards;
  ScopeColumns cs;
  cs.provider = "mc.provider_id";
  cs.property = "mc.property_id";
  cs.collective = "mc.collective_id";
  add_scope(cards, cs, scope);
  Result r =
      c_.query("SELECT COUNT(*), COUNT(DISTINCT mc.user_id) FROM member_card mc" + cards.sql(), cards.params);
  n.cards = r.i64(0, 0);
  n.members = r.i64(0, 1);
  return n;
}

std::vector<DatedAmount> DashboardRepo::orders_since(const std::string& kind, int64_t since,
                                                     const DataScope& scope) {
  const std::string table = kind == "car" ? "car_charge_order" : "bike_charge_order";
  const std::string stations = kind == "car" ? "car_station" : "bike_station";
  Where w;
  w.add("o.created_at >= ?", {since});
  add_scope(w, station_rows("o", kind), scope);
  Result r = c_.query("SELECT o.created_at, s.timezone, o.energy, o.charged FROM " + table + " o JOIN " +
                          stations + " s ON s.id = o.station_id" + w.sql(),
                      w.params);
  std::vector<DatedAmount> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.i64(i, 0), r.str(i, 1), r.i64(i, 2), r.i64(i, 3)});
  return out;
}

std::vector<DatedAmount> DashboardRepo::refunds_since(int64_t since, const DataScope& scope) {
  Where w;
  w.add("f.created_at >= ? AND f.refund_type = 'fee_refund'", {since});
  ScopeColumns s;
  s.provider = "f.provider_id";
  s.property = "f.property_id";
  s.car_station = "(CASE WHEN f.station_type = 'car' THEN f.station_id END)";
  s.bike_station = "(CASE WHEN f.station_type = 'bike' THEN f.station_id END)";
  add_scope(w, s, scope);
  Result r = c_.query(
      "SELECT f.created_at, COALESCE(cs.timezone, bs.timezone, 'Asia/Shanghai') FROM pay_refund f LEFT JOIN "
      "car_station "
      "cs ON f.station_type = 'car' AND cs.id = f.station_id LEFT JOIN bike_station bs ON f.station_type = "
      "'bike' AND "
      "bs.id = f.station_id" +
          w.sql(),
      w.params);
  std::vector<DatedAmount> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.i64(i, 0), r.str(i, 1), 0, 0});
  return out;
}

std::vector<TopUser> DashboardRepo::top_users(int limit, const DataScope& scope) {
  Where car, bike;
  car.add("o.user_id IS NOT NULL");
  bike.add("o.user_id IS NOT NULL");
  add_scope(car, station_rows("o", "car"), scope);
  add_scope(bike, station_rows("o", "bike"), scope);
  Params p = car.params;
  p.insert(p.end(), bike.params.begin(), bike.params.end());
  p.emplace_back(int64_t{limit});
  Result r = c_.query(
      "SELECT t.user_id, u.phone, u.nickname, SUM(t.car), SUM(t.bike) FROM (SELECT o.user_id, 1 AS car, 0 AS "
      "bike "
      "FROM car_charge_order o" +
          car.sql() + " UNION ALL SELECT o.user_id, 0, 1 FROM bike_charge_order o" + bike.sql() +
          ") t JOIN app_user u ON u.id = t.user_id GROUP BY t.user_id, u.phone, u.nickname ORDER BY "
          "SUM(t.car) + "
          "SUM(t.bike) DESC, t.user_id LIMIT ?",
      p);
  std::vector<TopUser> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.str(i, 1), r.str(i, 2), r.i64(i, 3), r.i64(i, 4)});
  return out;
}

LiveFigures DashboardRepo::live(const DataScope& scope) {
  LiveFigures f;
  f.devices = count("car_pile", "d", scope) + count("bike_device", "d", scope);
  f.online = count("car_pile", "d", scope, "d.online = 1") + count("bike_device", "d", scope, "d.online = 1");
  f.charging = count("car_gun", "d", scope, "d.state = 'charging'") +
               count("bike_socket", "d", scope, "d.state = 'charging'");
  f.faulted = count("car_gun", "d", scope, "d.state = 'fault'") +
              count("bike_socket", "d", scope, "d.state = 'fault'");
  return f;
}

}  // namespace zc::db::stat
