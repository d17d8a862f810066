#include "devices/ocpp16/messages.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <type_traits>

namespace zc::devices::ocpp16 {

namespace {

std::string str(const json::object& o, const char* k) {
  return std::string(o.at(k).as_string());
}
std::optional<std::string> ostr(const json::object& o, const char* k) {
  if (auto* v = o.if_contains(k)) return std::string(v->as_string());
  return std::nullopt;
}
int64_t num(const json::object& o, const char* k) {
  return o.at(k).to_number<int64_t>();
}
std::optional<int64_t> onum(const json::object& o, const char* k) {
  if (auto* v = o.if_contains(k)) return v->to_number<int64_t>();
  return std::nullopt;
}
int64_t when(const json::object& o, const char* k) {
  return *parse_datetime(o.at(k).as_string());  // the schema checked the format
}

CallError negative(const char* field) {
  return {"PropertyConstraintViolation", std::string(field) + " must not be negative"};
}

// Validates, then converts (conversion cannot fail once the schema passed). The schemas allow any
// integer connectorId: a negative one names no connector and is refused here, for every request.
template <class T, class F>
Decoded<T> decode(const char* action, const json::value& v, F&& convert) {
  if (auto e = Schemas::get().validate(action, true, v)) return *e;
  T r = convert(v.as_object());
  if constexpr (requires { requires std::is_same_v<decltype(T::connector_id), int64_t>; })
    if (r.connector_id < 0) return negative("connectorId");
  return r;
}

std::vector<MeterValue> meter_values(const json::array& a) {
  std::vector<MeterValue> out;
  for (auto& mv : a) {
    const auto& o = mv.as_object();
    MeterValue m;
    m.timestamp = when(o, "timestamp");
    for (auto& sv : o.at("sampledValue").as_array()) {
      const auto& s = sv.as_object();
      SampledValue x;
      x.value = str(s, "value");
      if (auto c = ostr(s, "context")) x.context = *c;
      if (auto c = ostr(s, "format")) x.format = *c;
      if (auto c = ostr(s, "measurand")) x.measurand = *c;
      if (auto c = ostr(s, "unit")) x.unit = *c;
      x.phase = ostr(s, "phase");
      x.location = ostr(s, "location");
      m.sampled.push_back(std::move(x));
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Decoded<BootNotificationReq> decode_boot(const json::value& v) {
  return decode<BootNotificationReq>("BootNotification", v, [](const json::object& o) {
    BootNotificationReq r;
    r.vendor = str(o, "chargePointVendor");
    r.model = str(o, "chargePointModel");
    r.serial = ostr(o, "chargePointSerialNumber");
    r.box_serial = ostr(o, "chargeBoxSerialNumber");
    r.firmware = ostr(o, "firmwareVersion");
    r.iccid = ostr(o, "iccid");
    r.imsi = ostr(o, "imsi");
    r.meter_type = ostr(o, "meterType");
    r.meter_serial = ostr(o, "meterSerialNumber");
    return r;
  });
}

Decoded<HeartbeatReq> decode_heartbeat(const json::value& v) {
  return decode<HeartbeatReq>("Heartbeat", v, [](const json::object&) { return HeartbeatReq{}; });
}

Decoded<StatusNotificationReq> decode_status(const json::value& v) {
  return decode<StatusNotificationReq>("StatusNotification", v, [](const json::object& o) {
    StatusNotificationReq r;
    r.connector_id = num(o, "connectorId");
    r.error_code = str(o, "errorCode");
    r.status = str(o, "status");
    r.info = ostr(o, "info");
    r.vendor_id = ostr(o, "vendorId");
    r.vendor_error_code = ostr(o, "vendorErrorCode");
    if (o.contains("timestamp")) r.timestamp = when(o, "timestamp");
    return r;
  });
}

Decoded<MeterValuesReq> decode_meter_values(const json::value& v) {
  return decode<MeterValuesReq>("MeterValues", v, [](const json::object& o) {
    MeterValuesReq r;
    r.connector_id = num(o, "connectorId");
    r.transaction_id = onum(o, "transactionId");
    r.values = meter_values(o.at("meterValue").as_array());
    return r;
  });
}

Decoded<AuthorizeReq> decode_authorize(const json::value& v) {
  return decode<AuthorizeReq>("Authorize", v,
                              [](const json::object& o) { return AuthorizeReq{str(o, "idTag")}; });
}

Decoded<StartTransactionReq> decode_start(const json::value& v) {
  return decode<StartTransactionReq>("StartTransaction", v, [](const json::object& o) {
    StartTransactionReq r;
    r.connector_id = num(o, "connectorId");
    r.id_tag = str(o, "idTag");
    r.meter_start = num(o, "meterStart");
    r.reservation_id = onum(o, "reservationId");
    r.timestamp = when(o, "timestamp");
    return r;
  });
}

Decoded<StopTransactionReq> decode_stop(const json::value& v) {
  return decode<StopTransactionReq>("StopTransaction", v, [](const json::object& o) {
    StopTransactionReq r;
    r.id_tag = ostr(o, "idTag");
    r.meter_stop = num(o, "meterStop");
    r.timestamp = when(o, "timestamp");
    r.transaction_id = num(o, "transactionId");
    if (auto s = ostr(o, "reason")) r.reason = *s;
    if (auto* d = o.if_contains("transactionData")) r.data = meter_values(d->as_array());
    return r;
  });
}

Decoded<DataTransferReq> decode_data_transfer(const json::value& v) {
  return decode<DataTransferReq>("DataTransfer", v, [](const json::object& o) {
    return DataTransferReq{str(o, "vendorId"), ostr(o, "messageId"), ostr(o, "data")};
  });
}

Decoded<FirmwareStatusNotificationReq> decode_firmware_status(const json::value& v) {
  return decode<FirmwareStatusNotificationReq>("FirmwareStatusNotification", v, [](const json::object& o) {
    return FirmwareStatusNotificationReq{str(o, "status")};
  });
}

Decoded<DiagnosticsStatusNotificationReq> decode_diagnostics_status(const json::value& v) {
  return decode<DiagnosticsStatusNotificationReq>(
      "DiagnosticsStatusNotification", v,
      [](const json::object& o) { return DiagnosticsStatusNotificationReq{str(o, "status")}; });
}

json::object encode(const IdTagInfo& i) {
  json::object o;
  o["status"] = i.status;
  if (i.expiry) o["expiryDate"] = format_datetime(*i.expiry);
  if (i.parent_id_tag) o["parentIdTag"] = *i.parent_id_tag;
  return o;
}

json::object boot_conf(const std::string& status, int64_t now, int64_t interval_s) {
  return {{"status", status}, {"currentTime", format_datetime(now)}, {"interval", interval_s}};
}
json::object heartbeat_conf(int64_t now) {
  return {{"currentTime", format_datetime(now)}};
}
json::object authorize_conf(const IdTagInfo& i) {
  return {{"idTagInfo", encode(i)}};
}
json::object start_conf(int64_t transaction_id, const IdTagInfo& i) {
  return {{"idTagInfo", encode(i)}, {"transactionId", transaction_id}};
}
json::object stop_conf(const std::optional<IdTagInfo>& i) {
  json::object o;
  if (i) o["idTagInfo"] = encode(*i);
  return o;
}
json::object data_transfer_conf(const std::string& status) {
  return {{"status", status}};
}

OutboundCall to_call(const RemoteStartTransactionReq& r) {
  json::object o{{"idTag", r.id_tag}};
  if (r.connector_id) o["connectorId"] = *r.connector_id;
  return {"RemoteStartTransaction", std::move(o)};
}
OutboundCall to_call(const RemoteStopTransactionReq& r) {
  return {"RemoteStopTransaction", {{"transactionId", r.transaction_id}}};
}
OutboundCall to_call(const ResetReq& r) {
  return {"Reset", {{"type", r.type}}};
}
OutboundCall to_call(const ChangeConfigurationReq& r) {
  return {"ChangeConfiguration", {{"key", r.key}, {"value", r.value}}};
}
OutboundCall to_call(const TriggerMessageReq& r) {
  json::object o{{"requestedMessage", r.requested_message}};
  if (r.connector_id) o["connectorId"] = *r.connector_id;
  return {"TriggerMessage", std::move(o)};
}
OutboundCall to_call(const UnlockConnectorReq& r) {
  return {"UnlockConnector", {{"connectorId", r.connector_id}}};
}
OutboundCall to_call(const ChangeAvailabilityReq& r) {
  return {"ChangeAvailability", {{"connectorId", r.connector_id}, {"type", r.type}}};
}
OutboundCall to_call(const GetConfigurationReq& r) {
  json::object o;
  if (!r.keys.empty()) {
    json::array a;
    for (auto& k : r.keys) a.push_back(json::string(k));
    o["key"] = std::move(a);
  }
  return {"GetConfiguration", std::move(o)};
}
OutboundCall to_call(const ClearCacheReq&) {
  return {"ClearCache", {}};
}

std::variant<OutboundCall, CallError> raw_call(const std::string& action, const std::string& payload_json) {
  boost::system::error_code ec;
  json::value v = json::parse(payload_json.empty() ? "{}" : payload_json, ec);
  if (ec) return CallError{"FormationViolation", "payload is not JSON"};
  if (!Schemas::get().known(action)) return CallError{"NotImplemented", "unknown action " + action};
  if (auto e = Schemas::get().validate(action, true, v)) return *e;
  return OutboundCall{action, v.as_object()};
}

ConfResult interpret_conf(const std::string& action, const json::value& payload) {
  if (auto e = Schemas::get().validate(action, false, payload))
    return {false, "invalid answer (" + e->code + "): " + e->description};
  const auto& o = payload.as_object();
  if (auto* s = o.if_contains("status")) {
    std::string st(s->as_string());
    return {st == "Accepted" || st == "Unlocked" || st == "RebootRequired", st};
  }
  return {true, json::serialize(payload)};  // GetConfiguration, GetLocalListVersion, GetDiagnostics, …
}

}  // namespace zc::devices::ocpp16
