// zhichong-sim ocpp: the central system's calls (Reset, TriggerMessage, configuration, remote start/stop, …)
// answered at once, and the follow-up actions the main loop runs.
#include "ocpp_device.hpp"

namespace zc::sim::ocppsim {

void Device::on_server_call(const std::string& id, const std::string& action, const json::value& payload) {
  ++sh_.stats.server_calls;
  const json::object empty;
  const json::object& p = payload.is_object() ? payload.as_object() : empty;
  auto num = [&](const char* k) -> int64_t {
    auto* v = p.if_contains(k);
    return v && v->is_number() ? v->to_number<int64_t>() : 0;
  };
  auto str = [&](const char* k) -> std::string {
    auto* v = p.if_contains(k);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  json::object res;
  if (action == "Reset") {
    res["status"] = "Accepted";
    actions_.push_back({"reset", 0, 0, str("type")});
  } else if (action == "TriggerMessage") {
    std::string m = str("requestedMessage");
    bool ok = m == "Heartbeat" || m == "StatusNotification" || m == "BootNotification" || m == "MeterValues";
    res["status"] = ok ? "Accepted" : "NotImplemented";
    if (ok) actions_.push_back({"trigger:" + m, num("connectorId"), 0, ""});
  } else if (action == "ChangeConfiguration") {
    config_[str("key")] = str("value");
    res["status"] = "Accepted";
    log("configuration %s = %s", str("key"), str("value"));
  } else if (action == "GetConfiguration") {
    json::array keys;
    keys.push_back(json::object{{"key", "HeartbeatInterval"},
                                {"readonly", false},
                                {"value", std::to_string(static_cast<int64_t>(hb_s_))}});
    for (auto& [k, v] : config_) keys.push_back(json::object{{"key", k}, {"readonly", false}, {"value", v}});
    res["configurationKey"] = std::move(keys);
  } else if (action == "RemoteStartTransaction") {
    if (o_.remote_start == "silent") {  // a charge point that never answers (the platform times out)
      log("not answering %s", action);
      return;
    }
    int64_t c = num("connectorId");
    if (c <= 0) c = 1;
    bool free = c <= o_.connectors && conns_[static_cast<size_t>(c)].tx == 0;
    if (o_.remote_start == "refuse") free = false;
    res["status"] = free ? "Accepted" : "Rejected";
    if (free && o_.remote_start != "ignore") actions_.push_back({"remoteStart", c, 0, str("idTag")});
  } else if (action == "RemoteStopTransaction") {
    int64_t tx = num("transactionId");
    bool found = false;
    for (auto& c : conns_) found = found || (c.tx == tx && tx > 0);
    res["status"] = found ? "Accepted" : "Rejected";
    if (found) actions_.push_back({"remoteStop", 0, tx, ""});
  } else if (action == "UnlockConnector") {
    res["status"] = "Unlocked";
  } else if (action == "ChangeAvailability" || action == "ClearCache") {
    res["status"] = "Accepted";
  } else if (action == "DataTransfer") {
    res["status"] = "UnknownVendorId";
  } else if (action == "GetLocalListVersion") {
    res["listVersion"] = 0;
  } else if (action == "SendLocalList") {
    res["status"] = "NotSupported";
  } else if (action == "ReserveNow") {
    res["status"] = "Rejected";
  } else if (action == "CancelReservation" || action == "SetChargingProfile" ||
             action == "GetCompositeSchedule") {
    res["status"] = "Rejected";
  } else if (action == "ClearChargingProfile") {
    res["status"] = "Unknown";
  } else if (action == "UpdateFirmware") {
  } else if (action == "GetDiagnostics") {
  } else {
    json::array err{4, json::string(id), "NotImplemented", json::string("not simulated: " + action),
                    json::object{}};
    send(json::serialize(err));
    return;
  }
  json::array frame{3, json::string(id), std::move(res)};
  send(json::serialize(frame));
  log("answered %s", action);
  wake();
}

asio::awaitable<bool> Device::run_action(const Action& a, Clock::time_point& next_hb) {
  if (a.kind == "reset") {
    ++sh_.stats.resets;
    for (int64_t c = 1; c <= o_.connectors; ++c)
      co_await stop_session(c, a.id_tag == "Hard" ? "HardReset" : "SoftReset");
    co_return true;
  }
  if (a.kind == "trigger:Heartbeat") {
    co_await call("Heartbeat", empty_);
    next_hb = Clock::now() + secs(hb_s_);
  } else if (a.kind == "trigger:StatusNotification") {
    for (int64_t c = a.connector > 0 ? a.connector : 0; c <= (a.connector > 0 ? a.connector : o_.connectors);
         ++c)
      co_await status(c, conns_[static_cast<size_t>(c)].tx > 0 ? "Charging" : "Available");
  } else if (a.kind == "trigger:MeterValues") {
    accumulate();
    co_await meter_values(a.connector > 0 ? a.connector : 1);
  } else if (a.kind == "trigger:BootNotification") {
    json::object b{{"chargePointVendor", "ZhiChong"}, {"chargePointModel", "SIM-OCPP"}};
    co_await call("BootNotification", b);
  } else if (a.kind == "remoteStart") {
    co_await start_session(a.connector, a.id_tag, false);
  } else if (a.kind == "remoteStop") {
    for (int64_t c = 1; c <= o_.connectors; ++c)
      if (conns_[static_cast<size_t>(c)].tx == a.tx) co_await stop_session(c, "Remote");
  }
  co_return false;
}

}  // namespace zc::sim::ocppsim
