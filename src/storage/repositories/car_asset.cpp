#include "storage/repositories/car_asset.hpp"

#include <cstdio>

#include "storage/repositories/car_common.hpp"

namespace zc::db::car {

namespace json = boost::json;
using station::child_filters;
using station::child_from;
using station::child_place_select;
static constexpr auto kCar = station::StationType::car;

static std::string coded(char prefix, int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%06lld", prefix, static_cast<long long>(id));
  return buf;
}

// ---- parking spots --------------------------------------------------------------------------------

static ListSpec spot_spec() {
  ListSpec s;
  s.select =
      "p.id AS \"id\", " + owner_select("p") + ", " + child_place_select("p") +
      ", p.code AS \"code\", p.name AS \"name\", "
      "p.lock_type AS \"lockType\", p.lock_state AS \"lockState\", p.status AS \"status\", "
      "p.camera_id AS \"cameraId\", cam.code AS \"cameraCode\", p.lock_pile_id AS \"lockPileId\", "
      "lp.code AS \"lockPileCode\", lp.name AS \"lockPileName\", p.lock_gun_no AS \"lockGunNo\", "
      "p.car_present AS \"carPresent\", p.lock_battery AS \"lockBattery\", p.lock_alarm AS \"lockAlarm\", "
      "p.lock_updated_at AS \"lockUpdatedAt\", p.gun_id AS \"gunId\", sg.code AS \"gunCode\", (SELECT "
      "r.state FROM parking_reservation r WHERE r.spot_id = p.id AND r.state IN ('reserved', 'occupying')) "
      "AS \"reservationState\", " +
      audit_select("p");
  s.from = child_from(kCar, "car_spot", "p") +
           " LEFT JOIN car_camera cam ON cam.id = p.camera_id"
           " LEFT JOIN car_pile lp ON lp.id = p.lock_pile_id LEFT JOIN car_gun sg ON sg.id = p.gun_id";
  s.filters = child_filters("p", {{"code", "p.code", Match::contains, Kind::text},
                                  {"name", "p.name", Match::contains, Kind::text},
                                  {"status", "p.status", Match::equal, Kind::integer},
                                  {"lockType", "p.lock_type", Match::equal, Kind::integer},
                                  {"cameraId", "p.camera_id", Match::equal, Kind::integer}});
  s.sortable = {{"id", "p.id"},
                {"code", "p.code"},
                {"name", "p.name"},
                {"status", "p.status"},
                {"createTime", "p.created_at"},
                {"updateTime", "p.updated_at"}};
  s.default_order = "p.id DESC";
  s.scope = child_scope("p");
  return s;
}

static const station::ListDef kSpotList{spot_spec, "p.id"};

SpotRepo::SpotRepo(Connection& c) : ChildRows(c, kCar, "car_spot", kSpotList) {}

std::optional<SpotRec> SpotRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, area_id, code, name, lock_type, status, camera_id FROM car_spot WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  SpotRec s;
  s.id = r.i64(0, 0);
  s.station_id = r.i64(0, 1);
  s.area_id = r.i64(0, 2);
  s.code = r.str(0, 3);
  s.name = r.str(0, 4);
  s.lock_type = r.i64(0, 5);
  s.status = r.i64(0, 6);
  s.camera_id = r.i64(0, 7);
  return s;
}

std::vector<SpotOption> SpotRepo::options(int64_t area_id, const DataScope& scope) {
  Where w;
  w.add("p.area_id = ?", {area_id});
  add_scope(w, child_scope("p"), scope);
  return read_rows<SpotOption>(c_.query(
      "SELECT p.id, p.code, p.name, p.camera_id, p.status FROM car_spot p" + w.sql() + " ORDER BY p.seq",
      w.params));
}

int64_t SpotRepo::next_seq(int64_t area_id) {
  return c_.scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM car_spot WHERE area_id = ?", {area_id}).value_or(1);
}

int64_t SpotRepo::insert(const Owned& o, int64_t area_id, int64_t seq, const std::string& name,
                         int64_t lock_type, const std::string& by, int64_t now) {
  int64_t id = c_.insert(
      "INSERT INTO car_spot (station_id, area_id, provider_id, property_id, seq, name, lock_type, status, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
      {o.station_id, area_id, o.provider_id, o.property_id, seq, name, lock_type, by, now});
  c_.execute("UPDATE car_spot SET code = ? WHERE id = ?", {coded('P', id), id});
  return id;
}

void SpotRepo::update(int64_t id, const std::string& name, int64_t lock_type, const std::string& by,
                      int64_t now) {
  c_.execute("UPDATE car_spot SET name = ?, lock_type = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {name, lock_type, by, now, id});
}

void SpotRepo::set_lock_state(int64_t id, const std::string& state) {
  c_.execute("UPDATE car_spot SET lock_state = ? WHERE id = ?", {state, id});
}

void SpotRepo::set_gun(int64_t id, std::optional<int64_t> gun_id) {
  c_.execute("UPDATE car_spot SET gun_id = NULLIF(CAST(? AS BIGINT), 0) WHERE id = ?",
             {gun_id.value_or(0), id});
}

void SpotRepo::clear_camera(int64_t camera_id) {
  c_.execute("UPDATE car_spot SET camera_id = NULL WHERE camera_id = ?", {camera_id});
}

void SpotRepo::set_camera(int64_t spot_id, int64_t camera_id) {
  c_.execute("UPDATE car_spot SET camera_id = ? WHERE id = ?", {camera_id, spot_id});
}

// ---- cameras ----------------------------------------------------------------------------------------

static ListSpec camera_spec() {
  ListSpec s;
  s.select =
      "c.id AS \"id\", " + owner_select("c") + ", " + child_place_select("c") +
      ", c.code AS \"code\", c.factory_no AS "
      "\"factoryNo\", c.ip AS \"ip\", c.name AS \"name\", c.sim AS \"sim\", c.left_spot_id AS "
      "\"leftSpotId\", ls.code AS \"leftSpotCode\", c.right_spot_id AS \"rightSpotId\", rs.code AS "
      "\"rightSpotCode\", c.online AS \"online\", c.last_seen AS \"lastSeen\", c.status AS \"status\", " +
      audit_select("c");
  s.from = child_from(kCar, "car_camera", "c") +
           " LEFT JOIN car_spot ls ON ls.id = c.left_spot_id "
           "LEFT JOIN car_spot rs ON rs.id = c.right_spot_id";
  s.filters = child_filters("c", {{"code", "c.code", Match::contains, Kind::text},
                                  {"factoryNo", "c.factory_no", Match::contains, Kind::text},
                                  {"ip", "c.ip", Match::contains, Kind::text},
                                  {"name", "c.name", Match::contains, Kind::text},
                                  {"status", "c.status", Match::equal, Kind::integer},
                                  {"spotCode", "(ls.code = ? OR rs.code = ?)", Match::custom, Kind::text}});
  s.sortable = {{"id", "c.id"},
                {"code", "c.code"},
                {"factoryNo", "c.factory_no"},
                {"status", "c.status"},
                {"createTime", "c.created_at"}};
  s.default_order = "c.id DESC";
  s.scope = child_scope("c");
  return s;
}

static void camera_row(json::object& o) {
  to_bools(o, {"online"});
}

static const station::ListDef kCameraList{camera_spec, "c.id", camera_row};

CameraRepo::CameraRepo(Connection& c) : DeviceRows(c, kCar, "car_camera", kCameraList) {}

std::optional<CameraRec> CameraRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, area_id, code, factory_no, status, left_spot_id, right_spot_id FROM car_camera "
      "WHERE "
      "id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  CameraRec c;
  c.id = r.i64(0, 0);
  c.station_id = r.i64(0, 1);
  c.area_id = r.i64(0, 2);
  c.code = r.str(0, 3);
  c.factory_no = r.str(0, 4);
  c.status = r.i64(0, 5);
  c.left_spot_id = r.i64(0, 6);
  c.right_spot_id = r.i64(0, 7);
  return c;
}

static Value spot_or_null(int64_t id) {
  return id ? Value(id) : null();
}

int64_t CameraRepo::insert(const Owned& o, int64_t area_id, const CameraFields& f, const std::string& by,
                           int64_t now) {
  int64_t id = c_.insert(
      "INSERT INTO car_camera (station_id, area_id, provider_id, property_id, factory_no, ip, name, sim, "
      "left_spot_id, right_spot_id, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, "
      "?, ?)",
      {o.station_id, area_id, o.provider_id, o.property_id, f.factory_no, f.ip, f.name, f.sim,
       spot_or_null(f.left_spot_id), spot_or_null(f.right_spot_id), by, now});
  c_.execute("UPDATE car_camera SET code = ? WHERE id = ?", {coded('C', id), id});
  return id;
}

void CameraRepo::update(int64_t id, const CameraFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE car_camera SET factory_no = ?, ip = ?, name = ?, sim = ?, left_spot_id = ?, right_spot_id = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {f.factory_no, f.ip, f.name, f.sim, spot_or_null(f.left_spot_id), spot_or_null(f.right_spot_id), by,
       now, id});
}

// ---- piles ------------------------------------------------------------------------------------------

static ListSpec pile_spec() {
  ListSpec s;
  s.select =
      "e.id AS \"id\", " + owner_select("e") + ", " + child_place_select("e") +
      ", e.code AS \"code\", e.factory_no AS "
      "\"factoryNo\", e.name AS \"name\", e.model AS \"model\", e.version AS \"version\", e.gun_count AS "
      "\"gunCount\", e.sim AS \"sim\", e.operation_type AS \"operationType\", e.occupancy_fee AS "
      "\"occupancyFee\", e.occupancy_free_min AS \"occupancyFreeMin\", e.occupancy_period_min AS "
      "\"occupancyPeriodMin\", e.occupancy_cap AS \"occupancyCap\", e.reservable AS \"reservable\", "
      "e.output_current AS \"outputCurrent\", "
      "e.output_power AS \"outputPower\", e.output_voltage AS \"outputVoltage\", e.current_type AS "
      "\"currentType\", e.charging_type AS \"chargingType\", e.speed AS \"speed\", e.install_method AS "
      "\"installMethod\", e.protection_class AS \"protectionClass\", e.comm_method AS \"commMethod\", "
      "e.protocol AS \"protocol\", e.online AS \"online\", e.last_seen AS \"lastSeen\", e.status AS "
      "\"status\", " +
      audit_select("e");
  s.from = child_from(kCar, "car_pile", "e");
  s.filters = child_filters("e", {
                                     {"code", "e.code", Match::contains, Kind::text},
                                     {"factoryNo", "e.factory_no", Match::contains, Kind::text},
                                     {"name", "e.name", Match::contains, Kind::text},
                                     {"speed", "e.speed", Match::equal, Kind::integer},
                                     {"status", "e.status", Match::equal, Kind::integer},
                                     {"online", "e.online", Match::equal, Kind::integer},
                                     {"protocol", "e.protocol", Match::equal, Kind::text},
                                     {"currentType", "e.current_type", Match::equal, Kind::text},
                                 });
  s.sortable = {{"id", "e.id"},
                {"code", "e.code"},
                {"factoryNo", "e.factory_no"},
                {"name", "e.name"},
                {"status", "e.status"},
                {"createTime", "e.created_at"},
                {"updateTime", "e.updated_at"}};
  s.default_order = "e.id DESC";
  s.scope = child_scope("e");
  return s;
}

static void pile_row(json::object& o) {
  to_bools(o, {"online", "reservable"});
}

static const station::ListDef kPileList{pile_spec, "e.id", pile_row};

PileRepo::PileRepo(Connection& c) : DeviceRows(c, kCar, "car_pile", kPileList) {}

std::optional<PileRec> PileRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, area_id, provider_id, property_id, code, factory_no, name, gun_count, status "
      "FROM "
      "car_pile WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  PileRec p;
  p.id = r.i64(0, 0);
  p.station_id = r.i64(0, 1);
  p.area_id = r.i64(0, 2);
  p.provider_id = r.i64(0, 3);
  p.property_id = r.i64(0, 4);
  p.code = r.str(0, 5);
  p.factory_no = r.str(0, 6);
  p.name = r.str(0, 7);
  p.gun_count = r.i64(0, 8);
  p.status = r.i64(0, 9);
  return p;
}

static Params pile_params(const PileFields& f) {
  return {f.factory_no,
          f.name,
          f.model,
          f.version,
          f.gun_count,
          f.sim,
          f.operation_type,
          f.occupancy_fee,
          f.occupancy_free_min,
          f.occupancy_period_min,
          f.occupancy_cap,
          int64_t{f.reservable ? 1 : 0},
          f.output_current,
          f.output_power,
          f.output_voltage,
          f.current_type,
          f.charging_type,
          f.speed,
          f.install_method,
          f.protection_class,
          f.comm_method,
          f.protocol};
}

int64_t PileRepo::insert(const Owned& o, int64_t area_id, const PileFields& f, const std::string& by,
                         int64_t now) {
  Params p = {o.station_id, area_id, o.provider_id, o.property_id};
  for (auto& v : pile_params(f)) p.push_back(v);
  p.emplace_back(by);
  p.emplace_back(now);
  return c_.insert(
      "INSERT INTO car_pile (station_id, area_id, provider_id, property_id, factory_no, name, model, "
      "version, "
      "gun_count, sim, operation_type, occupancy_fee, occupancy_free_min, occupancy_period_min, "
      "occupancy_cap, "
      "reservable, output_current, output_power, "
      "output_voltage, "
      "current_type, charging_type, speed, install_method, protection_class, comm_method, protocol, status, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, 0, ?, ?)",
      p);
}

void PileRepo::update(int64_t id, const PileFields& f, const std::string& by, int64_t now) {
  Params p = pile_params(f);
  p.erase(p.begin());  // factory_no stays
  p.emplace_back(by);
  p.emplace_back(now);
  p.emplace_back(id);
  c_.execute(
      "UPDATE car_pile SET name = ?, model = ?, version = ?, gun_count = ?, sim = ?, operation_type = ?, "
      "occupancy_fee = ?, occupancy_free_min = ?, occupancy_period_min = ?, occupancy_cap = ?, reservable = "
      "?, "
      "output_current = ?, output_power = ?, output_voltage = ?, "
      "current_type = "
      "?, charging_type = ?, speed = ?, install_method = ?, protection_class = ?, comm_method = ?, protocol "
      "= ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      p);
}

// ---- guns -------------------------------------------------------------------------------------------

static ListSpec gun_spec() {
  ListSpec s;
  s.select =
      "g.id AS \"id\", " + owner_select("g") + ", " + child_place_select("g") +
      ", g.pile_id AS \"pileId\", e.code AS \"pileCode\", "
      "e.name AS \"pileName\", e.factory_no AS \"factoryNo\", g.gun_no AS \"gunNo\", g.code AS \"code\", "
      "g.name AS \"name\", g.state AS \"state\", g.status AS \"status\", e.status AS \"pileStatus\", " +
      audit_select("g");
  s.from = child_from(kCar, "car_gun", "g") + " JOIN car_pile e ON e.id = g.pile_id";
  s.filters = child_filters("g", {
                                     {"pileId", "g.pile_id", Match::equal, Kind::integer},
                                     {"pileCode", "e.code", Match::contains, Kind::text},
                                     {"factoryNo", "e.factory_no", Match::contains, Kind::text},
                                     {"code", "g.code", Match::contains, Kind::text},
                                     {"status", "g.status", Match::equal, Kind::integer},
                                     {"state", "g.state", Match::equal, Kind::text},
                                 });
  s.sortable = {{"id", "g.id"},
                {"code", "g.code"},
                {"gunNo", "g.gun_no"},
                {"status", "g.status"},
                {"createTime", "g.created_at"}};
  s.default_order = "g.id DESC";
  s.scope = child_scope("g");
  return s;
}

static const station::ListDef kGunList{gun_spec, "g.id"};

GunRepo::GunRepo(Connection& c) : ChildRows(c, kCar, "car_gun", kGunList) {}

json::array GunRepo::of_pile(int64_t pile_id) {
  ListSpec s = gun_spec();
  return c_
      .query("SELECT " + s.select + " FROM " + s.from + " WHERE g.pile_id = ? ORDER BY g.gun_no", {pile_id})
      .to_json();
}

std::vector<GunRec> GunRepo::recs_of_pile(int64_t pile_id) {
  Result r = c_.query(
      "SELECT id, pile_id, gun_no, code, state, status FROM car_gun WHERE pile_id = ? ORDER BY gun_no",
      {pile_id});
  std::vector<GunRec> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.i64(i, 0), r.i64(i, 1), r.i64(i, 2), r.str(i, 3), r.str(i, 4), r.i64(i, 5)});
  return out;
}

std::optional<int64_t> GunRepo::station_of(int64_t id) {
  return c_.scalar("SELECT station_id FROM car_gun WHERE id = ?", {id});
}

std::optional<GunRec> GunRepo::find(int64_t id) {
  Result r = c_.query("SELECT id, pile_id, gun_no, code, state, status FROM car_gun WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return GunRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3), r.str(0, 4), r.i64(0, 5)};
}

void GunRepo::insert(const Owned& o, int64_t area_id, int64_t pile_id, int64_t gun_no,
                     const std::string& code, const std::string& name, const std::string& by, int64_t now) {
  c_.execute(
      "INSERT INTO car_gun (pile_id, station_id, area_id, provider_id, property_id, gun_no, code, name, "
      "state, "
      "status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'offline', 0, ?, ?)",
      {pile_id, o.station_id, area_id, o.provider_id, o.property_id, gun_no, code, name, by, now});
}

void GunRepo::remove(int64_t id) {
  c_.execute("DELETE FROM car_gun WHERE id = ?", {id});
}

void GunRepo::update(int64_t id, const std::string& name, const std::string& by, int64_t now) {
  c_.execute("UPDATE car_gun SET name = ?, updated_by = ?, updated_at = ? WHERE id = ?", {name, by, now, id});
}

}  // namespace zc::db::car
