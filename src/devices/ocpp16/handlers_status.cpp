// What a charger reports about itself (session.hpp): boot, heartbeat, connector status, firmware and
// diagnostics status, vendor data.
#include "devices/ocpp16/session.hpp"

namespace zc::devices::ocpp16 {

// OCPP ChargePointStatus → car gun state (docs/api-car.md: offline, idle, plugged, charging, fault) or
// e-bike socket state (docs/api-bike.md: offline, idle, charging, fault — a plugged socket is idle).
static std::string connector_state(DeviceKind kind, const std::string& status) {
  if (status == "Available" || status == "Reserved") return "idle";
  if (status == "Preparing" || status == "Finishing")
    return kind == DeviceKind::bike_device ? "idle" : "plugged";
  if (status == "Charging" || status == "SuspendedEV" || status == "SuspendedEVSE") return "charging";
  return "fault";  // Faulted, Unavailable
}

std::optional<Reply> Session::on_boot(const std::string&, const BootNotificationReq& b, const json::value&) {
  spdlog::info("ocpp: {} boot: {} {} firmware {}", ref_.code, b.vendor, b.model, b.firmware.value_or("?"));
  return boot_conf("Accepted", now_ms(), ep_.d.cfg.ocpp.heartbeat_interval_s);
}

std::optional<Reply> Session::on_heartbeat(const std::string&, const HeartbeatReq&, const json::value&) {
  return heartbeat_conf(now_ms());
}

std::optional<Reply> Session::on_status(const std::string&, const StatusNotificationReq& s,
                                        const json::value&) {
  // A connector the platform does not know is not the charger's fault: answered, not stored.
  if (s.connector_id <= connectors_)
    ep_.d.state.connector(key(), s.connector_id, connector_state(ref_.kind, s.status),
                          s.status == "Faulted" ? s.error_code : s.status);
  if (s.status == "Faulted")
    spdlog::warn("ocpp: {} connector {} faulted: {} {}", ref_.code, s.connector_id, s.error_code,
                 s.info.value_or(""));
  return json::object{};
}

std::optional<Reply> Session::on_data_transfer(const std::string&, const DataTransferReq&,
                                               const json::value&) {
  return data_transfer_conf("UnknownVendorId");
}

std::optional<Reply> Session::on_firmware_status(const std::string&, const FirmwareStatusNotificationReq& r,
                                                 const json::value&) {
  spdlog::info("ocpp: {} firmware status {}", ref_.code, r.status);
  return json::object{};
}

std::optional<Reply> Session::on_diagnostics_status(const std::string&,
                                                    const DiagnosticsStatusNotificationReq& r,
                                                    const json::value&) {
  spdlog::info("ocpp: {} diagnostics status {}", ref_.code, r.status);
  return json::object{};
}

}  // namespace zc::devices::ocpp16
