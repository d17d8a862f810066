#pragma once
// The demo data set of `make run` (`zhichong serve --demo`): a provider, two properties, their
// departments, posts, a role and staff users, then a car and an e-bike station with simulated devices —
// created through the same services the admin web uses.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "service/auth/session_revoker.hpp"
#include "service/bike/context.hpp"
#include "service/car/context.hpp"
#include "service/parking/parking_service.hpp"
#include "storage/database.hpp"

namespace zc::app {

struct DemoAccount {
  std::string who, user_name, password;
};

// Seeds once: does nothing (returns {}) when any provider exists already.
std::vector<DemoAccount> seed_demo(db::Database& db, const Config& cfg, auth::SessionRevoker& sessions);

// The demo property that owns the demo stations.
inline constexpr const char* kDemoProperty = "阳光花园物业";

// A simulated device of the demo stations; scripts/run-demo.sh starts `zhichong-sim` for these codes.
struct DemoDevice {
  std::string kind;      // car_pile | bike_device
  std::string protocol;  // ocpp16 | ykc
  std::string code, name;
  int64_t connectors = 0;
};
extern const std::vector<DemoDevice> kDemoDevices;

// The demo car station (approved, area, spots, tariff in force, OCPP and YKC piles) and e-bike station
// (area, tariff, OCPP devices) under the demo property; each part only when missing. No-op on a
// database without the demo property.
void seed_demo_stations(db::Database& db, const car::CarContext& car_ctx, const bike::BikeContext& bike_ctx);

// The demo car station's name (demo_stations.cpp).
inline constexpr const char* kDemoCarStation = "智充示范充电站";

// A parking camera of the demo; scripts/run-demo.sh starts `zhichong-sim camera` with these.
struct DemoCamera {
  std::string serial, secret, name;
};
extern const std::vector<DemoCamera> kDemoCameras;
// The demo station's camera area: 4 spots with camera-driven locks, 2 cameras (kDemoCameras); only what is
// missing. No-op without the demo car station.
void seed_demo_cameras(db::Database& db, const car::CarContext& ctx);

// The demo member center (card products, a collective account, drivers with cards) of the demo property;
// only when the property has no card product yet. No-op on a database without the demo stations.
void seed_demo_members(db::Database& db, const Clock& clock);

// The demo parking: reservable piles with 占位收费, and a simulated driver's reservation (docs/parking.md).
void seed_demo_parking(db::Database& db, parking::ParkingService& parking);

}  // namespace zc::app
