#pragma once
// The latest meter values per device connector (from OCPP MeterValues / StopTransaction, YKC 0x13),
// kept in memory for the charging service: live energy, power and SoC of a running session.
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "devices/session_registry.hpp"

namespace zc::devices {

struct LatestMeter {
  int64_t time = 0;  // epoch ms of the sample
  std::optional<int64_t> transaction_id;
  std::optional<int64_t> energy;    // Energy.Active.Import.Register, 0.0001 kWh
  std::optional<double> power_w;    // Power.Active.Import
  std::optional<double> current_a;  // Current.Import
  std::optional<double> voltage_v;  // Voltage
  std::optional<double> soc;        // SoC, percent
  std::optional<int64_t> amount;    // amount so far as the device computes it, 0.0001 yuan (YKC)
  const char* state = nullptr;      // connector state of the sample (idle, plugged, charging, fault, offline)
  bool abnormal = false;            // the running session was flagged (YKC: two idle reports, §8.5)
};

class MeterStore {
 public:
  // Merges the sample (fields it lacks keep their previous values) unless it is older than the stored one.
  void update(const DeviceKey& key, int64_t connector, const LatestMeter& m);
  std::optional<LatestMeter> latest(const DeviceKey& key, int64_t connector) const;
  void clear(const DeviceKey& key, int64_t connector);

 private:
  struct Key {
    DeviceKey dev;
    int64_t connector;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const noexcept {
      return DeviceKeyHash()(k.dev) * 31 + std::hash<int64_t>()(k.connector);
    }
  };
  mutable std::mutex mu_;
  std::unordered_map<Key, LatestMeter, KeyHash> map_;
};

}  // namespace zc::devices
