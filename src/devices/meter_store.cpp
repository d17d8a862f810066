#include "devices/meter_store.hpp"

namespace zc::devices {

void MeterStore::update(const DeviceKey& key, int64_t connector, const LatestMeter& m) {
  std::lock_guard g(mu_);
  auto& cur = map_[{key, connector}];
  if (m.time < cur.time) return;
  cur.time = m.time;
  if (m.transaction_id) cur.transaction_id = m.transaction_id;
  if (m.energy) cur.energy = m.energy;
  if (m.power_w) cur.power_w = m.power_w;
  if (m.current_a) cur.current_a = m.current_a;
  if (m.voltage_v) cur.voltage_v = m.voltage_v;
  if (m.soc) cur.soc = m.soc;
  if (m.amount) cur.amount = m.amount;
  if (m.state) cur.state = m.state;
  cur.abnormal = m.abnormal;
}

std::optional<LatestMeter> MeterStore::latest(const DeviceKey& key, int64_t connector) const {
  std::lock_guard g(mu_);
  auto it = map_.find({key, connector});
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

void MeterStore::clear(const DeviceKey& key, int64_t connector) {
  std::lock_guard g(mu_);
  map_.erase({key, connector});
}

}  // namespace zc::devices
