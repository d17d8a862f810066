#pragma once
// The driver app's station browsing (APP-2): shown stations sorted by distance from the driver, with
// free/total guns (car) or sockets (e-bike), and one station's devices and tariffs. Visibility rules are in
// storage/repositories/app_station_repo.hpp.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "service/car/context.hpp"
#include "storage/repositories/app_station_repo.hpp"

namespace zc::driver {

struct GeoPoint {
  double lat = 0, lng = 0;  // degrees
};

// Great-circle distance in metres (haversine, mean Earth radius).
double distance_m(GeoPoint a, GeoPoint b);

struct StationQuery {
  db::app::StationKind kind = db::app::StationKind::car;
  std::optional<GeoPoint> from;
  std::string keyword;
  int64_t page_num = 1, page_size = 10;
};

struct StationPage {
  boost::json::array rows;
  int64_t total = 0;
};

class StationFinder {
 public:
  explicit StationFinder(car::CarContext car) : car_(car) {}
  StationPage list(const StationQuery& q);
  // 404 when the station does not exist or is hidden.
  boost::json::object detail(db::app::StationKind kind, int64_t id, std::optional<GeoPoint> from);

 private:
  car::CarContext car_;
};

// "car" | "bike" → kind; 400 naming `field` otherwise.
db::app::StationKind parse_kind(const std::string& s, const char* field);
const char* kind_name(db::app::StationKind k);

}  // namespace zc::driver
