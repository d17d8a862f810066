#pragma once
// What every e-bike use case needs (BIKE-*). Station-level mechanisms (scope, enabled, placement,
// history, invoice/pay configuration, QR, exports, device commands) are the shared ones of
// src/service/station/, used with StationType::bike.
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

// Links the QR codes open in the driver app: {app.public_url}/app/socket/{code}, …/app/device/{code}.
std::string socket_qr_url(const Config& cfg, const std::string& socket_code);
std::string device_qr_url(const Config& cfg, const std::string& device_code);

}  // namespace zc::bike
