// The rules of a plate entering or leaving a spot (docs/parking.md "Rules"), and the occupancy of a stay.
#include <spdlog/spdlog.h>

#include <set>

#include "core/error.hpp"
#include "domain/parking/occupancy.hpp"
#include "service/order/order_common.hpp"
#include "service/parking/parking_service.hpp"
#include "service/station/device_support.hpp"
#include "storage/repositories/member_whitelist.hpp"
#include "storage/repositories/reservation_repo.hpp"

namespace zc::parking {

using db::Connection;
using db::parking::OccupancyEnd;
using db::parking::OccupancyRec;
using db::parking::ParkingRepo;
using db::parking::ReservationRepo;
using db::parking::SpotInfo;

ParkingService::ParkingService(ParkingDeps d) : d_(d), locks_(d.db, d.gateway, d.clock) {}

ParkingService::~ParkingService() {
  stop();
}

void ParkingService::start() {
  d_.payments.on_paid([this](const db::payment::PayOrder& p) {
    if (p.order_type == "occupancy") paid(p);
  });
  sweeper_ = std::make_unique<order::Sweeper>(
      "parking sweeper", std::chrono::milliseconds(std::max<int64_t>(100, d_.cfg.parking.sweep_interval_ms)),
      [this] { sweep(d_.clock.now()); });
  sweeper_->start();
}

void ParkingService::stop() {
  if (sweeper_) sweeper_->stop();
}

PlateDecision ParkingService::on_plate(const devices::camera::PlateEvent& e) {
  int64_t at = e.offline && e.at_ms ? e.at_ms : d_.clock.now();
  bool found = false;
  int64_t status = 0;
  auto s = d_.db.read([&](Connection& c) {
    return ParkingRepo(c).spot_of_camera(e.camera_id, e.side == devices::LockSide::left, found, status);
  });
  if (!found) return {false, "unknown_camera"};
  if (status != 0) return {false, "disabled"};  // a disabled camera recognises nothing
  if (!s) return {false, "no_spot"};
  return plate_at_spot(s->id, e.plate, e.color, e.direction, at);
}

void ParkingService::on_lock_state(int64_t camera_id, devices::LockSide side,
                                   const devices::camera::LockState& st) {
  locks_.record_camera(camera_id, side, st);
}

PlateDecision ParkingService::plate_at_spot(int64_t spot_id, const std::string& plate, PlateColor color,
                                            Direction dir, int64_t at) {
  auto s = d_.db.read([&](Connection& c) { return ParkingRepo(c).spot(spot_id); });
  if (!s) return {false, "no_spot"};
  PlateDecision d = dir == Direction::leaving    ? leave(*s, at)
                    : dir == Direction::entering ? enter(*s, plate, color, at)
                                                 : PlateDecision{false, "no_direction"};
  spdlog::info("parking: spot {} plate '{}' {}: {} ({})", s->id, plate,
               dir == Direction::leaving ? "leaving" : "entering", d.open ? "open" : "closed", d.reason);
  return d;
}

// The plates of a reservation are stored ",A,B," so that a LIKE finds a whole plate.
static bool has_plate(const std::string& plates, const std::string& plate) {
  return plates.find("," + plate + ",") != std::string::npos;
}

PlateDecision ParkingService::enter(const SpotInfo& s, const std::string& plate, PlateColor color,
                                    int64_t at) {
  if (plate.empty()) return {false, "no_plate"};
  PlateDecision d = d_.db.write([&](Connection& c) -> PlateDecision {
    ParkingRepo repo(c);
    ReservationRepo rsv(c);
    if (auto parked = repo.parked(s.id))
      return parked->plate == plate ? PlateDecision{true, "already_parked"}
                                    : PlateDecision{false, "occupied"};
    auto reserved = rsv.active_of_spot(s.id);
    if (reserved && reserved->state != "reserved") return {false, "occupied"};
    if (reserved && !has_plate(reserved->plates, plate)) return {false, "reserved_by_other"};
    if (!reserved) {
      // A driver who reserved another spot of the station and parked here: the reservation follows the car.
      reserved = rsv.reserved_at_station(s.station_id, plate);
      if (reserved) rsv.move_to_spot(reserved->id, s, at);
    }
    if (reserved) {
      rsv.arrive(reserved->id, plate, at, s.lock_type != 0);
      repo.start_occupancy(s, order::new_order_no('Z'), plate, "reservation", reserved->user_id, reserved->id,
                           at);
      return {true, "reservation"};
    }
    if (db::member::WhitelistRepo(c).admits(plate, s.station_id)) return {true, "whitelist"};
    if (color == PlateColor::green) {
      repo.start_occupancy(s, order::new_order_no('Z'), plate, "new_energy", repo.driver_of_plate(plate),
                           std::nullopt, at);
      return {true, "new_energy"};
    }
    return {false, color == PlateColor::blue ? "fuel_refused" : "not_new_energy"};
  });
  if (d.open && d.reason != "already_parked") locks_.command_async(s, true);
  return d;
}

// Ends the stay: its occupancy is the time in the spot minus the time the spot's gun was charging.
static void end_stay(Connection& c, const SpotInfo& s, const OccupancyRec& o, int64_t at) {
  ParkingRepo repo(c);
  OccupancyEnd e;
  e.left_at = std::max(at, o.entered_at);
  if (o.gun_id) {
    e.charge_s =
        charging_seconds(o.entered_at, e.left_at, repo.charging_on_gun(o.gun_id, o.entered_at, e.left_at));
    e.charge_order_id = repo.last_order_on_gun(o.gun_id, o.entered_at, e.left_at);
  }
  e.occupancy_s = std::max<int64_t>(0, (e.left_at - o.entered_at) / 1000 - e.charge_s);
  auto fee = occupancy_fee(e.occupancy_s, {s.free_min, s.price_fen, s.period_min, s.cap_fen});
  e.fee = fee.fee;
  e.detail = fee.detail;
  if (repo.end_occupancy(o.id, e) && e.charge_order_id && e.fee > 0)
    repo.add_order_occupancy_fee(*e.charge_order_id, e.fee);
}

PlateDecision ParkingService::leave(const SpotInfo& s, int64_t at) {
  d_.db.write([&](Connection& c) {
    if (auto o = ParkingRepo(c).parked(s.id)) end_stay(c, s, *o, at);
    ReservationRepo rsv(c);
    if (auto r = rsv.active_of_spot(s.id); r && r->state == "occupying") {
      rsv.finish(r->id, "'occupying'", "completed", "left", "", at);
      if (s.lock_type != 0) rsv.lock_closed(r->id, at);
    }
  });
  locks_.command_async(s, false);
  return {false, "left"};
}

void ParkingService::whitelist_changed(const std::vector<int64_t>& station_ids) {
  std::set<int64_t> done;
  for (int64_t station_id : station_ids) {
    if (!done.insert(station_id).second) continue;
    devices::WhitelistSync sync;
    std::vector<std::pair<int64_t, std::string>> cameras;
    d_.db.read([&](Connection& c) {
      for (auto& plate : db::member::WhitelistRepo(c).plates_of_station(station_id))
        sync.plates.push_back({std::move(plate), true, 0, 0});
      cameras = ParkingRepo(c).cameras_of_station(station_id);
    });
    for (const auto& cam : cameras)
      d_.gateway.send_async({devices::DeviceKind::car_camera, cam.first, cam.second}, sync,
                            station::kCommandTimeout, [id = cam.first](devices::CommandReply r) {
                              if (r.result != devices::CommandResult::accepted)
                                spdlog::info("parking: whitelist of camera {} not synced: {}", id,
                                             devices::reason_code(r));
                            });
  }
}

int ParkingService::sweep(int64_t now) {
  auto ids = d_.db.write([&](Connection& c) { return ReservationRepo(c).time_out(now, 500); });
  if (!ids.empty()) spdlog::info("parking: {} reservation(s) timed out", ids.size());
  return static_cast<int>(ids.size());
}

void ParkingService::end(int64_t id, const Principal& p) {
  int64_t now = d_.clock.now();
  d_.db.write([&](Connection& c) {
    ReservationRepo rsv(c);
    auto r = rsv.find_in_scope(id, p.scope);
    if (!r) fail_not_found();
    if (!rsv.finish(id, "'reserved','occupying'", "completed", "admin", p.user_name, now))
      fail_conflict("只能结束预约中或占位中的预约");
    if (r->state == "occupying") {
      ParkingRepo repo(c);
      auto o = repo.parked(r->spot_id);
      auto s = repo.spot(r->spot_id);
      if (o && s && o->reservation_id == id) end_stay(c, *s, *o, now);
    }
  });
}

}  // namespace zc::parking
