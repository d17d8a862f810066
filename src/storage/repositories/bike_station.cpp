#include "storage/repositories/bike_station.hpp"

#include "storage/repositories/station_common.hpp"

namespace zc::db::bike {

namespace json = boost::json;
using namespace db::station;

static constexpr StationType kBike = StationType::bike;

// ---- stations -----------------------------------------------------------------------------------

// The columns only e-bike stations have (the others: db::station::StationRecords::list).
static const std::string kBikeColumns =
    "s.short_name AS \"shortName\", s.service_phone AS \"servicePhone\", ";

Page StationRepo::list(const QueryParams& q, const DataScope& scope) {
  return StationRecords(c_, kBike).list(kBikeColumns, q, scope);
}

std::optional<json::object> StationRepo::detail(int64_t id, const DataScope& scope) {
  return StationRecords(c_, kBike).detail(kBikeColumns, id, scope);
}

// The e-bike station's own columns (StationRecords holds the common ones).
static const std::vector<const char*> kBikeColumnNames = {"short_name", "service_phone"};

static TypeColumns bike_columns(const StationFields& f) {
  return {kBikeColumnNames, {f.short_name, f.service_phone}};
}

std::optional<StationFields> StationRepo::fields(int64_t id) {
  StationFields f;
  auto r = StationRecords(c_, kBike).fields(id, kBikeColumnNames, f);
  if (!r) return std::nullopt;
  f.short_name = r->str(0, kCommonFieldColumns);
  f.service_phone = r->str(0, kCommonFieldColumns + 1);
  return f;
}

int64_t StationRepo::insert(int64_t provider_id, int64_t property_id, const StationFields& f,
                            const std::string& by, int64_t now) {
  return StationRecords(c_, kBike).insert(provider_id, property_id, f, bike_columns(f), by, now);
}

void StationRepo::update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by,
                         int64_t now) {
  StationRecords(c_, kBike).update(id, f, bike_columns(f), reset_audit, by, now);
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

}  // namespace zc::db::bike
