#include "storage/repositories/car_common.hpp"

namespace zc::db::car {

namespace json = boost::json;

std::string owner_select(const std::string& a) {
  return a + ".provider_id AS \"providerId\", pv.name AS \"providerName\", " + a +
         ".property_id AS \"propertyId\", pr.name AS \"propertyName\"";
}

std::string owner_join(const std::string& a) {
  return " JOIN sys_provider pv ON pv.id = " + a + ".provider_id JOIN sys_property pr ON pr.id = " + a +
         ".property_id";
}

std::string station_select(const std::string& a) {
  return a + ".station_id AS \"stationId\", st.name AS \"stationName\"";
}

std::string station_join(const std::string& a) {
  return " JOIN car_station st ON st.id = " + a + ".station_id";
}

std::string audit_select(const std::string& a) {
  return a + ".created_by AS \"createBy\", " + a + ".created_at AS \"createTime\", " + a +
         ".updated_by AS \"updateBy\", " + a + ".updated_at AS \"updateTime\"";
}

ScopeColumns station_scope(const std::string& a) {
  ScopeColumns s;
  s.provider = a + ".provider_id";
  s.property = a + ".property_id";
  s.car_station = a + ".id";
  return s;
}

ScopeColumns child_scope(const std::string& a) {
  ScopeColumns s;
  s.provider = a + ".provider_id";
  s.property = a + ".property_id";
  s.car_station = a + ".station_id";
  return s;
}

void to_bools(json::object& row, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = row.find(k);
    if (it == row.end()) continue;
    if (it->value().is_int64()) it->value() = it->value().as_int64() != 0;
  }
}

void to_bools(json::array& rows, std::initializer_list<const char*> keys) {
  for (auto& r : rows)
    if (r.is_object()) to_bools(r.as_object(), keys);
}

void to_degrees(json::object& row, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = row.find(k);
    if (it == row.end() || !it->value().is_int64()) continue;
    it->value() = static_cast<double>(it->value().as_int64()) / 1e6;
  }
}

std::optional<json::object> row_by_id(Connection& c, const ListSpec& spec, const std::string& id_expr,
                                      int64_t id, const DataScope& scope) {
  Where w;
  w.add(id_expr + " = ?", {id});
  add_scope(w, spec.scope, scope);
  Result r = c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

bool exists_in_scope(Connection& c, const std::string& table, const std::string& a, const ScopeColumns& cols,
                     int64_t id, const DataScope& scope) {
  Where w;
  w.add(a + ".id = ?", {id});
  add_scope(w, cols, scope);
  return c.scalar("SELECT " + a + ".id FROM " + table + " " + a + w.sql(), w.params).has_value();
}

}  // namespace zc::db::car
