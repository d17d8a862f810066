#include "storage/repositories/bike_station.hpp"

#include <cstdio>

#include "storage/repositories/station_common.hpp"

namespace zc::db::bike {

namespace json = boost::json;
using namespace db::station;

static constexpr StationType kBike = StationType::bike;

// ---- stations -----------------------------------------------------------------------------------

static ListSpec station_spec() {
  ListSpec s;
  s.select =
      "s.id AS \"id\", " + owner_select("s") +
      ", s.name AS \"name\", s.short_name AS \"shortName\", s.service_phone AS \"servicePhone\", "
      "s.operation_type AS \"operationType\", s.opening_hours AS \"openingHours\", "
      "s.province AS \"province\", s.city AS \"city\", s.district AS \"district\", s.address AS "
      "\"address\", s.longitude AS \"longitude\", s.latitude AS \"latitude\", s.timezone AS \"timezone\", "
      "s.status AS \"status\", s.audit_status AS \"auditStatus\", s.audit_remark AS \"auditRemark\", "
      "s.audit_by AS \"auditBy\", s.audit_time AS \"auditTime\", " +
      configured_select(kBike, "s") + ", " + audit_select("s");
  s.from = "bike_station s" + owner_join("s");
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
  s.scope = station_scope(kBike, "s");
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

std::optional<StationFields> StationRepo::fields(int64_t id) {
  Result r = c_.query(
      "SELECT name, short_name, service_phone, operation_type, opening_hours, province, city, district, "
      "address, longitude, latitude, timezone FROM bike_station WHERE id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  StationFields f;
  f.name = r.str(0, 0);
  f.short_name = r.str(0, 1);
  f.service_phone = r.str(0, 2);
  f.operation_type = r.i64(0, 3);
  f.opening_hours = r.str(0, 4);
  f.province = r.str(0, 5);
  f.city = r.str(0, 6);
  f.district = r.str(0, 7);
  f.address = r.str(0, 8);
  if (!r.is_null(0, 9)) f.longitude = r.i64(0, 9);
  if (!r.is_null(0, 10)) f.latitude = r.i64(0, 10);
  f.timezone = r.str(0, 11);
  return f;
}

json::array StationRepo::options(std::optional<int64_t> property_id, bool enabled_only,
                                 const DataScope& scope) {
  Where w;
  if (property_id) w.add("s.property_id = ?", {*property_id});
  if (enabled_only) w.add("s.status = 0");
  add_scope(w, station_scope(kBike, "s"), scope);
  return c_
      .query(
          "SELECT s.id AS \"id\", s.name AS \"name\", s.property_id AS \"propertyId\", s.status AS "
          "\"status\" "
          "FROM bike_station s" +
              w.sql() + " ORDER BY s.id",
          w.params)
      .to_json();
}

static Params station_params(const StationFields& f) {
  return {f.name, f.short_name, f.service_phone, f.operation_type, f.opening_hours, f.province,
          f.city, f.district,   f.address,       opt(f.longitude), opt(f.latitude), f.timezone};
}

int64_t StationRepo::insert(int64_t provider_id, int64_t property_id, const StationFields& f,
                            const std::string& by, int64_t now) {
  Params p = station_params(f);
  p.insert(p.begin(), {provider_id, property_id});
  p.emplace_back(by);
  p.emplace_back(now);
  return c_.insert(
      "INSERT INTO bike_station (provider_id, property_id, name, short_name, service_phone, operation_type, "
      "opening_hours, province, city, district, address, longitude, latitude, timezone, status, "
      "audit_status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
      p);
}

void StationRepo::update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by,
                         int64_t now) {
  Params p = station_params(f);
  p.emplace_back(by);
  p.emplace_back(now);
  p.emplace_back(id);
  c_.execute(std::string("UPDATE bike_station SET name = ?, short_name = ?, service_phone = ?, "
                         "operation_type = ?, opening_hours = ?, province = ?, city = ?, district = ?, "
                         "address = ?, longitude = ?, latitude = ?, timezone = ?, updated_by = ?, "
                         "updated_at = ?") +
                 (reset_audit ? ", audit_status = 0" : "") + " WHERE id = ?",
             p);
}

bool StationRepo::audit(int64_t id, int64_t audit_status, const std::string& remark, const std::string& by,
                        int64_t now) {
  return c_.execute(
             "UPDATE bike_station SET audit_status = ?, audit_remark = ?, audit_by = ?, audit_time = ?, "
             "updated_by = ?, updated_at = ? WHERE id = ? AND audit_status = 0",
             {audit_status, remark, by, now, by, now, id}) > 0;
}

void StationRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE bike_station SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

json::object StationRepo::counts(int64_t id) {
  Result r = c_.query(
      "SELECT (SELECT COUNT(*) FROM bike_area WHERE station_id = ?), (SELECT COUNT(*) FROM bike_device "
      "WHERE station_id = ?), (SELECT COUNT(*) FROM bike_socket WHERE station_id = ?)",
      {id, id, id});
  json::object o;
  o["areas"] = r.i64(0, 0);
  o["devices"] = r.i64(0, 1);
  o["sockets"] = r.i64(0, 2);
  return o;
}

// ---- areas --------------------------------------------------------------------------------------

static ListSpec area_spec() {
  ListSpec s;
  s.select = "a.id AS \"id\", " + owner_select("a") +
             ", a.station_id AS \"stationId\", st.name AS \"stationName\", a.code AS \"code\", a.name AS "
             "\"name\", a.phone AS \"phone\", a.status AS \"status\", a.is_default AS \"isDefault\", "
             "(SELECT COUNT(*) FROM bike_device d WHERE d.area_id = a.id) AS \"deviceCount\", "
             "(SELECT COUNT(*) FROM bike_socket k WHERE k.area_id = a.id) AS \"socketCount\", "
             "(SELECT COUNT(*) FROM bike_tariff t WHERE t.area_id = a.id) AS \"tariffCount\", " +
             audit_select("a");
  s.from = "bike_area a" + owner_join("a") + " JOIN bike_station st ON st.id = a.station_id";
  s.filters = {
      {"stationId", "a.station_id", Match::equal, Kind::integer},
      {"name", "a.name", Match::contains, Kind::text},
      {"code", "a.code", Match::contains, Kind::text},
      {"status", "a.status", Match::equal, Kind::integer},
      {"beginTime", "a.created_at", Match::at_least, Kind::integer},
      {"endTime", "a.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "a.id"},
                {"code", "a.code"},
                {"name", "a.name"},
                {"status", "a.status"},
                {"createTime", "a.created_at"}};
  s.default_order = "a.id DESC";
  s.scope = child_scope(kBike, "a");
  return s;
}

// counts: {devices, sockets, tariffs} from the flat count columns.
static void area_row(json::object& o) {
  to_bools(o, {"isDefault"});
  json::object counts;
  counts["devices"] = o["deviceCount"];
  counts["sockets"] = o["socketCount"];
  counts["tariffs"] = o["tariffCount"];
  o.erase("deviceCount");
  o.erase("socketCount");
  o.erase("tariffCount");
  o["counts"] = std::move(counts);
}

Page AreaRepo::list(const QueryParams& q, const DataScope& scope) {
  Page p = list_page(c_, area_spec(), q, scope);
  for (auto& r : p.rows) area_row(r.as_object());
  return p;
}

std::optional<json::object> AreaRepo::detail(int64_t id, const DataScope& scope) {
  auto o = row_by_id(c_, area_spec(), "a.id", id, scope);
  if (o) area_row(*o);
  return o;
}

std::optional<AreaRec> AreaRepo::find(int64_t id) {
  Result r = c_.query(
      "SELECT id, station_id, provider_id, property_id, code, name, status, is_default FROM bike_area WHERE "
      "id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  AreaRec a;
  a.id = r.i64(0, 0);
  a.station_id = r.i64(0, 1);
  a.provider_id = r.i64(0, 2);
  a.property_id = r.i64(0, 3);
  a.code = r.str(0, 4);
  a.name = r.str(0, 5);
  a.status = r.i64(0, 6);
  a.is_default = r.i64(0, 7) != 0;
  return a;
}

bool AreaRepo::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, "bike_area", "a", child_scope(kBike, "a"), id, scope);
}

json::array AreaRepo::options(std::optional<int64_t> station_id, bool enabled_only, const DataScope& scope) {
  Where w;
  if (station_id) w.add("a.station_id = ?", {*station_id});
  if (enabled_only) w.add("a.status = 0");
  add_scope(w, child_scope(kBike, "a"), scope);
  return c_
      .query(
          "SELECT a.id AS \"id\", a.name AS \"name\", a.code AS \"code\", a.station_id AS \"stationId\", "
          "a.status AS \"status\" FROM bike_area a" +
              w.sql() + " ORDER BY a.id",
          w.params)
      .to_json();
}

int64_t AreaRepo::insert(const Owned& o, const std::string& name, const std::string& phone, bool is_default,
                         const std::string& by, int64_t now) {
  int64_t id = c_.insert(
      "INSERT INTO bike_area (station_id, provider_id, property_id, name, phone, status, is_default, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
      {o.station_id, o.provider_id, o.property_id, name, phone, int64_t{is_default ? 1 : 0}, by, now});
  char code[32];
  std::snprintf(code, sizeof code, "Q%06lld", static_cast<long long>(id));
  c_.execute("UPDATE bike_area SET code = ? WHERE id = ?", {std::string(code), id});
  return id;
}

void AreaRepo::update(int64_t id, const std::string& name, const std::string& phone, const std::string& by,
                      int64_t now) {
  c_.execute("UPDATE bike_area SET name = ?, phone = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {name, phone, by, now, id});
}

void AreaRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE bike_area SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

int64_t AreaRepo::device_count(int64_t id) {
  return c_.scalar("SELECT COUNT(*) FROM bike_device WHERE area_id = ?", {id}).value_or(0);
}

int64_t AreaRepo::tariff_count(int64_t id) {
  return c_.scalar("SELECT COUNT(*) FROM bike_tariff WHERE area_id = ?", {id}).value_or(0);
}

void AreaRepo::remove(int64_t id) {
  c_.execute("DELETE FROM bike_area WHERE id = ?", {id});
}

}  // namespace zc::db::bike
