#include "devices/ykc/server/session_impl.hpp"

namespace zc::devices::ykc {

// A ground lock wired to a gun of the pile (0x61 reports, 0x62 commands answered by 0x63).

void Session::on_lock_status(const y::Frame& f, y::GroundLockStatus&& m) {
  log_in_frame(f);
  if (m.gun == 0 || m.gun > guns_.size()) return;
  Gun& g = guns_[m.gun - 1];
  uint32_t report =
      uint32_t{m.lock_state} << 24 | uint32_t{m.bay_state} << 16 | uint32_t{m.battery_percent} << 8 | m.alarm;
  if (g.lock_report == report) return;
  g.lock_report = report;
  using Arm = camera::LockState::Arm;
  camera::LockState st;
  st.arm = m.lock_state == y::GroundLockStatus::kRaised    ? Arm::raised
           : m.lock_state == y::GroundLockStatus::kLowered ? Arm::lowered
                                                           : Arm::moving;  // 0x00: not in position
  st.car_present = m.bay_state == 0xFF;
  st.battery_percent = m.battery_percent;
  st.alarm = m.alarm == 0xFF ? "arm_damaged" : m.alarm == 0x55 ? "arm_fault" : "";
  background([dir = &core_.deps.directory, id = pile_id_, gun = int64_t{m.gun}, st = std::move(st)] {
    dir->set_gun_lock_state(id, gun, st);
  });
}

void Session::on_lock_reply(const y::Frame& f, y::GroundLockReply&& m) {
  log_in_frame(f);
  const Pending* p = cmds_.inflight();
  if (!p || p->expect != y::GroundLockReply::kType || p->gun != m.gun) return;
  complete(m.result == y::GroundLockReply::kSuccess
               ? CommandReply::accepted()
               : CommandReply::rejected(RejectReason::failed, "the pile reports the lock failed"));
}

}  // namespace zc::devices::ykc
