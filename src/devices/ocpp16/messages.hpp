#pragma once
// Typed OCPP 1.6J messages and their validating converters. Every payload is first checked against the
// official schema (schema.hpp) — a violation is a CallError with the OCPP error code — and then
// converted to its struct. Outbound requests are built from structs and checked against the schema too
// (a bug of ours never reaches a charger); the charger's answers are checked against the .conf schema.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "devices/ocpp16/schema.hpp"

namespace zc::devices::ocpp16 {

namespace json = boost::json;

template <class T>
using Decoded = std::variant<T, CallError>;

// ---- charge point → central system ------------------------------------------------------------------
struct BootNotificationReq {
  std::string vendor, model;
  std::optional<std::string> serial, box_serial, firmware, iccid, imsi, meter_type, meter_serial;
};
struct HeartbeatReq {};
struct StatusNotificationReq {
  int64_t connector_id = 0;
  std::string error_code, status;
  std::optional<std::string> info, vendor_id, vendor_error_code;
  std::optional<int64_t> timestamp;
};
struct SampledValue {
  std::string value;
  std::string context = "Sample.Periodic", format = "Raw", measurand = "Energy.Active.Import.Register",
              unit = "Wh";
  std::optional<std::string> phase, location;
};
struct MeterValue {
  int64_t timestamp = 0;
  std::vector<SampledValue> sampled;
};
struct MeterValuesReq {
  int64_t connector_id = 0;
  std::optional<int64_t> transaction_id;
  std::vector<MeterValue> values;
};
struct AuthorizeReq {
  std::string id_tag;
};
struct StartTransactionReq {
  int64_t connector_id = 0;
  std::string id_tag;
  int64_t meter_start = 0;  // Wh
  std::optional<int64_t> reservation_id;
  int64_t timestamp = 0;
};
struct StopTransactionReq {
  std::optional<std::string> id_tag;
  int64_t meter_stop = 0;  // Wh
  int64_t timestamp = 0;
  int64_t transaction_id = 0;
  std::string reason = "Local";
  std::vector<MeterValue> data;
};
struct DataTransferReq {
  std::string vendor_id;
  std::optional<std::string> message_id, data;
};
struct FirmwareStatusNotificationReq {
  std::string status;
};
struct DiagnosticsStatusNotificationReq {
  std::string status;
};

Decoded<BootNotificationReq> decode_boot(const json::value& v);
Decoded<HeartbeatReq> decode_heartbeat(const json::value& v);
Decoded<StatusNotificationReq> decode_status(const json::value& v);
Decoded<MeterValuesReq> decode_meter_values(const json::value& v);
Decoded<AuthorizeReq> decode_authorize(const json::value& v);
Decoded<StartTransactionReq> decode_start(const json::value& v);
Decoded<StopTransactionReq> decode_stop(const json::value& v);
Decoded<DataTransferReq> decode_data_transfer(const json::value& v);
Decoded<FirmwareStatusNotificationReq> decode_firmware_status(const json::value& v);
Decoded<DiagnosticsStatusNotificationReq> decode_diagnostics_status(const json::value& v);

// ---- central system → charge point: confirmations of the above ------------------------------------
struct IdTagInfo {
  std::string status = "Invalid";  // Accepted | Blocked | Expired | Invalid | ConcurrentTx
  std::optional<int64_t> expiry;
  std::optional<std::string> parent_id_tag;
};
json::object encode(const IdTagInfo& i);
json::object boot_conf(const std::string& status, int64_t now, int64_t interval_s);
json::object heartbeat_conf(int64_t now);
json::object authorize_conf(const IdTagInfo& i);
json::object start_conf(int64_t transaction_id, const IdTagInfo& i);
json::object stop_conf(const std::optional<IdTagInfo>& i);
json::object data_transfer_conf(const std::string& status);

// ---- central system → charge point requests ---------------------------------------------------------
struct OutboundCall {
  std::string action;
  json::object payload;
};
struct RemoteStartTransactionReq {
  std::optional<int64_t> connector_id;
  std::string id_tag;
};
struct RemoteStopTransactionReq {
  int64_t transaction_id = 0;
};
struct ResetReq {
  std::string type = "Soft";  // Hard | Soft
};
struct ChangeConfigurationReq {
  std::string key, value;
};
struct TriggerMessageReq {
  std::string requested_message;  // BootNotification | DiagnosticsStatusNotification |
                                  // FirmwareStatusNotification | Heartbeat | MeterValues | StatusNotification
  std::optional<int64_t> connector_id;
};
struct UnlockConnectorReq {
  int64_t connector_id = 0;
};
struct ChangeAvailabilityReq {
  int64_t connector_id = 0;
  std::string type = "Operative";  // Inoperative | Operative
};
struct GetConfigurationReq {
  std::vector<std::string> keys;
};
struct ClearCacheReq {};
OutboundCall to_call(const RemoteStartTransactionReq& r);
OutboundCall to_call(const RemoteStopTransactionReq& r);
OutboundCall to_call(const ResetReq& r);
OutboundCall to_call(const ChangeConfigurationReq& r);
OutboundCall to_call(const TriggerMessageReq& r);
OutboundCall to_call(const UnlockConnectorReq& r);
OutboundCall to_call(const ChangeAvailabilityReq& r);
OutboundCall to_call(const GetConfigurationReq& r);
OutboundCall to_call(const ClearCacheReq& r);
// Any other server-initiated action (ReserveNow, CancelReservation, SetChargingProfile, …) as raw JSON;
// checked against its .req schema before it is sent.
std::variant<OutboundCall, CallError> raw_call(const std::string& action, const std::string& payload_json);

// The answer to an outbound call: "accepted" when the charger says Accepted (or Unlocked, or for a
// GetConfiguration/GetLocalListVersion/GetDiagnostics answer), "rejected" otherwise; detail = its
// status or the answer's JSON.
struct ConfResult {
  bool accepted = false;
  std::string detail;
};
ConfResult interpret_conf(const std::string& action, const json::value& payload);

}  // namespace zc::devices::ocpp16
