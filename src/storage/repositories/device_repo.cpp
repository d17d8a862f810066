#include "storage/repositories/device_repo.hpp"

namespace zc::db::dev {

// One lookup for every device table: the identity by code, or by factory number when no code matches.
static std::optional<DeviceIdentity> find_identity(Connection& c, const char* kind, const char* table,
                                                   const char* code_expr, const char* connectors,
                                                   const std::string& code_or_sn) {
  Result r = c.query(std::string("SELECT id, ") + code_expr + ", factory_no, name, protocol, status, " +
                         connectors + ", provider_id, property_id, station_id FROM " + table +
                         " WHERE code = ? OR factory_no = ? ORDER BY CASE WHEN code = ? THEN 0 ELSE 1 END "
                         "LIMIT 1",
                     {code_or_sn, code_or_sn, code_or_sn});
  if (r.empty()) return std::nullopt;
  DeviceIdentity d;
  d.kind = kind;
  d.id = r.i64(0, 0);
  d.code = r.str(0, 1);
  d.factory_no = r.str(0, 2);
  d.name = r.str(0, 3);
  d.protocol = r.str(0, 4);
  d.status = r.i64(0, 5);
  d.connectors = r.i64(0, 6);
  d.provider_id = r.i64(0, 7);
  d.property_id = r.i64(0, 8);
  d.station_id = r.i64(0, 9);
  return d;
}

std::optional<DeviceIdentity> DeviceRepo::find_car_pile(const std::string& code_or_sn) {
  return find_identity(c_, "car_pile", "car_pile", "code", "gun_count", code_or_sn);
}

std::optional<DeviceIdentity> DeviceRepo::find_bike_device(const std::string& code_or_sn) {
  return find_identity(c_, "bike_device", "bike_device", "COALESCE(code, '')", "socket_count", code_or_sn);
}

std::optional<DeviceIdentity> DeviceRepo::find_device(const std::string& code_or_sn) {
  if (auto d = find_car_pile(code_or_sn)) return d;
  return find_bike_device(code_or_sn);
}

bool DeviceRepo::car_pile_in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("p.id = ?", {id});
  ScopeColumns cols;
  cols.provider = "p.provider_id";
  cols.property = "p.property_id";
  cols.car_station = "p.station_id";
  add_scope(w, cols, scope);
  return c_.scalar("SELECT p.id FROM car_pile p" + w.sql(), w.params).has_value();
}

void DeviceRepo::set_online(const std::string& kind, int64_t id, bool online, int64_t last_seen) {
  if (kind == "car_pile") {
    c_.execute("UPDATE car_pile SET online = ?, last_seen = ? WHERE id = ?",
               {int64_t{online ? 1 : 0}, last_seen, id});
    if (!online) c_.execute("UPDATE car_gun SET state = 'offline' WHERE pile_id = ?", {id});
  } else if (kind == "bike_device") {
    c_.execute("UPDATE bike_device SET online = ?, last_seen = ? WHERE id = ?",
               {int64_t{online ? 1 : 0}, last_seen, id});
    if (!online) c_.execute("UPDATE bike_socket SET state = 'offline' WHERE device_id = ?", {id});
  } else if (kind == "car_camera") {
    c_.execute("UPDATE car_camera SET online = ?, last_seen = ? WHERE id = ?",
               {int64_t{online ? 1 : 0}, last_seen, id});
  }
}

void DeviceRepo::set_last_seen(const std::string& kind, int64_t id, int64_t last_seen) {
  if (kind == "car_pile")
    c_.execute("UPDATE car_pile SET last_seen = ? WHERE id = ?", {last_seen, id});
  else if (kind == "bike_device")
    c_.execute("UPDATE bike_device SET last_seen = ? WHERE id = ?", {last_seen, id});
  else if (kind == "car_camera")
    c_.execute("UPDATE car_camera SET last_seen = ? WHERE id = ?", {last_seen, id});
}

void DeviceRepo::set_connector_state(const std::string& kind, int64_t id, int64_t connector,
                                     const std::string& state) {
  const char* all = kind == "car_pile"      ? "UPDATE car_gun SET state = 'fault' WHERE pile_id = ?"
                    : kind == "bike_device" ? "UPDATE bike_socket SET state = 'fault' WHERE device_id = ?"
                                            : nullptr;
  const char* one = kind == "car_pile" ? "UPDATE car_gun SET state = ? WHERE pile_id = ? AND gun_no = ?"
                    : kind == "bike_device"
                        ? "UPDATE bike_socket SET state = ? WHERE device_id = ? AND socket_no = ?"
                        : nullptr;
  if (!all || !one) return;
  if (connector == 0) {
    if (state == "fault") c_.execute(all, {id});
    return;
  }
  c_.execute(one, {state, id, connector});
}

void DeviceRepo::log_online(const std::string& kind, int64_t id, const std::string& protocol, bool online,
                            const std::string& reason, const std::string& remote_ip, int64_t time) {
  if (kind == "car_pile")
    c_.execute(
        "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, "
        "protocol, "
        "state, reason, remote_ip, time, provider_id, property_id, car_station_id) "
        "SELECT 'car_pile', p.id, p.name, COALESCE(p.code, ''), p.factory_no, ?, ?, ?, ?, ?, p.provider_id, "
        "p.property_id, p.station_id FROM car_pile p WHERE p.id = ?",
        {protocol, int64_t{online ? 1 : 0}, reason, remote_ip, time, id});
  else if (kind == "bike_device")
    c_.execute(
        "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, "
        "protocol, "
        "state, reason, remote_ip, time, provider_id, property_id, bike_station_id) "
        "SELECT 'bike_device', d.id, d.name, COALESCE(d.code, ''), d.factory_no, ?, ?, ?, ?, ?, "
        "d.provider_id, "
        "d.property_id, d.station_id FROM bike_device d WHERE d.id = ?",
        {protocol, int64_t{online ? 1 : 0}, reason, remote_ip, time, id});
  else if (kind == "car_camera")
    c_.execute(
        "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, "
        "protocol, state, reason, remote_ip, time, provider_id, property_id, car_station_id) "
        "SELECT 'car_camera', d.id, d.name, COALESCE(d.code, ''), d.factory_no, ?, ?, ?, ?, ?, "
        "d.provider_id, d.property_id, d.station_id FROM car_camera d WHERE d.id = ?",
        {protocol, int64_t{online ? 1 : 0}, reason, remote_ip, time, id});
}

int64_t DeviceRepo::reset_online(const std::string& reason, int64_t now) {
  int64_t n = 0;
  // The log rows first: they read the devices that are still marked online.
  c_.execute(
      "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, protocol, "
      "state, reason, remote_ip, time, provider_id, property_id, car_station_id) "
      "SELECT 'car_pile', p.id, p.name, COALESCE(p.code, ''), p.factory_no, p.protocol, 0, ?, '', ?, "
      "p.provider_id, p.property_id, p.station_id FROM car_pile p WHERE p.online = 1",
      {reason, now});
  c_.execute(
      "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, protocol, "
      "state, reason, remote_ip, time, provider_id, property_id, bike_station_id) "
      "SELECT 'bike_device', d.id, d.name, COALESCE(d.code, ''), d.factory_no, d.protocol, 0, ?, '', ?, "
      "d.provider_id, d.property_id, d.station_id FROM bike_device d WHERE d.online = 1",
      {reason, now});
  c_.execute(
      "UPDATE car_gun SET state = 'offline' WHERE pile_id IN (SELECT id FROM car_pile WHERE online = 1)");
  c_.execute(
      "UPDATE bike_socket SET state = 'offline' WHERE device_id IN (SELECT id FROM bike_device WHERE online "
      "= "
      "1)");
  n += c_.execute("UPDATE car_pile SET online = 0 WHERE online = 1");
  n += c_.execute("UPDATE bike_device SET online = 0 WHERE online = 1");
  c_.execute(
      "INSERT INTO device_online_log (device_kind, device_id, device_name, device_code, device_sn, protocol, "
      "state, reason, remote_ip, time, provider_id, property_id, car_station_id) "
      "SELECT 'car_camera', d.id, d.name, COALESCE(d.code, ''), d.factory_no, 'vzenith', 0, ?, '', ?, "
      "d.provider_id, d.property_id, d.station_id FROM car_camera d WHERE d.online = 1",
      {reason, now});
  n += c_.execute("UPDATE car_camera SET online = 0 WHERE online = 1");
  return n;
}

bool DeviceRepo::bike_device_in_scope(int64_t id, const DataScope& scope) {
  Where w;
  w.add("d.id = ?", {id});
  ScopeColumns cols;
  cols.provider = "d.provider_id";
  cols.property = "d.property_id";
  cols.bike_station = "d.station_id";
  add_scope(w, cols, scope);
  return c_.scalar("SELECT d.id FROM bike_device d" + w.sql(), w.params).has_value();
}

// The online log's filters and scope, shared by the page (online_log) and its chart (online_hourly).
static ListSpec online_log_spec() {
  ListSpec s;
  s.select =
      "l.id AS \"id\", l.device_kind AS \"deviceType\", l.device_id AS \"deviceId\", l.device_name AS "
      "\"deviceName\", l.device_code AS \"deviceCode\", l.device_sn AS \"deviceSn\", l.protocol AS "
      "\"protocol\", "
      "l.state AS \"state\", l.reason AS \"reason\", l.remote_ip AS \"remoteIp\", l.time AS \"time\", "
      "l.car_station_id AS \"carStationId\", l.bike_station_id AS \"bikeStationId\", "
      "COALESCE(cs.name, bs.name, '') AS \"stationName\"";
  s.from =
      "device_online_log l LEFT JOIN car_station cs ON cs.id = l.car_station_id "
      "LEFT JOIN bike_station bs ON bs.id = l.bike_station_id";
  s.filters = {
      {"deviceName", "l.device_name", Match::contains, Kind::text},
      {"deviceCode", "l.device_code", Match::contains, Kind::text},
      {"deviceSn", "l.device_sn", Match::contains, Kind::text},
      {"deviceType", "l.device_kind", Match::equal, Kind::text},
      {"deviceId", "l.device_id", Match::equal, Kind::integer},
      {"protocol", "l.protocol", Match::equal, Kind::text},
      {"state", "l.state", Match::equal, Kind::integer},
      {"carStationId", "l.car_station_id", Match::equal, Kind::integer},
      {"bikeStationId", "l.bike_station_id", Match::equal, Kind::integer},
      {"beginTime", "l.time", Match::at_least, Kind::integer},
      {"endTime", "l.time", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "l.id"},
                {"time", "l.time"},
                {"deviceName", "l.device_name"},
                {"deviceCode", "l.device_code"},
                {"state", "l.state"}};
  s.default_order = "l.id DESC";
  s.scope.provider = "l.provider_id";
  s.scope.property = "l.property_id";
  s.scope.car_station = "l.car_station_id";
  s.scope.bike_station = "l.bike_station_id";
  return s;
}

Page DeviceRepo::online_log(const QueryParams& q, const DataScope& scope) {
  return list_page(c_, online_log_spec(), q, scope);
}

std::vector<OnlineHour> DeviceRepo::online_hourly(const QueryParams& q, const DataScope& scope) {
  ListSpec s = online_log_spec();
  Where w;
  add_filters(w, s.filters, q, c_.dialect());
  add_scope(w, s.scope, scope);
  Result r = c_.query(
      "SELECT l.time / 3600000 AS h, SUM(CASE WHEN l.state = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN l.state = 1 THEN 0 ELSE 1 END) FROM " +
          s.from + w.sql() + " GROUP BY l.time / 3600000 ORDER BY h",
      w.params);
  std::vector<OnlineHour> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.i64(i, 0) * 3600000, r.i64(i, 1), r.i64(i, 2)});
  return out;
}

std::vector<OnlineNow> DeviceRepo::online_now(const DataScope& scope) {
  std::vector<OnlineNow> out;
  auto count = [&](const char* kind, const char* table, bool car) {
    Where w;
    ScopeColumns cols;
    cols.provider = "d.provider_id";
    cols.property = "d.property_id";
    (car ? cols.car_station : cols.bike_station) = "d.station_id";
    add_scope(w, cols, scope);
    Result r = c_.query(std::string("SELECT COUNT(*), SUM(CASE WHEN d.online = 1 THEN 1 ELSE 0 END) FROM ") +
                            table + " d" + w.sql(),
                        w.params);
    out.push_back({kind, r.i64(0, 1), r.i64(0, 0)});
  };
  count("car_pile", "car_pile", true);
  count("bike_device", "bike_device", false);
  return out;
}

int64_t DeviceRepo::start_transaction(const TxStart& t, int64_t now) {
  // The retry key of an OCPP StartTransaction (the device has no transaction id yet): connector,
  // timestamp, idTag and meterStart. A genuine retry repeats all four; two sessions that merely share a
  // start second differ in the idTag or the meter (docs/ocpp.md).
  const char* find =
      "SELECT id FROM charging_transaction WHERE device_kind = ? AND device_id = ? AND connector_id = ? AND "
      "start_time = ? AND id_tag = ? AND meter_start = ? AND device_serial IS NULL";
  Params key{t.kind, t.device_id, t.connector_id, t.start_time, t.id_tag, t.meter_start};
  if (auto id = c_.scalar(find, key)) return *id;
  int64_t provider = 0, property = 0, station = 0;
  const char* owner =
      t.kind == "car_pile"      ? "SELECT provider_id, property_id, station_id FROM car_pile WHERE id = ?"
      : t.kind == "bike_device" ? "SELECT provider_id, property_id, station_id FROM bike_device WHERE id = ?"
                                : nullptr;
  if (owner) {
    Result r = c_.query(owner, {t.device_id});
    if (!r.empty()) provider = r.i64(0, 0), property = r.i64(0, 1), station = r.i64(0, 2);
  }
  return c_.insert(
      "INSERT INTO charging_transaction (device_kind, device_id, connector_id, id_tag, id_tag_status, "
      "reservation_id, meter_start, start_time, status, provider_id, property_id, station_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)",
      {t.kind, t.device_id, t.connector_id, t.id_tag, t.id_tag_status, opt(t.reservation_id), t.meter_start,
       t.start_time, provider, property, station, now});
}

std::optional<TxRow> DeviceRepo::find_transaction(int64_t id) {
  Result r = c_.query(
      "SELECT id, device_kind, device_id, connector_id, id_tag, meter_start, status FROM "
      "charging_transaction "
      "WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  TxRow t;
  t.id = r.i64(0, 0);
  t.kind = r.str(0, 1);
  t.device_id = r.i64(0, 2);
  t.connector_id = r.i64(0, 3);
  t.id_tag = r.str(0, 4);
  t.meter_start = r.i64(0, 5);
  t.status = r.str(0, 6);
  return t;
}

bool DeviceRepo::stop_transaction(int64_t id, int64_t meter_stop, int64_t stop_time,
                                  const std::string& reason, const std::string& id_tag, int64_t now) {
  return c_.execute(
             "UPDATE charging_transaction SET status = 'stopped', meter_stop = ?, stop_time = ?, stop_reason "
             "= ?, "
             "stop_id_tag = ?, updated_at = ? WHERE id = ? AND status = 'active'",
             {meter_stop, stop_time, reason, id_tag, now, id}) > 0;
}

void DeviceRepo::set_meter(int64_t transaction_id, int64_t meter, int64_t time) {
  c_.execute(
      "UPDATE charging_transaction SET meter_last = ?, meter_last_time = ? WHERE id = ? AND status = "
      "'active'",
      {meter, time, transaction_id});
}

std::optional<std::pair<std::string, std::string>> DeviceRepo::secret(const std::string& kind, int64_t id) {
  Result r = c_.query("SELECT salt, password_hash FROM device_secret WHERE device_kind = ? AND device_id = ?",
                      {kind, id});
  if (r.empty()) return std::nullopt;
  return std::make_pair(r.str(0, 0), r.str(0, 1));
}

void DeviceRepo::set_secret(const std::string& kind, int64_t id, const std::string& salt,
                            const std::string& hash, const std::string& by, int64_t now) {
  c_.execute("DELETE FROM device_secret WHERE device_kind = ? AND device_id = ?", {kind, id});
  c_.execute(
      "INSERT INTO device_secret (device_kind, device_id, salt, password_hash, updated_by, updated_at) "
      "VALUES "
      "(?, ?, ?, ?, ?, ?)",
      {kind, id, salt, hash, by, now});
}

}  // namespace zc::db::dev
