#pragma once
// E-bike stations (BIKE-ST) and areas (BIKE-AREA). Invoice and payment configuration are the shared
// station::StationConfigService (type bike); user ↔ station binding is station::make_station_directory.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "service/bike/context.hpp"
#include "storage/list_query.hpp"

namespace zc::bike {

struct StationInput {
  int64_t id = 0;                      // update
  std::optional<int64_t> property_id;  // create
  std::optional<int64_t> provider_id;  // create, optional (must match the property's)
  db::bike::StationFields f;
};

class StationService {
 public:
  explicit StationService(BikeContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);  // row + counts + history
  boost::json::array options(std::optional<int64_t> property_id, bool enabled_only, const Principal& p);
  int64_t create(StationInput in, const Principal& p);  // + the default area 默认区域
  void update(StationInput in, const Principal& p);
  void audit(int64_t id, int64_t audit_status, const std::string& remark, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);

 private:
  BikeContext ctx_;
};

class AreaService {
 public:
  explicit AreaService(BikeContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  boost::json::array options(std::optional<int64_t> station_id, bool enabled_only, const Principal& p);
  int64_t create(int64_t station_id, const std::string& name, const std::string& phone, const Principal& p);
  void update(int64_t id, const std::string& name, const std::string& phone, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  // 409 while the area has devices or tariffs, or when it is its station's default area.
  void remove(int64_t id, const Principal& p);

 private:
  BikeContext ctx_;
};

// Station field rules: name, short name, service phone, operation type, opening hours, coordinates,
// time zone. Throws ApiError 400 naming the field.
void validate_station_fields(db::bike::StationFields& f);

}  // namespace zc::bike
