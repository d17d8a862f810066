#pragma once
// The DeviceGateway of one node: commands go to the device's live session in the SessionRegistry.
// (Several nodes: a Redis-backed gateway will forward to the owning node; same interface.)
//
// Command names understood by the protocol sessions (OCPP 1.6 mapping in docs/ocpp.md):
//   reboot, clockSync, tariffSync (modelNo), qrSync (qrUrls), hotlineSync (hotline), refresh,
//   remoteStart (connectorId, idTag), remoteStop (transactionId), changeConfiguration (key, value).
#include "devices/gateway.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices {

class LocalGateway final : public DeviceGateway {
 public:
  explicit LocalGateway(SessionRegistry& registry) : registry_(registry) {}
  void send_async(const DeviceRef& device, const Command& command, std::chrono::milliseconds timeout,
                  ReplyHandler done) override;
  bool is_online(const DeviceRef& device) override;

 private:
  SessionRegistry& registry_;
};

}  // namespace zc::devices
