#pragma once
// One parking camera's session: it has no connection of its own (the camera is an HTTP client), so it
// lives while the camera's requests keep arriving. Commands wait here until the camera's next request
// carries them; a lock command is then done when a report shows the lock's new state.
#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "devices/camera/camera_store.hpp"
#include "devices/camera/protocol.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices::camera {

class CameraSession final : public DeviceSession {
 public:
  CameraSession(CameraIdentity id, int64_t command_timeout_ms)
      : identity_(std::move(id)), max_timeout_ms_(command_timeout_ms) {}

  void command(const DeviceCommand& cmd, std::chrono::milliseconds timeout,
               std::function<void(CommandReply)> done) override;
  void close(const std::string& reason) override;
  const char* protocol() const override { return "vzenith"; }

  // The identity as last read from the database, and when.
  CameraIdentity identity() const;
  int64_t verified_at() const;
  void set_identity(CameraIdentity id, int64_t now);

  // Puts the waiting commands in the reply (as many as fit); those done once taken are answered.
  void deliver(boost::json::object& reply, int64_t now);
  // Lock reports: delivered lock commands whose state is now shown are answered accepted.
  void reported(const std::vector<LockReport>& locks);
  // Commands past their deadline answer timeout; `all` (offline): every command answers offline.
  void expire(int64_t now, bool all);

 private:
  struct Pending {
    DeviceCommand cmd;
    std::function<void(CommandReply)> done;
    int64_t deadline = 0;
    bool delivered = false;
  };
  mutable std::mutex mu_;
  CameraIdentity identity_;
  int64_t verified_at_ = 0;
  int64_t max_timeout_ms_;
  bool closed_ = false;
  std::deque<Pending> pending_;
};

}  // namespace zc::devices::camera
