#include "storage/repositories/car_station.hpp"

#include "storage/repositories/car_common.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::car {

namespace json = boost::json;

// ---- stations -----------------------------------------------------------------------------------

// The columns only car stations have (the others: db::station::StationRecords::list).
static const std::string kCarColumns =
    "s.contact AS \"contact\", s.contact_phone AS \"contactPhone\", s.intro AS \"intro\", s.hotline AS "
    "\"hotline\", s.max_power AS \"maxPower\", s.capacity_load AS \"capacityLoad\", ";

Page StationRepo::list(const QueryParams& q, const DataScope& scope) {
  return station::StationRecords(c_, station::StationType::car).list(kCarColumns, q, scope);
}

std::optional<json::object> StationRepo::detail(int64_t id, const DataScope& scope) {
  return station::StationRecords(c_, station::StationType::car).detail(kCarColumns, id, scope);
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

// The car station's own columns (db::station::StationRecords holds the common ones).
static const std::vector<const char*> kCarColumnNames = {"contact", "contact_phone", "intro",
                                                         "hotline", "max_power",     "capacity_load"};

static station::TypeColumns car_columns(const StationFields& f) {
  return {kCarColumnNames, {f.contact, f.contact_phone, f.intro, f.hotline, f.max_power, f.capacity_load}};
}

std::optional<StationFields> StationRepo::fields(int64_t id) {
  StationFields f;
  auto r = station::StationRecords(c_, station::StationType::car).fields(id, kCarColumnNames, f);
  if (!r) return std::nullopt;
  const size_t at = station::kCommonFieldColumns;
  f.contact = r->str(0, at);
  f.contact_phone = r->str(0, at + 1);
  f.intro = r->str(0, at + 2);
  f.hotline = r->str(0, at + 3);
  f.max_power = r->i64(0, at + 4);
  f.capacity_load = r->i64(0, at + 5);
  return f;
}

bool StationRepo::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, "car_station", "s", station_scope("s"), id, scope);
}

int64_t StationRepo::insert(int64_t provider_id, int64_t property_id, const StationFields& f,
                            const std::string& by, int64_t now) {
  return station::StationRecords(c_, station::StationType::car)
      .insert(provider_id, property_id, f, car_columns(f), by, now);
}

void StationRepo::update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by,
                         int64_t now) {
  station::StationRecords(c_, station::StationType::car).update(id, f, car_columns(f), reset_audit, by, now);
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

bool StationRepo::owners_enabled(int64_t provider_id, int64_t property_id) {
  Result r = c_.query(
      "SELECT pv.status, pr.status FROM sys_provider pv, sys_property pr WHERE pv.id = ? AND pr.id = ?",
      {provider_id, property_id});
  return !r.empty() && r.i64(0, 0) == 0 && r.i64(0, 1) == 0;
}

void StationRepo::lock(int64_t id) {
  if (c_.dialect() == Dialect::postgres) c_.query("SELECT id FROM car_station WHERE id = ? FOR UPDATE", {id});
}

// ---- private-pile applications --------------------------------------------------------------------

static ListSpec private_apply_spec() {
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
  return s;
}

static const station::ListDef kPrivateApplyList{private_apply_spec, "a.id"};

PrivateApplyRepo::PrivateApplyRepo(Connection& c)
    : ChildRows(c, station::StationType::car, "car_private_apply", kPrivateApplyList) {}

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
