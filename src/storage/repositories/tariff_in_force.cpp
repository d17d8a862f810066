#include "storage/repositories/tariff_in_force.hpp"

namespace zc::db {

std::string tariff_in_force_sql(station::StationType type, std::string_view area_col) {
  const std::string area(area_col);
  if (type == station::StationType::car)
    return "EXISTS (SELECT 1 FROM car_tariff tf JOIN car_tariff_version tv ON tv.tariff_id = tf.id WHERE "
           "tf.area_id = " +
           area + " AND tf.status = 0 AND tv.effective_from <= ?)";
  return "EXISTS (SELECT 1 FROM bike_tariff tf WHERE tf.area_id = " + area + " AND tf.status = 0)";
}

std::set<int64_t> areas_with_tariff_in_force(Connection& c, station::StationType type,
                                             const std::vector<int64_t>& area_ids, int64_t now_ms) {
  std::set<int64_t> out;
  std::set<int64_t> wanted(area_ids.begin(), area_ids.end());
  if (wanted.empty()) return out;
  const bool car = type == station::StationType::car;
  std::string sql = std::string("SELECT a.id FROM ") + (car ? "car_area" : "bike_area") + " a WHERE " +
                    tariff_in_force_sql(type, "a.id") + " AND a.id IN (";
  Params params;
  if (car) params.emplace_back(now_ms);
  for (int64_t id : wanted) {
    sql += params.size() > (car ? 1u : 0u) ? ", ?" : "?";
    params.emplace_back(id);
  }
  sql += ")";
  Result r = c.query(sql, params);
  for (size_t i = 0; i < r.size(); ++i) out.insert(r.i64(i, 0));
  return out;
}

}  // namespace zc::db
