#pragma once
// Ground locks of parking spots (CAR-SPOT, issue 17; docs/parking.md "Locks"). A spot's lock has one
// controller: a camera side (lock type 2, the camera's left/right spot) or a YKC pile gun (the spot's
// lock_pile_id/lock_gun_no, 0x61–0x63). Commands go through the DeviceGateway to whichever controls it;
// the state reported by either (camera lock state, YKC 0x61) is kept in one model per spot.
#include <boost/json/object.hpp>
#include <optional>

#include "core/clock.hpp"
#include "devices/camera/parking_events.hpp"
#include "devices/gateway.hpp"
#include "storage/database.hpp"
#include "storage/repositories/parking_repo.hpp"

namespace zc::parking {

struct LockController {
  devices::DeviceRef device;
  devices::LockSide side = devices::LockSide::none;
  unsigned gun = 0;
};

// The device that drives the spot's lock; ApiError 409 naming why there is none.
LockController lock_controller(const db::parking::SpotInfo& s);

// The state columns of a reported lock state.
db::parking::LockRecord lock_record(const devices::camera::LockState& st);

class Locks {
 public:
  Locks(db::Database& db, devices::DeviceGateway& gateway, const Clock& clock)
      : db_(db), gateway_(gateway), clock_(clock) {}
  // Admin button: waits for the device's answer (409 when not accepted). The spot is already checked
  // in the caller's scope.
  boost::json::object command(int64_t spot_id, bool open);
  // The rules: sent without waiting; the lock's state follows from its reports (or the accepted answer).
  // False when the spot has no lock or nothing controls it.
  bool command_async(const db::parking::SpotInfo& s, bool open);
  void record_camera(int64_t camera_id, devices::LockSide side, const devices::camera::LockState& st);

 private:
  db::Database& db_;
  devices::DeviceGateway& gateway_;
  const Clock& clock_;
};

}  // namespace zc::parking
