#pragma once
// SQL of what the driver app may see of stations and devices (APP-2, APP-3). Visibility (spec CAR-ST-STATUS,
// CAR-AREA, CAR-PILE, CAR-GUN, BIKE-ST/AREA/DEV/SOCK; the same rule as car::CarVisibility):
//   - a station is shown when approved (audit_status 1) and enabled, under an enabled provider and property;
//   - a disabled area hides its piles / devices;
//   - a disabled pile / device is shown stopped; a disabled gun / socket is unavailable.
// "Free" = usable now: the gun/socket and its pile/device enabled, the pile/device online, the gun idle or
// plugged (car) / the socket idle (e-bike), no open charging order on it, and a tariff in force in its area
// (storage/repositories/tariff_in_force.hpp; car: at the repository's `now`).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace zc::db::app {

enum class StationKind { car, bike };

struct StationSummary {
  int64_t id = 0;
  std::string name, address, opening_hours, phone, timezone;
  std::optional<int64_t> longitude, latitude;  // micro-degrees
  int64_t total = 0, free = 0;                 // guns (car) / sockets (e-bike) of shown piles/devices
  bool payable = false;                        // the station has a payment configuration
};

// A gun (car) or socket (e-bike) with its pile/device, area and station, whatever their state.
struct PointRow {
  int64_t id = 0;  // gun / socket
  std::string code, name;
  int64_t number = 0;  // gun no. / socket no.
  std::string state;   // offline | idle | plugged | charging | fault
  int64_t status = 0;  // 0 enabled
  int64_t device_id = 0;
  std::string device_code, device_name;
  int64_t device_status = 0;
  bool device_online = false;
  int64_t area_id = 0;
  int64_t area_status = 0;
  int64_t station_id = 0;
  bool station_visible = false;
  // car piles: current type (AC/DC) and output power (W); e-bike devices: rated power (W)
  std::string current_type;
  int64_t power_w = 0;
  bool busy = false;  // an open charging order holds it (its device may not report it charging yet)
  bool tariff_in_force = false;  // its area has a tariff in force (no tariff: nothing can start on it)
};

class AppStationRepo {
 public:
  // `now_ms`: the instant the car tariffs' "in force" is evaluated at (the business clock).
  AppStationRepo(Connection& c, int64_t now_ms) : c_(c), now_(now_ms) {}
  // Shown stations matching `keyword` (name or address), unsorted; `only_id` narrows to one station.
  std::vector<StationSummary> stations(StationKind kind, const std::string& keyword,
                                       std::optional<int64_t> only_id = std::nullopt);
  // The enabled areas with piles/devices of these stations (those whose tariffs the station shows), as
  // (station id, area id) by station and area; one query.
  std::vector<std::pair<int64_t, int64_t>> areas_with_devices(StationKind kind,
                                                              const std::vector<int64_t>& station_ids);
  // Guns / sockets of the shown piles/devices of a station, ordered by device and number.
  std::vector<PointRow> points_of_station(StationKind kind, int64_t station_id);
  // A gun / socket by its code; a pile / device code with a number; nullopt when unknown.
  std::optional<PointRow> point_by_code(StationKind kind, const std::string& code);
  std::vector<PointRow> points_of_device(StationKind kind, const std::string& device_code);
  // True while a charging order holds the gun / socket (starting, charging, stopping, suspended).
  bool has_active_order(StationKind kind, int64_t point_id);

 private:
  Connection& c_;
  int64_t now_;
};

}  // namespace zc::db::app
