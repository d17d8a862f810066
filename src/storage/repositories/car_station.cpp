#include "storage/repositories/car_station.hpp"

#include "storage/repositories/car_common.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::car {

namespace json = boost::json;

// ---- stations -----------------------------------------------------------------------------------

static ListSpec station_spec() {
  ListSpec s;
  s.select =
      "s.id AS \"id\", " + owner_select("s") +
      ", s.name AS \"name\", s.operation_type AS \"operationType\", s.contact AS \"contact\", "
      "s.contact_phone AS \"contactPhone\", s.intro AS \"intro\", s.hotline AS \"hotline\", "
      "s.opening_hours AS \"openingHours\", s.max_power AS \"maxPower\", s.capacity_load AS "
      "\"capacityLoad\", "
      "s.province AS \"province\", s.city AS \"city\", s.district AS \"district\", s.address AS \"address\", "
      "s.longitude AS \"longitude\", s.latitude AS \"latitude\", s.timezone AS \"timezone\", "
      "s.status AS \"status\", s.audit_status AS \"auditStatus\", s.audit_remark AS \"auditRemark\", "
      "s.audit_by AS \"auditBy\", s.audit_time AS \"auditTime\", " +
      station::configured_select(station::StationType::car, "s") + ", " + audit_select("s");
  s.from = "car_station s" + owner_join("s");
  s.filters = {
      {"name", "s.name", Match::contains, Kind::text},
      {"auditStatus", "s.audit_status", Match::equal, Kind::integer},
      {"status", "s.status", Match::equal, Kind::integer},
      {"providerId", "s.provider_id", Match::equal, Kind::integer},
      {"propertyId", "s.property_id", Match::equal, Kind::integer},
      {"operationType", "s.operation_type", Match::equal, Kind::integer},
      {"beginTime", "s.created_at", Match::at_least, Kind::integer},
      {"endTime", "s.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "s.id"},
                {"name", "s.name"},
                {"status", "s.status"},
                {"auditStatus", "s.audit_status"},
                {"createTime", "s.created_at"},
                {"updateTime", "s.updated_at"}};
  s.default_order = "s.id DESC";
  s.scope = station_scope("s");
  return s;
}

static void station_row(json::object& o) {
  to_bools(o, {"invoiceConfigured", "payConfigured"});
  to_degrees(o, {"longitude", "latitude"});
}

Page StationRepo::list(const QueryParams& q, const DataScope& scope) {
  Page p = list_page(c_, station_spec(), q, scope);
  for (auto& r : p.rows) station_row(r.as_object());
  return p;
}

std::optional<json::object> StationRepo::detail(int64_t id, const DataScope& scope) {
  auto o = row_by_id(c_, station_spec(), "s.id", id, scope);
  if (o) station_row(*o);
  return o;
}

std::optional<StationRec> StationRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, provider_id, property_id, name, timezone, hotline, address, status, audit_status FROM "
      "car_station WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  StationRec s;
  s.id = r.i64(0, 0);
  s.provider_id = r.i64(0, 1);
  s.property_id = r.i64(0, 2);
  s.name = r.str(0, 3);
  s.timezone = r.str(0, 4);
  s.hotline = r.str(0, 5);
  s.address = r.str(0, 6);
  s.status = r.i64(0, 7);
  s.audit_status = r.i64(0, 8);
  return s;
}

std::optional<StationFields> StationRepo::fields(int64_t id) {
  Result r = c_.query(
      "SELECT name, operation_type, contact, contact_phone, intro, hotline, opening_hours, max_power, "
      "capacity_load, province, city, district, address, longitude, latitude, timezone FROM car_station "
      "WHERE "
      "id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  StationFields f;
  f.name = r.str(0, 0);
  f.operation_type = r.i64(0, 1);
  f.contact = r.str(0, 2);
  f.contact_phone = r.str(0, 3);
  f.intro = r.str(0, 4);
  f.hotline = r.str(0, 5);
  f.opening_hours = r.str(0, 6);
  f.max_power = r.i64(0, 7);
  f.capacity_load = r.i64(0, 8);
  f.province = r.str(0, 9);
  f.city = r.str(0, 10);
  f.district = r.str(0, 11);
  f.address = r.str(0, 12);
  if (!r.is_null(0, 13)) f.longitude = r.i64(0, 13);
  if (!r.is_null(0, 14)) f.latitude = r.i64(0, 14);
  f.timezone = r.str(0, 15);
  return f;
}

bool StationRepo::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, "car_station", "s", station_scope("s"), id, scope);
}

json::array StationRepo::options(std::optional<int64_t> property_id, bool enabled_only,
                                 const DataScope& scope) {
  Where w;
  if (property_id) w.add("s.property_id = ?", {*property_id});
  if (enabled_only) w.add("s.status = 0");
  add_scope(w, station_scope("s"), scope);
  return c_
      .query(
          "SELECT s.id AS \"id\", s.name AS \"name\", s.property_id AS \"propertyId\", s.status AS "
          "\"status\" "
          "FROM car_station s" +
              w.sql() + " ORDER BY s.id",
          w.params)
      .to_json();
}

static Params station_params(const StationFields& f) {
  return {f.name,          f.operation_type, f.contact,       f.contact_phone, f.intro, f.hotline,
          f.opening_hours, f.max_power,      f.capacity_load, f.province,      f.city,  f.district,
          f.address,       opt(f.longitude), opt(f.latitude), f.timezone};
}

int64_t StationRepo::insert(int64_t provider_id, int64_t property_id, const StationFields& f,
                            const std::string& by, int64_t now) {
  Params p = station_params(f);
  p.insert(p.begin(), {provider_id, property_id});
  p.emplace_back(by);
  p.emplace_back(now);
  return c_.insert(
      "INSERT INTO car_station (provider_id, property_id, name, operation_type, contact, contact_phone, "
      "intro, "
      "hotline, opening_hours, max_power, capacity_load, province, city, district, address, longitude, "
      "latitude, timezone, status, audit_status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
      p);
}

void StationRepo::update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by,
                         int64_t now) {
  Params p = station_params(f);
  p.emplace_back(by);
  p.emplace_back(now);
  p.emplace_back(id);
  c_.execute(
      std::string("UPDATE car_station SET name = ?, operation_type = ?, contact = ?, contact_phone = ?, "
                  "intro = ?, hotline = ?, opening_hours = ?, max_power = ?, capacity_load = ?, "
                  "province = ?, city = ?, district = ?, address = ?, longitude = ?, latitude = ?, "
                  "timezone = ?, updated_by = ?, updated_at = ?") +
          (reset_audit ? ", audit_status = 0" : "") + " WHERE id = ?",
      p);
}

bool StationRepo::audit(int64_t id, int64_t audit_status, const std::string& remark, const std::string& by,
                        int64_t now) {
  return c_.execute(
             "UPDATE car_station SET audit_status = ?, audit_remark = ?, audit_by = ?, audit_time = ?, "
             "updated_by = ?, updated_at = ? WHERE id = ? AND audit_status = 0",
             {audit_status, remark, by, now, by, now, id}) > 0;
}

void StationRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE car_station SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

json::object StationRepo::counts(int64_t id) {
  Result r = c_.query(
      "SELECT (SELECT COUNT(*) FROM car_area WHERE station_id = ?), (SELECT COUNT(*) FROM car_pile WHERE "
      "station_id = ?), (SELECT COUNT(*) FROM car_gun WHERE station_id = ?), (SELECT COUNT(*) FROM car_spot "
      "WHERE station_id = ?)",
      {id, id, id, id});
  json::object o;
  o["areas"] = r.i64(0, 0);
  o["piles"] = r.i64(0, 1);
  o["guns"] = r.i64(0, 2);
  o["spots"] = r.i64(0, 3);
  return o;
}

// ---- private-pile applications --------------------------------------------------------------------

Page PrivateApplyRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select =
      "a.id AS \"id\", " + owner_select("a") + ", " + station_select("a") +
      ", a.name AS \"name\", a.phone AS \"phone\", a.plate AS \"plate\", a.community AS \"community\", "
      "a.parking_spot AS \"parkingSpot\", a.remark AS \"remark\", a.status AS \"status\", "
      "a.handle_remark AS \"handleRemark\", a.handled_by AS \"handledBy\", a.handled_at AS \"handledAt\", " +
      audit_select("a");
  s.from = "car_private_apply a" + owner_join("a") + station_join("a");
  s.filters = {
      {"stationId", "a.station_id", Match::equal, Kind::integer},
      {"phone", "a.phone", Match::contains, Kind::text},
      {"name", "a.name", Match::contains, Kind::text},
      {"status", "a.status", Match::equal, Kind::integer},
      {"beginTime", "a.created_at", Match::at_least, Kind::integer},
      {"endTime", "a.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "a.id"}, {"status", "a.status"}, {"createTime", "a.created_at"}};
  s.default_order = "a.id DESC";
  s.scope = child_scope("a");
  return list_page(c_, s, q, scope);
}

int64_t PrivateApplyRepo::count_since(int64_t station_id, const std::string& phone, int64_t since_ms) {
  return c_
      .scalar("SELECT COUNT(*) FROM car_private_apply WHERE station_id = ? AND phone = ? AND created_at >= ?",
              {station_id, phone, since_ms})
      .value_or(0);
}

int64_t PrivateApplyRepo::insert(const PrivateApplyFields& f, int64_t now) {
  return c_.insert(
      "INSERT INTO car_private_apply (station_id, provider_id, property_id, name, phone, plate, community, "
      "parking_spot, remark, ip, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, "
      "?)",
      {f.station_id, f.provider_id, f.property_id, f.name, f.phone, f.plate, f.community, f.parking_spot,
       f.remark, f.ip, f.phone, now});
}

bool PrivateApplyRepo::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, "car_private_apply", "a", child_scope("a"), id, scope);
}

std::optional<int64_t> PrivateApplyRepo::status_of(int64_t id) {
  return c_.scalar("SELECT status FROM car_private_apply WHERE id = ?", {id});
}

void PrivateApplyRepo::handle(int64_t id, int64_t status, const std::string& remark, const std::string& by,
                              int64_t now) {
  c_.execute(
      "UPDATE car_private_apply SET status = ?, handle_remark = ?, handled_by = ?, handled_at = ?, "
      "updated_by = ?, "
      "updated_at = ? WHERE id = ?",
      {status, remark, by, now, by, now, id});
}

}  // namespace zc::db::car
