#include "storage/repositories/member_whitelist.hpp"

#include "storage/repositories/member_collective.hpp"

namespace zc::db::member {

namespace json = boost::json;

static std::string select_list(Dialect d) {
  const char* agg = d == Dialect::sqlite ? "GROUP_CONCAT" : "STRING_AGG";
  return std::string(
             "w.id AS \"id\", w.plate AS \"plate\", w.remark AS \"remark\", w.status AS \"status\", "
             "w.provider_id AS "
             "\"providerId\", w.property_id AS \"propertyId\", pr.name AS \"propertyName\", (SELECT ") +
         agg +
         "(s.name, '、') FROM plate_whitelist_station ws JOIN car_station s ON s.id = ws.station_id WHERE "
         "ws.whitelist_id = w.id) AS \"stationNames\", w.created_by AS \"createBy\", w.created_at AS "
         "\"createTime\", "
         "w.updated_by AS \"updateBy\", w.updated_at AS \"updateTime\"";
}
static const char* kFrom = "plate_whitelist w LEFT JOIN sys_property pr ON pr.id = w.property_id";

static ScopeColumns scope_columns() {
  return property_owned("w", "w.property_id IN (SELECT property_id FROM collective_account WHERE id = ?)");
}

Page WhitelistRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = select_list(c_.dialect());
  s.from = kFrom;
  s.filters = {{"plate", "w.plate", Match::contains, Kind::text},
               {"status", "w.status", Match::equal, Kind::integer},
               {"propertyId", "w.property_id", Match::equal, Kind::integer},
               {"providerId", "w.provider_id", Match::equal, Kind::integer},
               {"stationId",
                "EXISTS (SELECT 1 FROM plate_whitelist_station ws WHERE ws.whitelist_id = w.id AND "
                "ws.station_id = ?)",
                Match::custom, Kind::integer}};
  s.sortable = {{"id", "w.id"}, {"plate", "w.plate"}, {"createTime", "w.created_at"}};
  s.default_order = "w.id DESC";
  s.scope = scope_columns();
  return list_page(c_, s, q, scope);
}

std::optional<json::object> WhitelistRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("w.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query("SELECT " + select_list(c_.dialect()) + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  json::object row = r.row_json(0);
  Result st = c_.query(
      "SELECT s.id AS \"id\", s.name AS \"name\" FROM plate_whitelist_station ws JOIN car_station s ON s.id "
      "= "
      "ws.station_id WHERE ws.whitelist_id = ? ORDER BY s.id",
      {id});
  json::array ids;
  for (size_t i = 0; i < st.size(); ++i) ids.push_back(st.i64(i, 0));
  row["stationIds"] = std::move(ids);
  row["stations"] = st.to_json();
  return row;
}

std::optional<WhitelistRec> WhitelistRepo::find(int64_t id, const DataScope& scope) {
  Where w;
  w.add("w.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(
      "SELECT w.id, w.provider_id, w.property_id, w.status, w.plate FROM plate_whitelist w" + w.sql(),
      w.params);
  if (r.empty()) return std::nullopt;
  return WhitelistRec{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.i64(0, 3), r.str(0, 4)};
}

bool WhitelistRepo::plate_listed(int64_t property_id, const std::string& plate, int64_t except_id) {
  return c_
      .scalar("SELECT id FROM plate_whitelist WHERE property_id = ? AND plate = ? AND id <> ?",
              {property_id, plate, except_id})
      .has_value();
}

void WhitelistRepo::write_stations(int64_t id, const std::vector<int64_t>& station_ids) {
  c_.execute("DELETE FROM plate_whitelist_station WHERE whitelist_id = ?", {id});
  for (int64_t sid : station_ids)
    c_.execute("INSERT INTO plate_whitelist_station (whitelist_id, station_id) VALUES (?, ?)", {id, sid});
}

int64_t WhitelistRepo::insert(int64_t provider_id, int64_t property_id, const std::string& plate,
                              const std::string& remark, const std::vector<int64_t>& station_ids,
                              const std::string& by, int64_t now) {
  int64_t id = c_.insert(
      "INSERT INTO plate_whitelist (plate, remark, status, provider_id, property_id, created_by, created_at) "
      "VALUES "
      "(?, ?, 0, ?, ?, ?, ?)",
      {plate, remark, provider_id, property_id, by, now});
  write_stations(id, station_ids);
  return id;
}

void WhitelistRepo::update(int64_t id, const std::string& remark, const std::vector<int64_t>& station_ids,
                           const std::string& by, int64_t now) {
  c_.execute("UPDATE plate_whitelist SET remark = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {remark, by, now, id});
  write_stations(id, station_ids);
}

void WhitelistRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE plate_whitelist SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

void WhitelistRepo::remove(int64_t id) {
  c_.execute("DELETE FROM plate_whitelist_station WHERE whitelist_id = ?", {id});
  c_.execute("DELETE FROM plate_whitelist WHERE id = ?", {id});
}

std::vector<int64_t> WhitelistRepo::stations_of(int64_t id) {
  Result r = c_.query("SELECT station_id FROM plate_whitelist_station WHERE whitelist_id = ?", {id});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

std::vector<std::string> WhitelistRepo::plates_of_station(int64_t station_id) {
  Result r = c_.query(
      "SELECT DISTINCT w.plate FROM plate_whitelist w JOIN plate_whitelist_station ws ON ws.whitelist_id = "
      "w.id "
      "WHERE ws.station_id = ? AND w.status = 0 ORDER BY w.plate",
      {station_id});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.str(i, 0));
  return out;
}

bool WhitelistRepo::admits(const std::string& plate, int64_t station_id) {
  return c_
      .scalar(
          "SELECT 1 FROM plate_whitelist w JOIN plate_whitelist_station ws ON ws.whitelist_id = w.id WHERE "
          "w.plate = "
          "? AND w.status = 0 AND ws.station_id = ?",
          {plate, station_id})
      .has_value();
}

}  // namespace zc::db::member
