#pragma once
// The OCPP 1.6J central-system endpoint: WebSocket `/ocpp/<chargePointId>` on the main HTTP port
// (subprotocol ocpp1.6). Identifies the charger (a car pile or an e-bike device by code or factory no.
// with protocol ocpp16, enabled), optionally checks its Basic-auth password, then runs one session per
// connection: inbound CALLs through a dispatch table to typed handlers, outbound commands (DeviceSession) one
// at a time with a timeout. docs/ocpp.md describes the mapping.
#include <memory>

#include "core/config.hpp"
#include "devices/charging_service.hpp"
#include "devices/device_directory.hpp"
#include "devices/message_log.hpp"
#include "devices/meter_store.hpp"
#include "devices/session_registry.hpp"
#include "devices/state_writer.hpp"
#include "devices/upgrade.hpp"

namespace zc::devices::ocpp16 {

struct EndpointDeps {
  DeviceDirectory& directory;
  const Config& cfg;
  SessionRegistry& registry;
  StateWriter& state;
  MessageLog& messages;
  MeterStore& meters;
  charging::ChargingService& charging;
};

class OcppEndpoint {
 public:
  explicit OcppEndpoint(EndpointDeps deps);
  ~OcppEndpoint();
  UpgradeRoute route();  // prefix "/ocpp/"
  void shutdown();       // closes every session (going away)

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace zc::devices::ocpp16
