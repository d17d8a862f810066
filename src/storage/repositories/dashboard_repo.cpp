#include "storage/repositories/dashboard_repo.hpp"

#include "storage/list_query.hpp"

namespace zc::db::stat {

// Rows under stations (areas, devices, orders, roll-ups): owned by a provider / property, narrowed by bound
// stations.
static ScopeColumns station_rows(const std::string& alias, const std::string& kind) {
  return owner_columns(alias, kind, alias + (alias == "s" ? ".id" : ".station_id"));
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
  n.car_orders = sessions("car", scope);
  n.bike_orders = sessions("bike", scope);
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

int64_t DashboardRepo::sessions(const std::string& kind, const DataScope& scope) {
  Where w;
  w.add("r.station_type = ?", {kind});
  add_scope(w, station_rows("r", kind), scope);
  return c_.scalar("SELECT COALESCE(SUM(r.sessions), 0) FROM stat_station_total r" + w.sql(), w.params)
      .value_or(0);
}

std::vector<DayTotals> DashboardRepo::days(const std::string& kind, const std::string& first,
                                           const std::string& last, const DataScope& scope) {
  Where w;
  w.add("r.day >= ? AND r.day <= ? AND r.station_type = ?", {first, last, kind});
  add_scope(w, station_rows("r", kind), scope);
  Result r = c_.query(
      "SELECT r.day, SUM(r.sessions), SUM(r.energy), SUM(r.charged), SUM(r.refunds) FROM stat_station_day r" +
          w.sql() + " GROUP BY r.day ORDER BY r.day",
      w.params);
  std::vector<DayTotals> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.str(i, 0), r.i64(i, 1), r.i64(i, 2), r.i64(i, 3), r.i64(i, 4)});
  return out;
}

// The ranking: a platform's and a property's top users are read off an index (stat_user_total,
// stat_user_property), a provider's are summed over its properties, any narrower scope over its stations.
std::vector<TopUser> DashboardRepo::top_users(int limit, const DataScope& scope) {
  const bool bound = !scope.car_station_ids.empty() || !scope.bike_station_ids.empty();
  // LEFT: the ranked table drives the join (its index gives the order), the user's name is looked up
  const std::string user = " LEFT JOIN app_user u ON u.id = t.user_id";
  const std::string order = " ORDER BY t.sessions DESC, t.user_id LIMIT ?";
  std::string sql;
  Params p;
  if (scope.kind == UserType::system && !bound) {
    sql = "SELECT t.user_id, u.phone, u.nickname, t.car_sessions, t.bike_sessions FROM stat_user_total t" +
          user + order;
  } else if (scope.kind == UserType::property && !bound) {
    sql = "SELECT t.user_id, u.phone, u.nickname, t.car_sessions, t.bike_sessions FROM stat_user_property t" +
          user + " WHERE t.property_id = ?" + order;
    p.emplace_back(scope.property_id);
  } else if (scope.kind == UserType::provider && !bound) {
    sql =
        "SELECT t.user_id, u.phone, u.nickname, t.car_sessions, t.bike_sessions FROM (SELECT user_id, "
        "SUM(car_sessions) AS car_sessions, SUM(bike_sessions) AS bike_sessions, SUM(sessions) AS sessions "
        "FROM stat_user_property WHERE provider_id = ? GROUP BY user_id) t" +
        user + order;
    p.emplace_back(scope.provider_id);
  } else {
    Where car, bike;
    car.add("us.station_type = 'car'");
    bike.add("us.station_type = 'bike'");
    add_scope(car, station_rows("us", "car"), scope);
    add_scope(bike, station_rows("us", "bike"), scope);
    p = car.params;
    p.insert(p.end(), bike.params.begin(), bike.params.end());
    sql =
        "SELECT t.user_id, u.phone, u.nickname, t.car_sessions, t.bike_sessions FROM (SELECT x.user_id, "
        "SUM(x.car) AS car_sessions, SUM(x.bike) AS bike_sessions, SUM(x.car + x.bike) AS sessions FROM "
        "(SELECT us.user_id, us.sessions AS car, 0 AS bike FROM stat_user_station us" +
        car.sql() + " UNION ALL SELECT us.user_id, 0, us.sessions FROM stat_user_station us" + bike.sql() +
        ") x GROUP BY x.user_id) t" + user + order;
  }
  p.emplace_back(int64_t{limit});
  Result r = c_.query(sql, p);
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
