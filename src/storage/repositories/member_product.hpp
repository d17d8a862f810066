#pragma once
// SQL of card products (MEM-PROD) and the stations their cards work at.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::member {

struct ProductFields {
  std::string name, product_type, issue_type, remark;
  int64_t price = 0, face_value = 0;
  std::string bonus_tiers = "[]";  // JSON, validated by the service
  std::vector<int64_t> car_station_ids, bike_station_ids;
};

struct ProductRec {
  int64_t id = 0, provider_id = 0, property_id = 0, status = 0, price = 0, face_value = 0;
  std::string name, product_type, issue_type, bonus_tiers;
};

class ProductRepo {
 public:
  explicit ProductRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);  // with station arrays
  std::optional<ProductRec> find(int64_t id, const DataScope& scope);
  boost::json::array options(std::optional<std::string> issue_type, std::optional<int64_t> property_id,
                             const DataScope& scope);
  int64_t insert(int64_t provider_id, int64_t property_id, const ProductFields& f, const std::string& by,
                 int64_t now);
  void update(int64_t id, const ProductFields& f, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  // The ids among `ids` that are not stations of `station_type` (car | bike) of the property.
  std::vector<int64_t> foreign_stations(const std::string& station_type, const std::vector<int64_t>& ids,
                                        int64_t property_id);
  // Whether the product binds the station (station_type car | bike).
  bool binds_station(int64_t product_id, const std::string& station_type, int64_t station_id);

 private:
  void write_stations(int64_t id, const ProductFields& f);
  Connection& c_;
};

}  // namespace zc::db::member
