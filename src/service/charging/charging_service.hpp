#pragma once
// The protocol-neutral charging service the device protocols call (ARCHITECTURE: "Device inbound"):
// idTag authorisation and the device's transaction records. The orders issue implements it for real
// (orders, prepay, settlement); until then RecordingChargingService records transactions and never
// pretends a payment. Calls block (database): the gateway makes them on its worker threads.
#include <cstdint>
#include <optional>
#include <string>

#include "devices/gateway.hpp"

namespace zc::charging {

struct IdTagResult {
  std::string status = "Invalid";  // Accepted | Blocked | Expired | Invalid | ConcurrentTx (OCPP names)
  std::optional<int64_t> expiry_ms;
};

struct TxStart {
  devices::DeviceRef device;
  int64_t connector = 0;
  std::string id_tag;
  int64_t meter_start_wh = 0;
  int64_t timestamp_ms = 0;
  std::optional<int64_t> reservation_id;
};

struct TxStartResult {
  int64_t transaction_id = 0;
  IdTagResult id_tag;
};

struct TxStop {
  devices::DeviceRef device;
  int64_t transaction_id = 0;
  std::optional<std::string> id_tag;
  int64_t meter_stop_wh = 0;
  int64_t timestamp_ms = 0;
  std::string reason;  // OCPP reason (Local, Remote, EVDisconnected, …)
};

class ChargingService {
 public:
  virtual ~ChargingService() = default;
  virtual IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) = 0;
  // Always returns a transaction id (a device must get one even when the idTag is refused). Idempotent
  // for a retried start (same device, connector and timestamp).
  virtual TxStartResult start_transaction(const TxStart& t) = 0;
  // Unknown or already stopped transactions are not an error (the device must not retry forever).
  // Returns the idTag's status when the device sent one.
  virtual std::optional<IdTagResult> stop_transaction(const TxStop& t) = 0;
  // The platform asked the device to start for this idTag (RemoteStartTransaction): accept it.
  virtual void expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) = 0;
};

}  // namespace zc::charging
