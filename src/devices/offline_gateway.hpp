#pragma once
// The gateway in use until a device protocol is connected: no device has a session, so every device is
// offline and every command answers `offline` (the admin API turns that into 409 设备不在线，无法执行).
#include "devices/gateway.hpp"

namespace zc::devices {

class OfflineGateway final : public DeviceGateway {
 public:
  void send_async(const DeviceRef& device, const Command& command, std::chrono::milliseconds timeout,
                  ReplyHandler done) override;
  bool is_online(const DeviceRef& device) override;
};

}  // namespace zc::devices
