#pragma once
// The one way the services talk to devices (ARCHITECTURE: Flow, "Device outbound"). Protocol-neutral:
// typed commands and replies (devices/command.hpp), no protocol types. LocalGateway implements it for
// one node (on several nodes the owning node will be reached via Redis); a device without a session
// answers `offline` — never a faked success.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "devices/command.hpp"

namespace zc::devices {

enum class DeviceKind { car_pile, car_camera, car_lock, bike_device };

// Which device: the kind, the platform id and the code the device identifies itself with (the 14-digit
// YKC pile code, a camera's factory no., …).
struct DeviceRef {
  DeviceKind kind = DeviceKind::car_pile;
  int64_t id = 0;
  std::string code;
};

using ReplyHandler = std::function<void(CommandReply)>;

class DeviceGateway {
 public:
  virtual ~DeviceGateway() = default;
  // Sends the command and returns at once; `done` runs exactly once with the device's answer, or
  // offline / timeout (`timeout` bounds the wait). It runs on a device I/O thread, or on the caller's
  // thread when the device is not connected: it must not block — hand slow work to a worker. A command
  // waiting for a silent device holds no thread (orders: a few slow piles never delay everyone's start).
  virtual void send_async(const DeviceRef& device, const DeviceCommand& command,
                          std::chrono::milliseconds timeout, ReplyHandler done) = 0;
  // The same, waiting for the answer (admin buttons answer in their request). Never throws for a device
  // problem: offline / rejected / timeout are results. Blocking: call it from a worker thread.
  CommandReply send(const DeviceRef& device, const DeviceCommand& command, std::chrono::milliseconds timeout);
  // True while the device has a live session (on any node).
  virtual bool is_online(const DeviceRef& device) = 0;
};

}  // namespace zc::devices
