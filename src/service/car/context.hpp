#pragma once
// What every car use case needs (CAR-*). Placement, scope and "enabled" checks are the shared ones of
// src/service/station/ (child_rows.hpp), used with StationType::car.
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
