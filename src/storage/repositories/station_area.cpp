#include "storage/repositories/station_area.hpp"

#include <cstdio>
#include <utility>
#include <vector>

namespace zc::db::station {

namespace json = boost::json;

namespace {

// What differs between the kinds: tables (constants, never input), the car's power column, the counts.
struct AreaKind {
  const char* area;
  const char* device;
  const char* tariff;
  const char* extra_select;                                 // "" or "a.x AS \"x\", "
  std::vector<std::pair<const char*, const char*>> counts;  // key in `counts`, child table
};

const AreaKind& kind(StationType t) {
  static const AreaKind car{"car_area",
                            "car_pile",
                            "car_tariff",
                            "a.power AS \"power\", ",
                            {{"spots", "car_spot"}, {"piles", "car_pile"}, {"guns", "car_gun"}}};
  static const AreaKind bike{
      "bike_area",
      "bike_device",
      "bike_tariff",
      "",
      {{"devices", "bike_device"}, {"sockets", "bike_socket"}, {"tariffs", "bike_tariff"}}};
  return t == StationType::car ? car : bike;
}

std::string count_alias(const char* key) {
  return std::string("count_") + key;
}

ListSpec area_spec(StationType t) {
  const AreaKind& k = kind(t);
  ListSpec s;
  s.select = "a.id AS \"id\", " + owner_select("a") +
             ", a.station_id AS \"stationId\", st.name AS \"stationName\", a.code AS \"code\", a.name AS "
             "\"name\", a.phone AS \"phone\", " +
             k.extra_select + "a.status AS \"status\", a.is_default AS \"isDefault\", ";
  for (const auto& [key, table] : k.counts)
    s.select += std::string("(SELECT COUNT(*) FROM ") + table + " x WHERE x.area_id = a.id) AS \"" +
                count_alias(key) + "\", ";
  s.select += audit_select("a");
  s.from = std::string(k.area) + " a" + owner_join("a") + " JOIN " + station_table(t) +
           " st ON st.id = a.station_id";
  s.filters = {
      {"stationId", "a.station_id", Match::equal, Kind::integer},
      {"code", "a.code", Match::contains, Kind::text},
      {"name", "a.name", Match::contains, Kind::text},
      {"status", "a.status", Match::equal, Kind::integer},
      {"providerId", "a.provider_id", Match::equal, Kind::integer},
      {"propertyId", "a.property_id", Match::equal, Kind::integer},
      {"beginTime", "a.created_at", Match::at_least, Kind::integer},
      {"endTime", "a.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "a.id"},
                {"code", "a.code"},
                {"name", "a.name"},
                {"status", "a.status"},
                {"createTime", "a.created_at"},
                {"updateTime", "a.updated_at"}};
  s.default_order = "a.id DESC";
  s.scope = child_scope(t, "a");
  return s;
}

// isDefault as a boolean; the flat count columns as `counts`.
void area_row(StationType t, json::object& o) {
  to_bools(o, {"isDefault"});
  json::object counts;
  for (const auto& [key, table] : kind(t).counts) {
    std::string alias = count_alias(key);
    counts[key] = o[alias];
    o.erase(alias);
  }
  o["counts"] = std::move(counts);
}

}  // namespace

Page AreaRepo::list(const QueryParams& q, const DataScope& scope) {
  Page p = list_page(c_, area_spec(t_), q, scope);
  for (auto& r : p.rows) area_row(t_, r.as_object());
  return p;
}

std::optional<json::object> AreaRepo::detail(int64_t id, const DataScope& scope) {
  auto o = row_by_id(c_, area_spec(t_), "a.id", id, scope);
  if (o) area_row(t_, *o);
  return o;
}

std::optional<AreaRec> AreaRepo::find(int64_t id) {
  Result r = c_.query(std::string("SELECT id, station_id, provider_id, property_id, code, name, status, "
                                  "is_default FROM ") +
                          kind(t_).area + " WHERE id = ?",
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
  return exists_in_scope(c_, kind(t_).area, "a", child_scope(t_, "a"), id, scope);
}

std::vector<AreaOption> AreaRepo::options(std::optional<int64_t> station_id, bool enabled_only,
                                          const DataScope& scope) {
  Where w;
  if (station_id) w.add("a.station_id = ?", {*station_id});
  if (enabled_only) w.add("a.status = 0");
  add_scope(w, child_scope(t_, "a"), scope);
  return read_rows<AreaOption>(c_.query("SELECT a.id, a.name, a.code, a.station_id, a.status FROM " +
                                            std::string(kind(t_).area) + " a" + w.sql() + " ORDER BY a.id",
                                        w.params));
}

int64_t AreaRepo::insert(const Owned& o, const AreaFields& f, bool is_default, const std::string& by,
                         int64_t now) {
  const std::string table = kind(t_).area;
  const bool car = t_ == StationType::car;
  Params p{o.station_id, o.provider_id, o.property_id, f.name, f.phone};
  if (car) p.emplace_back(f.power);
  p.insert(p.end(), {int64_t{is_default ? 1 : 0}, by, now});
  int64_t id = c_.insert("INSERT INTO " + table + " (station_id, provider_id, property_id, name, phone, " +
                             (car ? "power, " : "") +
                             "status, is_default, created_by, created_at) VALUES (?, ?, ?, ?, ?, " +
                             (car ? "?, " : "") + "0, ?, ?, ?)",
                         p);
  char code[32];
  std::snprintf(code, sizeof code, "Q%06lld", static_cast<long long>(id));
  c_.execute("UPDATE " + table + " SET code = ? WHERE id = ?", {std::string(code), id});
  return id;
}

void AreaRepo::update(int64_t id, const AreaFields& f, const std::string& by, int64_t now) {
  const bool car = t_ == StationType::car;
  Params p{f.name, f.phone};
  if (car) p.emplace_back(f.power);
  p.insert(p.end(), {by, now, id});
  c_.execute(std::string("UPDATE ") + kind(t_).area + " SET name = ?, phone = ?, " +
                 (car ? "power = ?, " : "") + "updated_by = ?, updated_at = ? WHERE id = ?",
             p);
}

void AreaRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute(
      std::string("UPDATE ") + kind(t_).area + " SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {status, by, now, id});
}

int64_t AreaRepo::device_count(int64_t id) {
  return c_.scalar(std::string("SELECT COUNT(*) FROM ") + kind(t_).device + " WHERE area_id = ?", {id})
      .value_or(0);
}

int64_t AreaRepo::tariff_count(int64_t id) {
  return c_.scalar(std::string("SELECT COUNT(*) FROM ") + kind(t_).tariff + " WHERE area_id = ?", {id})
      .value_or(0);
}

void AreaRepo::remove(int64_t id) {
  c_.execute(std::string("DELETE FROM ") + kind(t_).area + " WHERE id = ?", {id});
}

}  // namespace zc::db::station
