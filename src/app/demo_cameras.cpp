// The demo's parking cameras (issue 17, docs/camera.md): a camera area of the demo car station with 4
// spots whose ground locks the 2 cameras drive (left and right spot each). Their secrets are fixed demo
// values (kDemoCameras) so that scripts/run-demo.sh can start `zhichong-sim camera` with them — a real
// camera gets a random secret when it is added.
#include <spdlog/spdlog.h>

#include "app/demo.hpp"
#include "devices/device_password.hpp"
#include "service/car/asset_service.hpp"
#include "service/station/area_service.hpp"
#include "storage/repositories/auth_repository.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::app {

const std::vector<DemoCamera> kDemoCameras = {
    {"SIM-CAM-000001", "demoCameraSecret00000001", "B区1号相机"},
    {"SIM-CAM-000002", "demoCameraSecret00000002", "B区2号相机"},
};

void seed_demo_cameras(db::Database& db, const car::CarContext& ctx) {
  auto scalar = [&](const std::string& sql, const db::Params& p) {
    return db.read([&](db::Connection& c) { return c.scalar(sql, p); });
  };
  auto station_id = scalar("SELECT id FROM car_station WHERE name = ?", {std::string(kDemoCarStation)});
  auto admin_id = db.read([&](db::Connection& c) { return db::AuthRepository().find_user_id(c, "admin"); });
  if (!station_id || !admin_id) return;
  Principal admin;
  admin.user_id = *admin_id;
  admin.user_name = "admin";
  admin.super_admin = true;
  try {
    const std::string area_name = "B区 相机车位";
    auto area_id =
        scalar("SELECT id FROM car_area WHERE name = ? AND station_id = ?", {area_name, *station_id});
    if (!area_id) {
      area_id = station::AreaService(db, station::StationType::car, ctx.clock)
                    .create(*station_id, {area_name, "0571-88880004", 240}, admin);
      car::SpotService(ctx).add_batch(
          {.station_id = *station_id, .area_id = *area_id, .count = 4, .lock_type = 2, .name_prefix = "B"},
          admin);
    }
    auto spots = db.read([&](db::Connection& c) {
      auto r = c.query("SELECT id FROM car_spot WHERE area_id = ? ORDER BY seq", {*area_id});
      std::vector<int64_t> ids;
      for (size_t i = 0; i < r.size(); ++i) ids.push_back(r.i64(i, 0));
      return ids;
    });
    for (size_t i = 0; i < kDemoCameras.size() && 2 * i + 1 < spots.size(); ++i) {
      const auto& d = kDemoCameras[i];
      if (scalar("SELECT id FROM car_camera WHERE factory_no = ?", {d.serial})) continue;
      car::CameraInput in;
      in.station_id = *station_id;
      in.area_id = *area_id;
      in.f = {d.serial, "192.168.10." + std::to_string(21 + i), d.name, "", spots[2 * i], spots[2 * i + 1]};
      int64_t id = car::CameraService(ctx).create(in, admin);
      auto [salt, hash] = devices::hash_device_password(d.secret);
      db.write([&](db::Connection& c) {
        db::dev::DeviceRepo(c).set_secret("car_camera", id, salt, hash, "demo", ctx.clock.now());
      });
    }
  } catch (const std::exception& e) {
    spdlog::warn("demo cameras not (fully) created: {}", e.what());
  }
}

}  // namespace zc::app
