#include "service/bike/context.hpp"

#include "core/error.hpp"
#include "service/station/device_support.hpp"

namespace zc::bike {

station::StationRef station_in_scope(db::Connection& c, int64_t id, const Principal& p,
                                     const std::string& field) {
  return station::station_in_scope(c, kBike, id, p, field);
}

db::bike::AreaRec area_of_station(db::Connection& c, int64_t area_id, int64_t station_id,
                                  const Principal& p) {
  return station::area_of_station(c, kBike, area_id, station_id, p);
}

db::bike::Owned owned_by(const station::StationRef& s) {
  return {s.provider_id, s.property_id, s.id};
}

std::string socket_qr_url(const Config& cfg, const std::string& socket_code) {
  return station::public_link(cfg, "/app/socket/" + socket_code);
}

std::string device_qr_url(const Config& cfg, const std::string& device_code) {
  return station::public_link(cfg, "/app/device/" + device_code);
}

}  // namespace zc::bike
