#pragma once
// What every car use case needs (CAR-*), and the owner/enabled checks they share.
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/principal.hpp"
#include "devices/gateway.hpp"
#include "service/station/area_service.hpp"
#include "service/station/device_support.hpp"
#include "service/station/station_rules.hpp"
#include "storage/database.hpp"
#include "storage/repositories/car_asset.hpp"
#include "storage/repositories/car_station.hpp"

namespace zc::exports {
class ExportJobs;
}

namespace zc::car {

struct CarContext {
  db::Database& db;
  const Config& cfg;
  devices::DeviceGateway& gateway;
  Clock& clock;
  exports::ExportJobs& exports;
};

// ---- shared checks (each throws ApiError) ------------------------------------------------------

// The station `id` inside the caller's scope (404 naming `field` otherwise).
db::car::StationRec station_in_scope(db::Connection& c, int64_t id, const Principal& p,
                                     const std::string& field = "stationId");
// 409 when the station, its property or its provider is disabled (adding children under it).
void require_station_enabled(db::Connection& c, const db::car::StationRec& s);
// The area `id` inside the scope that belongs to `station_id` (400 when it belongs to another station).
db::car::AreaRec area_of_station(db::Connection& c, int64_t area_id, int64_t station_id, const Principal& p);
using station::require_area_enabled;
db::car::Owned owned_by(const db::car::StationRec& s);

// The station modules' shared device and field checks (service/station).
using station::check_name;
using station::check_status_value;
using station::command_outcome;
using station::public_base;
using station::qr_label_png;

std::string gun_qr_url(const Config& cfg, const std::string& gun_code);
std::string pile_qr_url(const Config& cfg, const std::string& pile_code);
std::string private_apply_url(const Config& cfg, int64_t station_id);

}  // namespace zc::car
