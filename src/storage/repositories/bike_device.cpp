#include "storage/repositories/bike_device.hpp"

#include "storage/repositories/station_child.hpp"

namespace zc::db::bike {

namespace json = boost::json;
using namespace db::station;

static constexpr StationType kBike = StationType::bike;

// ---- devices ------------------------------------------------------------------------------------

static ListSpec device_spec() {
  ListSpec s;
  s.select =
      "d.id AS \"id\", " + owner_select("d") + ", " + child_place_select("d") +
      ", d.code AS \"code\", d.factory_no AS \"factoryNo\", d.name AS \"name\", "
      "d.device_type AS \"deviceType\", d.location AS \"location\", d.rated_power AS \"ratedPower\", "
      "d.rated_voltage AS \"ratedVoltage\", d.rated_current AS \"ratedCurrent\", "
      "d.current_upper_limit AS \"currentUpperLimit\", d.current_lower_limit AS \"currentLowerLimit\", "
      "d.socket_count AS \"socketCount\", d.production_date AS \"productionDate\", d.deployment_date AS "
      "\"deploymentDate\", d.protocol AS \"protocol\", d.online AS \"online\", d.last_seen AS "
      "\"lastSeen\", d.status AS \"status\", " +
      audit_select("d");
  s.from = child_from(kBike, "bike_device", "d");
  s.filters = child_filters("d", {
                                     {"code", "d.code", Match::contains, Kind::text},
                                     {"factoryNo", "d.factory_no", Match::contains, Kind::text},
                                     {"name", "d.name", Match::contains, Kind::text},
                                     {"status", "d.status", Match::equal, Kind::integer},
                                     {"online", "d.online", Match::equal, Kind::integer},
                                     {"deviceType", "d.device_type", Match::equal, Kind::integer},
                                 });
  s.sortable = {{"id", "d.id"},         {"code", "d.code"},     {"name", "d.name"},
                {"status", "d.status"}, {"online", "d.online"}, {"createTime", "d.created_at"}};
  s.default_order = "d.id DESC";
  s.scope = child_scope(kBike, "d");
  return s;
}

static void device_row(json::object& o) {
  to_bools(o, {"online"});
}

static const ListDef kDeviceList{device_spec, "d.id", device_row};

DeviceRepo::DeviceRepo(Connection& c) : DeviceRows(c, kBike, "bike_device", kDeviceList) {}

std::optional<DeviceRec> DeviceRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, area_id, code, factory_no, name, socket_count, status FROM bike_device WHERE "
      "id "
      "= ?",
      {id});
  if (r.empty()) return std::nullopt;
  DeviceRec d;
  d.id = r.i64(0, 0);
  d.station_id = r.i64(0, 1);
  d.area_id = r.i64(0, 2);
  d.code = r.str(0, 3);
  d.factory_no = r.str(0, 4);
  d.name = r.str(0, 5);
  d.socket_count = r.i64(0, 6);
  d.status = r.i64(0, 7);
  return d;
}

int64_t DeviceRepo::insert(const Owned& o, int64_t area_id, const DeviceFields& f, const std::string& by,
                           int64_t now) {
  return c_.insert(
      "INSERT INTO bike_device (station_id, area_id, provider_id, property_id, factory_no, name, "
      "device_type, "
      "location, rated_power, rated_voltage, rated_current, current_upper_limit, current_lower_limit, "
      "socket_count, production_date, deployment_date, protocol, online, status, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
      {o.station_id, area_id, o.provider_id, o.property_id, f.factory_no, f.name, f.device_type, f.location,
       f.rated_power, f.rated_voltage, f.rated_current, f.current_upper_limit, f.current_lower_limit,
       f.socket_count, f.production_date, f.deployment_date, f.protocol, by, now});
}

void DeviceRepo::update(int64_t id, const DeviceFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE bike_device SET name = ?, device_type = ?, location = ?, rated_power = ?, rated_voltage = ?, "
      "rated_current = ?, current_upper_limit = ?, current_lower_limit = ?, production_date = ?, "
      "deployment_date = ?, protocol = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {f.name, f.device_type, f.location, f.rated_power, f.rated_voltage, f.rated_current,
       f.current_upper_limit, f.current_lower_limit, f.production_date, f.deployment_date, f.protocol, by,
       now, id});
}

void DeviceRepo::remove(int64_t id) {
  c_.execute("DELETE FROM bike_socket WHERE device_id = ?", {id});
  c_.execute("DELETE FROM bike_device WHERE id = ?", {id});
}

// ---- sockets ------------------------------------------------------------------------------------

static ListSpec socket_spec() {
  ListSpec s;
  s.select = "k.id AS \"id\", " + owner_select("k") + ", " + child_place_select("k") +
             ", k.device_id AS \"deviceId\", d.code AS \"deviceCode\", d.name AS \"deviceName\", "
             "d.factory_no AS \"factoryNo\", k.socket_no AS \"socketNo\", k.code AS \"code\", k.name AS "
             "\"name\", k.state AS \"state\", k.status AS \"status\", " +
             audit_select("k");
  s.from = child_from(kBike, "bike_socket", "k") + " JOIN bike_device d ON d.id = k.device_id";
  s.filters = child_filters("k", {
                                     {"deviceId", "k.device_id", Match::equal, Kind::integer},
                                     {"deviceCode", "d.code", Match::contains, Kind::text},
                                     {"factoryNo", "d.factory_no", Match::contains, Kind::text},
                                     {"deviceName", "d.name", Match::contains, Kind::text},
                                     {"code", "k.code", Match::contains, Kind::text},
                                     {"status", "k.status", Match::equal, Kind::integer},
                                     {"state", "k.state", Match::equal, Kind::text},
                                 });
  s.sortable = {{"id", "k.id"},         {"code", "k.code"},   {"socketNo", "k.socket_no"},
                {"status", "k.status"}, {"state", "k.state"}, {"createTime", "k.created_at"}};
  s.default_order = "k.device_id DESC, k.socket_no";
  s.scope = child_scope(kBike, "k");
  return s;
}

static const ListDef kSocketList{socket_spec, "k.id"};

SocketRepo::SocketRepo(Connection& c) : ChildRows(c, kBike, "bike_socket", kSocketList) {}

json::array SocketRepo::of_device(int64_t device_id) {
  return c_
      .query(
          "SELECT id AS \"id\", socket_no AS \"socketNo\", code AS \"code\", name AS \"name\", state AS "
          "\"state\", status AS \"status\" FROM bike_socket WHERE device_id = ? ORDER BY socket_no",
          {device_id})
      .to_json();
}

void SocketRepo::insert(const Owned& o, int64_t area_id, int64_t device_id, int64_t socket_no,
                        const std::string& code, const std::string& name, const std::string& by,
                        int64_t now) {
  c_.execute(
      "INSERT INTO bike_socket (device_id, station_id, area_id, provider_id, property_id, socket_no, code, "
      "name, state, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'offline', 0, ?, ?)",
      {device_id, o.station_id, area_id, o.provider_id, o.property_id, socket_no, code, name, by, now});
}

void SocketRepo::update(int64_t id, const std::string& name, const std::string& by, int64_t now) {
  c_.execute("UPDATE bike_socket SET name = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {name, by, now, id});
}

int64_t SocketRepo::charging_count(int64_t device_id) {
  return c_.scalar("SELECT COUNT(*) FROM bike_socket WHERE device_id = ? AND state = 'charging'", {device_id})
      .value_or(0);
}

bool SocketRepo::set_state(int64_t id, const std::string& state) {
  return c_.execute("UPDATE bike_socket SET state = ? WHERE id = ?", {state, id}) > 0;
}

}  // namespace zc::db::bike
