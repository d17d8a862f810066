#pragma once
// The one way the services talk to devices (ARCHITECTURE: Flow, "Device outbound"). Protocol-neutral:
// no Beast, no protocol types. The OCPP 1.6 and YKC gateways implement it later (a local session, or on
// several nodes the owning node via Redis); until a protocol is connected OfflineGateway answers every
// command truthfully with `offline` — never a faked success.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace zc::devices {

enum class DeviceKind { car_pile, car_camera, car_lock, bike_device };

// Which device: the kind, the platform id and the code the device identifies itself with (the 14-digit
// YKC pile code, a camera's factory no., …).
struct DeviceRef {
  DeviceKind kind = DeviceKind::car_pile;
  int64_t id = 0;
  std::string code;
};

// A command by name with string arguments. Names used by the car module: piles reboot, clockSync,
// qrSync, tariffSync, hotlineSync, refresh; cameras reboot, clockSync, capture, syncLock, refresh,
// lockOpen, lockClose (arg side = left|right); ground locks lockOpen, lockClose. E-bike devices
// (bike_device, code = the 12-digit device code): reboot, refresh.
struct Command {
  std::string name;
  std::map<std::string, std::string> args;
};

enum class CommandResult { accepted, rejected, offline, timeout };

struct CommandReply {
  CommandResult result = CommandResult::offline;
  std::string message;  // the device's reason on rejected; free text otherwise
};

const char* to_string(CommandResult r);

class DeviceGateway {
 public:
  virtual ~DeviceGateway() = default;
  // Sends the command and waits for the device's answer at most `timeout`. Never throws for a device
  // problem: offline / rejected / timeout are results. Blocking: call it from a worker thread.
  virtual CommandReply send(const DeviceRef& device, const Command& command,
                            std::chrono::milliseconds timeout) = 0;
  // True while the device has a live session (on any node).
  virtual bool is_online(const DeviceRef& device) = 0;
};

}  // namespace zc::devices
