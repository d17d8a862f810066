// Transactions and meter values (session.hpp): Authorize, Start/StopTransaction go to the charging
// service off the network thread (answer_later); MeterValues go to the meter store and the state writer.
#include <cmath>

#include "devices/ocpp16/session.hpp"

namespace zc::devices::ocpp16 {

static std::optional<double> to_double(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

void Session::take_meter(int64_t connector, std::optional<int64_t> tx,
                         const std::vector<MeterValue>& values) {
  for (const auto& mv : values) {
    LatestMeter m;
    m.time = mv.timestamp;
    m.transaction_id = tx;
    for (const auto& s : mv.sampled) {
      auto x = to_double(s.value);
      if (!x || s.format != "Raw") continue;
      const std::string& ms = s.measurand;
      bool kilo = s.unit.size() > 1 && s.unit[0] == 'k';
      if (ms == "Energy.Active.Import.Register")
        m.energy = std::llround(*x * (kilo ? 10000.0 : 10.0));  // → 0.0001 kWh
      else if (ms == "Power.Active.Import" && !s.phase)
        m.power_w = *x * (kilo ? 1000.0 : 1.0);
      else if (ms == "Current.Import" && !s.phase)
        m.current_a = *x;
      else if (ms == "Voltage" && !s.phase)
        m.voltage_v = *x;
      else if (ms == "SoC")
        m.soc = *x;
    }
    ep_.d.meters.update(key(), connector, m);
    if (tx && m.energy) ep_.d.state.meter(*tx, *m.energy, m.time);
  }
}

std::optional<Reply> Session::on_meter_values(const std::string&, const MeterValuesReq& m,
                                              const json::value&) {
  take_meter(m.connector_id, m.transaction_id, m.values);
  return json::object{};
}

std::optional<Reply> Session::on_authorize(const std::string& id, const AuthorizeReq& a, const json::value&) {
  answer_later(
      id, "Authorize", [this, tag = a.id_tag] { return ep_.d.charging.authorize(ref_, tag); },
      [](const charging::IdTagResult& r) -> Reply {
        return authorize_conf(IdTagInfo{r.status, r.expiry_ms, {}});
      });
  return std::nullopt;
}

std::optional<Reply> Session::on_start(const std::string& id, const StartTransactionReq& s,
                                       const json::value&) {
  charging::TxStart t{ref_, s.connector_id, s.id_tag, s.meter_start, s.timestamp, s.reservation_id};
  answer_later(
      id, "StartTransaction", [this, t] { return ep_.d.charging.start_transaction(t); },
      [this, connector = s.connector_id, time = s.timestamp,
       meter_start = s.meter_start](const charging::TxStartResult& r) -> Reply {
        LatestMeter m;
        m.time = time;
        m.transaction_id = r.transaction_id;
        m.energy = meter_start * 10;
        ep_.d.meters.update(key(), connector, m);
        return start_conf(r.transaction_id, IdTagInfo{r.id_tag.status, r.id_tag.expiry_ms, {}});
      });
  return std::nullopt;
}

std::optional<Reply> Session::on_stop(const std::string& id, const StopTransactionReq& s,
                                      const json::value& v) {
  charging::TxStop t{ref_, s.transaction_id, s.id_tag, s.meter_stop, s.timestamp, s.reason};
  answer_later(
      id, "StopTransaction",
      [this, t, frame = json::serialize(v)] {
        try {
          return ep_.d.charging.stop_transaction(t);
        } catch (const std::exception&) {  // answered InternalError: the charger sends it again
          spdlog::error("ocpp: {} StopTransaction NOT stored: {}", ref_.code, frame);
          throw;
        }
      },
      [](const std::optional<charging::IdTagResult>& r) -> Reply {
        std::optional<IdTagInfo> info;
        if (r) info = IdTagInfo{r->status, r->expiry_ms, {}};
        return stop_conf(info);
      });
  return std::nullopt;
}

}  // namespace zc::devices::ocpp16
