// zhichong-sim ocpp: transactions — status notifications, Authorize / StartTransaction / StopTransaction,
// meter values and the energy a connector delivers, and the closed loop of bench/ocpp.
#include "ocpp_device.hpp"
#include "sim_pick.hpp"

#include <cstdio>

namespace zc::sim::ocppsim {

asio::awaitable<void> Device::status(int64_t connector, const char* st) {
  json::object p{
      {"connectorId", connector}, {"errorCode", "NoError"}, {"status", st}, {"timestamp", iso_now()}};
  co_await call("StatusNotification", p);
}

json::array Device::meter_sample(int64_t connector, bool with_power, const char* context) {
  const Conn& c = conns_[static_cast<size_t>(connector)];
  json::array sv;
  char wh[32];  // 0.1 Wh resolution: an e-bike socket's register moves visibly within seconds
  std::snprintf(wh, sizeof wh, "%.1f", c.energy_wh);
  sv.push_back(json::object{
      {"value", wh}, {"context", context}, {"measurand", "Energy.Active.Import.Register"}, {"unit", "Wh"}});
  if (with_power) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", power_kw(c) * 1000.0);
    sv.push_back(json::object{
        {"value", buf}, {"context", context}, {"measurand", "Power.Active.Import"}, {"unit", "W"}});
  }
  return json::array{json::object{{"timestamp", iso_now()}, {"sampledValue", std::move(sv)}}};
}

asio::awaitable<void> Device::meter_values(int64_t connector) {
  Conn& c = conns_[static_cast<size_t>(connector)];
  if (o_.bench) {  // formatted directly: the load generator stays cheap (same frame as below)
    char buf[512];
    int n = std::snprintf(
        buf, sizeof buf,
        "{\"connectorId\":%lld,\"meterValue\":[{\"timestamp\":\"%s\",\"sampledValue\":[{\"value\":\"%.1f\","
        "\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
        "{\"value\":\"%.1f\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\","
        "\"unit\":"
        "\"W\"}]}],\"transactionId\":%lld}",
        static_cast<long long>(connector), iso_now().c_str(), c.energy_wh, o_.power_kw * 1000.0,
        static_cast<long long>(c.tx));
    if (co_await call_text("MeterValues", std::string(buf, static_cast<size_t>(n)), false))
      ++sh_.stats.meter_values;
    co_return;
  }
  json::object p{{"connectorId", connector},
                 {"meterValue", meter_sample(connector, c.tx > 0, "Sample.Periodic")}};
  if (c.tx > 0) p["transactionId"] = c.tx;
  if (co_await call("MeterValues", p)) ++sh_.stats.meter_values;
}

asio::awaitable<void> Device::start_session(int64_t connector, const std::string& id_tag, bool authorize) {
  Conn& c = conns_[static_cast<size_t>(connector)];
  if (c.tx > 0) co_return;
  co_await status(connector, "Preparing");
  if (authorize) {
    json::object a{{"idTag", id_tag}};
    auto r = co_await call("Authorize", a);
    if (!r || r->at("idTagInfo").at("status") != "Accepted") {
      ++sh_.stats.auth_refused;
      log("idTag %s refused (%s)", id_tag, r ? std::string(r->at("idTagInfo").at("status").as_string()) : "");
      co_await status(connector, "Available");  // the driver walks away
      charge_at_.reset();
      if (sh_.id_tags.size() > 1) next_local_session();  // the next driver comes with the next tag
      co_return;
    }
    ++sh_.stats.authorized;
  }
  json::object s{{"connectorId", connector},
                 {"idTag", id_tag},
                 {"meterStart", static_cast<int64_t>(c.energy_wh)},
                 {"timestamp", iso_now()}};
  auto r = co_await call("StartTransaction", s);
  if (!r) co_return;
  int64_t tx = r->at("transactionId").to_number<int64_t>();
  if (r->at("idTagInfo").at("status") != "Accepted") {
    log("StartTransaction refused (%s)", std::string(r->at("idTagInfo").at("status").as_string()));
    json::object stop{{"transactionId", tx},
                      {"meterStop", static_cast<int64_t>(c.energy_wh)},
                      {"timestamp", iso_now()},
                      {"reason", "DeAuthorized"}};
    co_await call("StopTransaction", stop);
    co_await status(connector, "Available");
    charge_at_.reset();
    if (authorize && sh_.id_tags.size() > 1) next_local_session();
    co_return;
  }
  c.tx = tx;
  c.id_tag = id_tag;
  c.started = Clock::now();
  c.next_meter = Clock::now() + secs(o_.meter_interval_s);
  c.stop_at = Clock::now() + secs(o_.charge_duration_s);
  last_energy_at_ = Clock::now();
  ++sh_.stats.transactions;
  log("charging on connector %s (transaction %s)", std::to_string(connector), std::to_string(tx));
  co_await status(connector, "Charging");
}

double Device::power_kw(const Conn& c) const {
  if (o_.power_drop_after_s >= 0 && Clock::now() - c.started >= secs(o_.power_drop_after_s))
    return o_.power_drop_kw;
  return o_.power_kw;
}

void Device::accumulate() {
  auto now = Clock::now();
  double h = std::chrono::duration<double>(now - last_energy_at_).count() / 3600.0;
  last_energy_at_ = now;
  for (auto& c : conns_)
    if (c.tx > 0) c.energy_wh += power_kw(c) * 1000.0 * h;
}

asio::awaitable<void> Device::stop_session(int64_t connector, const char* reason) {
  Conn& c = conns_[static_cast<size_t>(connector)];
  if (c.tx <= 0) co_return;
  accumulate();
  json::object p{{"transactionId", c.tx},
                 {"idTag", c.id_tag},
                 {"meterStop", static_cast<int64_t>(c.energy_wh)},
                 {"timestamp", iso_now()},
                 {"reason", reason},
                 {"transactionData", meter_sample(connector, false, "Transaction.End")}};
  c.tx = 0;
  co_await call("StopTransaction", p);
  if (o_.repeat_stop) co_await call("StopTransaction", p);  // a retransmission: applied once
  co_await status(connector, "Finishing");
  co_await status(connector, "Available");  // unplugged
  log("session on connector %s stopped (%s)", std::to_string(connector), reason);
  if (connector == 1) next_local_session();
}

void Device::next_local_session() {
  if (o_.charge_after_s >= 0 && charges_) charge_at_ = Clock::now() + secs(o_.charge_after_s);
}

const std::string& Device::next_id_tag() {
  return sh_
      .id_tags[pick_entry(sh_.id_tags.size(), index_, sh_.device_count, sessions_++, o_.id_tag_random, rng_)];
}

asio::awaitable<void> Device::bench() {
  co_await start_session(1, o_.id_tag, false);
  while (connected_ && !sh_.stopping) {
    accumulate();
    co_await meter_values(1);
  }
}

}  // namespace zc::sim::ocppsim
