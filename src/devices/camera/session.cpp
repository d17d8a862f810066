#include "devices/camera/session.hpp"

#include <algorithm>

#include "core/clock.hpp"

namespace zc::devices::camera {

using Done = std::function<void(CommandReply)>;

void CameraSession::command(const DeviceCommand& cmd, std::chrono::milliseconds timeout, Done done) {
  if (!camera_carries(cmd)) {
    done(CommandReply::rejected(RejectReason::unsupported_by_protocol, command_name(cmd)));
    return;
  }
  int64_t wait = std::min<int64_t>(timeout.count(), max_timeout_ms_);
  {
    std::lock_guard g(mu_);
    if (!closed_) {
      pending_.push_back({cmd, std::move(done), now_ms() + wait, false});
      return;
    }
  }
  done(CommandReply::offline("camera session closed"));
}

void CameraSession::close(const std::string&) {
  expire(0, true);
}

CameraIdentity CameraSession::identity() const {
  std::lock_guard g(mu_);
  return identity_;
}

int64_t CameraSession::verified_at() const {
  std::lock_guard g(mu_);
  return verified_at_;
}

void CameraSession::set_identity(CameraIdentity id, int64_t now) {
  std::lock_guard g(mu_);
  identity_ = std::move(id);
  verified_at_ = now;
}

void CameraSession::deliver(boost::json::object& reply, int64_t now) {
  std::vector<Done> taken;
  {
    std::lock_guard g(mu_);
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->delivered || !put_command(reply, it->cmd, now)) {
        ++it;
        continue;
      }
      it->delivered = true;
      if (awaited_lock(it->cmd)) {
        ++it;
        continue;
      }
      taken.push_back(std::move(it->done));
      it = pending_.erase(it);
    }
  }
  for (auto& d : taken) d(CommandReply::accepted("taken by the camera"));
}

void CameraSession::reported(const std::vector<LockReport>& locks) {
  std::vector<Done> done;
  {
    std::lock_guard g(mu_);
    for (auto it = pending_.begin(); it != pending_.end();) {
      auto want = it->delivered ? awaited_lock(it->cmd) : std::nullopt;
      bool shown = want && std::any_of(locks.begin(), locks.end(), [&](const LockReport& r) {
                     return (r.side == want->first || want->first == LockSide::none) &&
                            (want->second == LockState::Arm::unknown || r.state.arm == want->second);
                   });
      if (!shown) {
        ++it;
        continue;
      }
      done.push_back(std::move(it->done));
      it = pending_.erase(it);
    }
  }
  for (auto& d : done) d(CommandReply::accepted("lock state reported"));
}

void CameraSession::expire(int64_t now, bool all) {
  std::vector<std::pair<Done, bool>> out;  // (done, delivered)
  {
    std::lock_guard g(mu_);
    if (all) closed_ = true;
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (!all && now < it->deadline) {
        ++it;
        continue;
      }
      out.emplace_back(std::move(it->done), it->delivered);
      it = pending_.erase(it);
    }
  }
  for (auto& [d, delivered] : out)
    d(all ? CommandReply::offline("camera went offline")
          : CommandReply::timeout(delivered ? "taken, but no lock report showed the new state"
                                            : "the camera did not poll in time"));
}

}  // namespace zc::devices::camera
