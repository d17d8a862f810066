#pragma once
// The OCPP 1.6J central-system endpoint: WebSocket `/ocpp/<chargePointId>` on the main HTTP port
// (subprotocol ocpp1.6). Identifies the charger (a car pile or an e-bike device by code or factory no.
// with protocol ocpp16, enabled), optionally checks its Basic-auth password, then runs one session per
// connection: inbound CALLs through a dispatch table to typed handlers, outbound commands (DeviceSession) one
// at a time with a timeout. docs/ocpp.md describes the mapping.
#include <memory>

#include "devices/session_deps.hpp"
#include "devices/upgrade.hpp"

namespace zc::devices::ocpp16 {

class OcppEndpoint {
 public:
  explicit OcppEndpoint(SessionDeps deps);
  ~OcppEndpoint();
  UpgradeRoute route();  // prefix "/ocpp/"
  void shutdown();       // closes every session (going away)

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace zc::devices::ocpp16
