#pragma once
// Which device is connected on which connection (ARCHITECTURE: devices/ "session registry"). Protocol
// neutral: a protocol session (OCPP WebSocket, later YKC TCP) implements DeviceSession and attaches
// itself once the device has identified; the gateway finds it here to send commands.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "devices/gateway.hpp"

namespace zc::devices {

struct DeviceKey {
  DeviceKind kind = DeviceKind::car_pile;
  int64_t id = 0;
  bool operator==(const DeviceKey&) const = default;
};
struct DeviceKeyHash {
  size_t operator()(const DeviceKey& k) const noexcept {
    return std::hash<int64_t>()(k.id) ^ (static_cast<size_t>(k.kind) << 56);
  }
};
const char* kind_name(DeviceKind k);  // "car_pile", … (stored in the logs)

// One live protocol connection of one device.
class DeviceSession {
 public:
  virtual ~DeviceSession() = default;
  // Translates the command to the protocol and sends it; `done` is called exactly once, on any thread,
  // with the device's answer or timeout (or offline when the connection ends first).
  virtual void command(const DeviceCommand& cmd, std::chrono::milliseconds timeout,
                       std::function<void(CommandReply)> done) = 0;
  // Ends the connection (a newer connection of the same device replaced it, or shutdown).
  virtual void close(const std::string& reason) = 0;
  virtual const char* protocol() const = 0;

  // Frames and WebSocket pongs both count as "seen" (epoch ms). Lock-free: touched on every frame.
  void touch(int64_t now) { last_seen_.store(now, std::memory_order_relaxed); }
  int64_t last_seen() const { return last_seen_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> last_seen_{0};
};

struct SessionInfo {
  DeviceKey key;
  std::string code, protocol, remote;
  int64_t since = 0, last_seen = 0;
};

class SessionRegistry {
 public:
  // Registers the session of `key`; a previous session of the same device is returned (the caller
  // closes it: a device has one connection).
  std::shared_ptr<DeviceSession> attach(const DeviceKey& key, std::shared_ptr<DeviceSession> s,
                                        std::string code, std::string remote, int64_t now);
  // Removes the entry only if it still belongs to `s` (a reconnect may have replaced it). True if removed.
  bool detach(const DeviceKey& key, const DeviceSession* s);
  std::shared_ptr<DeviceSession> find(const DeviceKey& key) const;
  std::optional<SessionInfo> info(const DeviceKey& key) const;
  std::vector<std::shared_ptr<DeviceSession>> all() const;
  size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<DeviceSession> session;
    std::string code, remote;
    int64_t since = 0;
  };
  mutable std::mutex mu_;
  std::unordered_map<DeviceKey, Entry, DeviceKeyHash> map_;
};

}  // namespace zc::devices
