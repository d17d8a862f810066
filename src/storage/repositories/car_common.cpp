#include "storage/repositories/car_common.hpp"

namespace zc::db::car {

std::string station_select(const std::string& a) {
  return a + ".station_id AS \"stationId\", st.name AS \"stationName\"";
}

std::string station_join(const std::string& a) {
  return " JOIN car_station st ON st.id = " + a + ".station_id";
}

}  // namespace zc::db::car
