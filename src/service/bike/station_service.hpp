#pragma once
// E-bike stations (BIKE-ST); areas (BIKE-AREA) are station::AreaService (type bike). Invoice and payment
// configuration are the shared station::StationConfigService (type bike); user ↔ station binding is
// station::make_station_directory.
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
  int64_t create(StationInput in, const Principal& p);      // + the default area 默认区域
  void update(StationInput in, const Principal& p);

 private:
  BikeContext ctx_;
};

// Station field rules: name, short name, service phone, operation type, opening hours, coordinates,
// time zone. Throws ApiError 400 naming the field.
void validate_station_fields(db::bike::StationFields& f);

}  // namespace zc::bike
