#pragma once
// What every e-bike use case needs (BIKE-*), and the station/area checks they share. Station-level
// mechanisms (scope, enabled, history, invoice/pay configuration, QR, exports, device commands) are the
// shared ones of src/service/station/, used with StationType::bike.
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/principal.hpp"
#include "devices/gateway.hpp"
#include "service/station/area_service.hpp"
#include "service/station/station_config.hpp"
#include "storage/database.hpp"
#include "storage/repositories/bike_station.hpp"

namespace zc::exports {
class ExportJobs;
}

namespace zc::bike {

struct BikeContext {
  db::Database& db;
  const Config& cfg;
  devices::DeviceGateway& gateway;
  Clock& clock;
  exports::ExportJobs& exports;
};

inline constexpr db::station::StationType kBike = db::station::StationType::bike;

// The e-bike station `id` inside the caller's scope (404 naming `field` otherwise).
station::StationRef station_in_scope(db::Connection& c, int64_t id, const Principal& p,
                                     const std::string& field = "stationId");
// The area `id` inside the scope that belongs to `station_id` (400 when it belongs to another station).
db::bike::AreaRec area_of_station(db::Connection& c, int64_t area_id, int64_t station_id, const Principal& p);
using station::require_area_enabled;
db::bike::Owned owned_by(const station::StationRef& s);

// Links the QR codes open in the driver app: {app.public_url}/app/socket/{code}, …/app/device/{code}.
std::string socket_qr_url(const Config& cfg, const std::string& socket_code);
std::string device_qr_url(const Config& cfg, const std::string& device_code);

}  // namespace zc::bike
