#include "service/parking/locks.hpp"

#include <spdlog/spdlog.h>

#include "core/error.hpp"
#include "service/station/device_support.hpp"

namespace zc::parking {

using db::Connection;
using db::parking::ParkingRepo;
using devices::DeviceCommand;
using devices::DeviceKind;

LockController lock_controller(const db::parking::SpotInfo& s) {
  if (s.lock_type == 0) fail_conflict("该车位没有地锁");
  LockController c;
  if (s.lock_type == 2) {
    if (!s.camera_id) fail_conflict("该车位未绑定相机，无法控制地锁");
    if (s.camera_status != 0) fail_conflict("相机已停用，无法执行：" + s.camera_code);
    c.device = {DeviceKind::car_camera, s.camera_id, s.camera_code};
    c.side = s.camera_left ? devices::LockSide::left : devices::LockSide::right;
  } else if (s.lock_pile_id) {
    // A ground lock wired to a YKC pile's gun (PUT /car/spot/lockPile): the pile drives it (0x62).
    if (s.lock_pile_code.empty()) fail_conflict("地锁绑定的电桩不存在");
    c.device = {DeviceKind::car_pile, s.lock_pile_id, s.lock_pile_code};
    c.gun = static_cast<unsigned>(s.lock_gun_no);
  } else {
    // No protocol connects a ground lock by itself: unbound, nothing can drive it (not "offline").
    fail_conflict("该车位的地锁未绑定控制设备，请先在“绑定电桩”中绑定控制它的电桩和枪");
  }
  return c;
}

db::parking::LockRecord lock_record(const devices::camera::LockState& st) {
  using Arm = devices::camera::LockState::Arm;
  db::parking::LockRecord l;
  l.state = st.arm == Arm::raised    ? "closed"
            : st.arm == Arm::lowered ? "open"
            : st.arm == Arm::moving  ? "moving"
                                     : "unknown";
  l.car_present = st.car_present;
  if (st.battery_percent) l.battery = *st.battery_percent;
  l.alarm = st.alarm;
  return l;
}

static DeviceCommand lock_command(const LockController& c, bool open) {
  return open ? DeviceCommand{devices::LockOpen{c.side, c.gun}}
              : DeviceCommand{devices::LockClose{c.side, c.gun}};
}

boost::json::object Locks::command(int64_t spot_id, bool open) {
  auto s = db_.read([&](Connection& c) { return ParkingRepo(c).spot(spot_id); });
  if (!s) fail_not_found();
  LockController ctl = lock_controller(*s);
  auto out =
      station::command_outcome(gateway_.send(ctl.device, lock_command(ctl, open), station::kCommandTimeout));
  db_.write(
      [&](Connection& c) { ParkingRepo(c).record_arm(spot_id, open ? "open" : "closed", clock_.now()); });
  return out;
}

bool Locks::command_async(const db::parking::SpotInfo& s, bool open) {
  LockController ctl;
  try {
    ctl = lock_controller(s);
  } catch (const ApiError& e) {
    spdlog::info("parking: spot {} lock not {}: {}", s.id, open ? "opened" : "closed", e.what());
    return false;
  }
  gateway_.send_async(ctl.device, lock_command(ctl, open), station::kCommandTimeout,
                      [this, id = s.id, open](devices::CommandReply r) {
                        if (r.result != devices::CommandResult::accepted) {
                          spdlog::warn("parking: spot {} lock {} not done: {}", id, open ? "open" : "close",
                                       devices::reason_code(r));
                          return;
                        }
                        try {
                          db_.write([&](Connection& c) {
                            ParkingRepo(c).record_arm(id, open ? "open" : "closed", clock_.now());
                          });
                        } catch (const std::exception& e) {
                          spdlog::warn("parking: spot {} lock state not written: {}", id, e.what());
                        }
                      });
  return true;
}

void Locks::record_camera(int64_t camera_id, devices::LockSide side, const devices::camera::LockState& st) {
  db_.write([&](Connection& c) {
    ParkingRepo repo(c);
    bool found = false;
    int64_t status = 0;
    if (auto s = repo.spot_of_camera(camera_id, side == devices::LockSide::left, found, status))
      repo.record_lock(s->id, lock_record(st), clock_.now());
  });
}

}  // namespace zc::parking
