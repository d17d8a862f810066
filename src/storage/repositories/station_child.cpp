#include "storage/repositories/station_child.hpp"

namespace zc::db::station {

std::string child_from(StationType t, const std::string& table, const std::string& a) {
  std::string kind = type_name(t);  // car | bike: the prefix of the station and area tables
  return table + " " + a + owner_join(a) + " JOIN " + kind + "_station st ON st.id = " + a +
         ".station_id JOIN " + kind + "_area ar ON ar.id = " + a + ".area_id";
}

std::string child_place_select(const std::string& a) {
  return a + ".station_id AS \"stationId\", st.name AS \"stationName\", " + a +
         ".area_id AS \"areaId\", ar.name AS \"areaName\"";
}

std::vector<Filter> child_filters(const std::string& a, std::vector<Filter> own) {
  std::vector<Filter> out = {{"stationId", a + ".station_id", Match::equal, Kind::integer},
                             {"areaId", a + ".area_id", Match::equal, Kind::integer}};
  for (auto& f : own) out.push_back(std::move(f));
  out.push_back({"beginTime", a + ".created_at", Match::at_least, Kind::integer});
  out.push_back({"endTime", a + ".created_at", Match::at_most, Kind::integer});
  return out;
}

std::vector<Filter> tariff_filters(const std::string& a) {
  return child_filters(a, {{"name", a + ".name", Match::contains, Kind::text},
                           {"mode", a + ".mode", Match::equal, Kind::text},
                           {"status", a + ".status", Match::equal, Kind::integer}});
}

Page ChildRows::list(const QueryParams& q, const DataScope& scope) {
  Page p = list_page(c_, list_.spec(), q, scope);
  if (list_.row)
    for (auto& r : p.rows) list_.row(r.as_object());
  return p;
}

boost::json::array ChildRows::list_all(const QueryParams& q, const DataScope& scope) {
  boost::json::array rows = db::list_all(c_, list_.spec(), q, scope);
  if (list_.row)
    for (auto& r : rows) list_.row(r.as_object());
  return rows;
}

std::optional<boost::json::object> ChildRows::detail(int64_t id, const DataScope& scope) {
  auto o = row_by_id(c_, list_.spec(), list_.id_expr, id, scope);
  if (o && list_.row) list_.row(*o);
  return o;
}

bool ChildRows::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, table_, "t", child_scope(t_, "t"), id, scope);
}

void ChildRows::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute(std::string("UPDATE ") + table_ + " SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

bool DeviceRows::code_taken(const std::string& code) {
  return c_.scalar(std::string("SELECT id FROM ") + table_ + " WHERE code = ?", {code}).has_value();
}

bool DeviceRows::factory_no_taken(const std::string& factory_no, int64_t except_id) {
  return c_
      .scalar(std::string("SELECT id FROM ") + table_ + " WHERE factory_no = ? AND id <> ?",
              {factory_no, except_id})
      .has_value();
}

void DeviceRows::set_code(int64_t id, const std::string& code) {
  c_.execute(std::string("UPDATE ") + table_ + " SET code = ? WHERE id = ?", {code, id});
}

void DeviceRows::set_online(int64_t id, bool online, int64_t now) {
  if (online)
    c_.execute(std::string("UPDATE ") + table_ + " SET online = 1, last_seen = ? WHERE id = ?", {now, id});
  else
    c_.execute(std::string("UPDATE ") + table_ + " SET online = 0 WHERE id = ?", {id});
}

}  // namespace zc::db::station
