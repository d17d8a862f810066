#include "storage/repositories/app_station_repo.hpp"

#include "domain/order/bike_order_state.hpp"
#include "domain/order/car_order_state.hpp"
#include "storage/repositories/order_state_column.hpp"
#include "storage/repositories/tariff_in_force.hpp"

namespace zc::db::app {

namespace {

// The open orders (the domain's open states) on charging point `point` (SQL), aliased o.
std::string open_orders_on(StationKind k, const std::string& point) {
  if (k == StationKind::car)
    return "car_charge_order o WHERE o.gun_id = " + point + " AND o.state IN " +
           state_list(order::kOpenCarOrderStates);
  return "bike_charge_order o WHERE o.socket_id = " + point + " AND o.state IN " +
         state_list(order::kOpenBikeOrderStates);
}

// Table and column names per kind: constants, never user input.
struct Names {
  const char* station;
  const char* area;
  const char* device;
  const char* point;
  const char* type;                   // station_pay_config.station_type
  const char* phone;                  // station column shown as the service phone
  const char* free_states;            // states of a usable gun/socket
  const char* number;                 // gun_no / socket_no
  const char* device_fk;              // pile_id / device_id
  const char* device_extra;           // current type, power
  std::string busy;                   // an open charging order holds point p
  station::StationType station_type;  // whose tariffs are in force (tariff_in_force_sql)
};

const Names& names(StationKind k) {
  static const Names car{"car_station",
                         "car_area",
                         "car_pile",
                         "car_gun",
                         "car",
                         "s.hotline",
                         "('idle', 'plugged')",
                         "gun_no",
                         "pile_id",
                         "d.current_type, d.output_power",
                         "EXISTS (SELECT 1 FROM " + open_orders_on(StationKind::car, "p.id") + ")",
                         station::StationType::car};
  static const Names bike{"bike_station",
                          "bike_area",
                          "bike_device",
                          "bike_socket",
                          "bike",
                          "s.service_phone",
                          "('idle')",
                          "socket_no",
                          "device_id",
                          "'', d.rated_power",
                          "EXISTS (SELECT 1 FROM " + open_orders_on(StationKind::bike, "p.id") + ")",
                          station::StationType::bike};
  return k == StationKind::car ? car : bike;
}

std::string visible_station(const char* alias) {
  std::string a(alias);
  return a + ".audit_status = 1 AND " + a +
         ".status = 0 AND EXISTS (SELECT 1 FROM sys_provider pv WHERE pv.id = " + a +
         ".provider_id AND pv.status = 0) AND EXISTS (SELECT 1 FROM sys_property pr WHERE pr.id = " + a +
         ".property_id AND pr.status = 0)";
}

std::string point_select(const Names& n) {
  return std::string("SELECT p.id, p.code, p.name, p.") + n.number +
         ", p.state, p.status, d.id, COALESCE(d.code, ''), " +
         "d.name, d.status, d.online, a.id, a.status, s.id, CASE WHEN " + visible_station("s") +
         " THEN 1 ELSE 0 END, " + n.device_extra + ", CASE WHEN " + n.busy +
         " THEN 1 ELSE 0 END, CASE WHEN " + db::tariff_in_force_sql(n.station_type, "a.id") +
         " THEN 1 ELSE 0 END FROM " + n.point + " p JOIN " + n.device + " d ON d.id = p." + n.device_fk +
         " JOIN " + n.area + " a ON a.id = d.area_id JOIN " + n.station + " s ON s.id = d.station_id ";
}

// The parameters the select list binds before the WHERE clause's: the car tariffs' `now`.
Params leading(const Names& n, int64_t now) {
  Params p;
  if (n.station_type == station::StationType::car) p.emplace_back(now);
  return p;
}

Params with(Params p, const Value& v) {
  p.push_back(v);
  return p;
}

std::vector<PointRow> points_of(const Result& r) {
  std::vector<PointRow> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    PointRow p;
    p.id = r.i64(i, 0);
    p.code = r.str(i, 1);
    p.name = r.str(i, 2);
    p.number = r.i64(i, 3);
    p.state = r.str(i, 4);
    p.status = r.i64(i, 5);
    p.device_id = r.i64(i, 6);
    p.device_code = r.str(i, 7);
    p.device_name = r.str(i, 8);
    p.device_status = r.i64(i, 9);
    p.device_online = r.i64(i, 10) != 0;
    p.area_id = r.i64(i, 11);
    p.area_status = r.i64(i, 12);
    p.station_id = r.i64(i, 13);
    p.station_visible = r.i64(i, 14) != 0;
    p.current_type = r.str(i, 15);
    p.power_w = r.i64(i, 16);
    p.busy = r.i64(i, 17) != 0;
    p.tariff_in_force = r.i64(i, 18) != 0;
    out.push_back(std::move(p));
  }
  return out;
}

std::string escape_like(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::vector<StationSummary> AppStationRepo::stations(StationKind kind, const std::string& keyword,
                                                     std::optional<int64_t> only_id) {
  const Names& n = names(kind);
  std::string free_case =
      std::string("CASE WHEN p.status = 0 AND d.status = 0 AND d.online = 1 AND p.state IN ") +
      n.free_states + " AND NOT " + n.busy + " AND " + db::tariff_in_force_sql(n.station_type, "a.id") +
      " THEN 1 ELSE 0 END";
  std::string sql = std::string("SELECT s.id, s.name, s.address, s.opening_hours, ") + n.phone +
                    ", s.timezone, s.longitude, s.latitude, COUNT(p.id), COALESCE(SUM(" + free_case +
                    "), 0), CASE WHEN EXISTS (SELECT 1 FROM station_pay_config pc WHERE pc.station_type = '" +
                    n.type + "' AND pc.station_id = s.id AND pc.pay_configured = 1) THEN 1 ELSE 0 END FROM " +
                    n.station + " s LEFT JOIN " + n.area +
                    " a ON a.station_id = s.id AND a.status = 0 LEFT JOIN " + n.device +
                    " d ON d.area_id = a.id LEFT JOIN " + n.point + " p ON p." + n.device_fk +
                    " = d.id WHERE " + visible_station("s");
  Params params = leading(n, now_);
  if (!keyword.empty()) {
    std::string like = std::string(" ") + c_.ilike() + " ? ESCAPE '\\'";
    sql += " AND (s.name" + like + " OR s.address" + like + ")";
    std::string pattern = "%" + escape_like(keyword) + "%";
    params.emplace_back(pattern);
    params.emplace_back(pattern);
  }
  if (only_id) {
    sql += " AND s.id = ?";
    params.emplace_back(*only_id);
  }
  sql += std::string(" GROUP BY s.id, s.name, s.address, s.opening_hours, ") + n.phone +
         ", s.timezone, s.longitude, s.latitude ORDER BY s.id";
  Result r = c_.query(sql, params);
  std::vector<StationSummary> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    StationSummary s;
    s.id = r.i64(i, 0);
    s.name = r.str(i, 1);
    s.address = r.str(i, 2);
    s.opening_hours = r.str(i, 3);
    s.phone = r.str(i, 4);
    s.timezone = r.str(i, 5);
    if (!r.is_null(i, 6)) s.longitude = r.i64(i, 6);
    if (!r.is_null(i, 7)) s.latitude = r.i64(i, 7);
    s.total = r.i64(i, 8);
    s.free = r.i64(i, 9);
    s.payable = r.i64(i, 10) != 0;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::pair<int64_t, int64_t>> AppStationRepo::areas_with_devices(
    StationKind kind, const std::vector<int64_t>& station_ids) {
  if (station_ids.empty()) return {};
  const Names& n = names(kind);
  std::string sql = std::string("SELECT a.station_id, a.id FROM ") + n.area + " a WHERE a.status = 0 AND " +
                    "EXISTS (SELECT 1 FROM " + n.device + " d WHERE d.area_id = a.id) AND a.station_id IN (";
  Params params;
  for (size_t i = 0; i < station_ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(station_ids[i]);
  }
  Result r = c_.query(sql + ") ORDER BY a.station_id, a.id", params);
  std::vector<std::pair<int64_t, int64_t>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.i64(i, 0), r.i64(i, 1));
  return out;
}

std::vector<PointRow> AppStationRepo::points_of_station(StationKind kind, int64_t station_id) {
  const Names& n = names(kind);
  return points_of(c_.query(point_select(n) + "WHERE s.id = ? AND a.status = 0 ORDER BY d.id, p." + n.number,
                            with(leading(n, now_), station_id)));
}

std::optional<PointRow> AppStationRepo::point_by_code(StationKind kind, const std::string& code) {
  const Names& n = names(kind);
  auto rows = points_of(c_.query(point_select(n) + "WHERE p.code = ?", with(leading(n, now_), code)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<PointRow> AppStationRepo::points_of_device(StationKind kind, const std::string& device_code) {
  const Names& n = names(kind);
  return points_of(c_.query(point_select(n) + "WHERE d.code = ? ORDER BY p." + n.number,
                            with(leading(n, now_), device_code)));
}

bool AppStationRepo::has_active_order(StationKind kind, int64_t point_id) {
  static const std::string car = "SELECT 1 FROM " + open_orders_on(StationKind::car, "?") + " LIMIT 1";
  static const std::string bike = "SELECT 1 FROM " + open_orders_on(StationKind::bike, "?") + " LIMIT 1";
  return !c_.query(kind == StationKind::car ? car : bike, {point_id}).empty();
}

}  // namespace zc::db::app
