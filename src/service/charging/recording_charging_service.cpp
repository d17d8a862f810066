#include "service/charging/recording_charging_service.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "devices/session_registry.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::charging {

static std::string remote_key(const devices::DeviceRef& d, const std::string& id_tag) {
  return std::string(devices::kind_name(d.kind)) + ":" + std::to_string(d.id) + ":" + id_tag;
}

IdTagResult RecordingChargingService::authorize(const devices::DeviceRef& device, const std::string& id_tag) {
  if (accept_any_) return {"Accepted", {}};
  std::lock_guard g(mu_);
  auto it = remote_.find(remote_key(device, id_tag));
  if (it != remote_.end() && it->second > now_ms()) return {"Accepted", {}};
  return {"Invalid", {}};
}

void RecordingChargingService::expect_remote_start(const devices::DeviceRef& device,
                                                   const std::string& id_tag) {
  std::lock_guard g(mu_);
  int64_t now = now_ms();
  std::erase_if(remote_, [&](const auto& kv) { return kv.second <= now; });
  remote_[remote_key(device, id_tag)] = now + 10 * 60 * 1000;
}

TxStartResult RecordingChargingService::start_transaction(const TxStart& t) {
  TxStartResult r;
  r.id_tag = authorize(t.device, t.id_tag);
  db::dev::TxStart row;
  row.kind = devices::kind_name(t.device.kind);
  row.device_id = t.device.id;
  row.connector_id = t.connector;
  row.id_tag = t.id_tag;
  row.id_tag_status = r.id_tag.status;
  row.reservation_id = t.reservation_id;
  row.meter_start = t.meter_start_wh * 10;  // Wh → 0.0001 kWh
  row.start_time = t.timestamp_ms;
  r.transaction_id =
      db_.write([&](db::Connection& c) { return db::dev::DeviceRepo(c).start_transaction(row, now_ms()); });
  return r;
}

std::optional<IdTagResult> RecordingChargingService::stop_transaction(const TxStop& t) {
  bool applied = db_.write([&](db::Connection& c) {
    db::dev::DeviceRepo repo(c);
    auto tx = repo.find_transaction(t.transaction_id);
    if (!tx || tx->kind != devices::kind_name(t.device.kind) || tx->device_id != t.device.id) return false;
    return repo.stop_transaction(t.transaction_id, t.meter_stop_wh * 10, t.timestamp_ms, t.reason,
                                 t.id_tag.value_or(""), now_ms());
  });
  if (!applied)
    spdlog::info("StopTransaction {} from {}: unknown or already stopped (answered normally)",
                 t.transaction_id, t.device.code);
  if (!t.id_tag) return std::nullopt;
  return authorize(t.device, *t.id_tag);
}

}  // namespace zc::charging
