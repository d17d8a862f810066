#pragma once
// The DeviceGateway of one node: commands go to the device's live session in the SessionRegistry.
// (Several nodes: a Redis-backed gateway will forward to the owning node; same interface.)
// Each protocol session translates the typed command itself (ykc/server/commands.cpp,
// ocpp16/commands.cpp; OCPP mapping in docs/ocpp.md).
#include "devices/gateway.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices {

class LocalGateway final : public DeviceGateway {
 public:
  explicit LocalGateway(SessionRegistry& registry) : registry_(registry) {}
  void send_async(const DeviceRef& device, const DeviceCommand& command, std::chrono::milliseconds timeout,
                  ReplyHandler done) override;
  bool is_online(const DeviceRef& device) override;

 private:
  SessionRegistry& registry_;
};

}  // namespace zc::devices
