// The demo parking of `make run`: the demo station's OCPP piles allow reservation and charge occupancy
// (15 free minutes, 2 yuan per started 30 minutes, at most 20 yuan), and a simulated driver — a verified
// owner, 19900000009, plate 浙AD12345 — holds a reservation of a free spot (made again at each start when
// the last one ended). The cameras over the spots come with the camera demo (issue 17).
#include <spdlog/spdlog.h>

#include "app/demo.hpp"
#include "core/error.hpp"

namespace zc::app {

void seed_demo_parking(db::Database& db, parking::ParkingService& parking) {
  auto station = db.read([&](db::Connection& c) {
    return c.scalar(
        "SELECT s.id FROM car_station s JOIN sys_property p ON p.id = s.property_id WHERE p.name = ? "
        "ORDER BY s.id LIMIT 1",
        {std::string(kDemoProperty)});
  });
  if (!station) return;  // not a demo database
  const std::string phone = "19900000009", plate = "浙AD12345";
  int64_t now = parking.now();
  auto driver = db.write([&](db::Connection& c) {
    c.execute(
        "UPDATE car_pile SET reservable = 1, occupancy_fee = 200, occupancy_free_min = 15, "
        "occupancy_period_min = "
        "30, occupancy_cap = 2000 WHERE station_id = ? AND protocol = 'ocpp16' AND reservable = 0",
        {*station});
    auto id = c.scalar("SELECT id FROM app_user WHERE phone = ?", {phone});
    if (!id) {
      id = c.insert(
          "INSERT INTO app_user (phone, nickname, verified, verified_at, verified_by, created_at) VALUES "
          "(?, '预约车主', 1, ?, 'demo', ?)",
          {phone, now, now});
      c.execute("INSERT INTO app_plate (user_id, plate, created_at) VALUES (?, ?, ?)", {*id, plate, now});
    }
    return *id;
  });
  if (!parking.reservations_of(driver).empty() &&
      parking.reservations_of(driver).at(0).as_object().at("state").as_string() == "reserved")
    return;
  for (const auto& v : parking.spots(*station, driver)) {
    const auto& s = v.as_object();
    if (s.at("state").as_string() != "free") continue;
    try {
      auto r = parking.reserve(driver, s.at("id").as_int64());
      spdlog::info("demo: driver {} reserved spot {} ({})", phone, std::string(s.at("name").as_string()),
                   std::string(r.at("reservationNo").as_string()));
      return;
    } catch (const ApiError& e) {
      spdlog::info("demo: no reservation for driver {}: {}", phone, e.what());
      return;
    }
  }
}

}  // namespace zc::app
