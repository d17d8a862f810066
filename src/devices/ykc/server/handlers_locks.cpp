#include "devices/ykc/server/session_impl.hpp"

namespace zc::devices::ykc {

// A ground lock wired to a gun of the pile (0x61 reports, 0x62 commands answered by 0x63).

void Session::on_lock_status(const y::Frame& f, y::GroundLockStatus&& m) {
  log_in_frame(f);
  if (m.gun == 0 || m.gun > guns_.size()) return;
  Gun& g = guns_[m.gun - 1];
  if (g.lock_state == m.lock_state) return;
  g.lock_state = m.lock_state;
  const char* state = m.lock_state == y::GroundLockStatus::kRaised    ? "closed"
                      : m.lock_state == y::GroundLockStatus::kLowered ? "open"
                                                                      : "unknown";
  background([dir = &core_.deps.directory, id = pile_id_, gun = int64_t{m.gun}, st = std::string(state)] {
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
