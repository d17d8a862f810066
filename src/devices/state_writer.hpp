#pragma once
// Device state written through to the database off the network threads, coalesced: network threads
// only mark a per-device dirty record (O(1) under a mutex); one writer thread flushes everything dirty
// every `interval` in a single transaction. A status storm of 1,000 frames on one connector costs one
// UPDATE. Online/offline transitions are also appended to the online/offline log (never coalesced).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "devices/device_directory.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices {

class StateWriter {
 public:
  // last_seen is persisted at most every `last_seen_every` per device (it is in memory at all times).
  StateWriter(DeviceStateStore& store, std::chrono::milliseconds interval,
              std::chrono::milliseconds last_seen_every = std::chrono::seconds(60));
  ~StateWriter();

  // At server start, before listening: no device is connected yet, so every device the database still
  // marks online (a crash or kill -9 left it so) is set offline with an online/offline log row.
  // Returns the number of devices reset.
  static int64_t reset_online(DeviceStateStore& store, const std::string& reason = "server restart");

  void online(const DeviceKey& key, const std::string& protocol, const std::string& remote, int64_t now);
  void offline(const DeviceKey& key, const std::string& protocol, const std::string& reason, int64_t now);
  void seen(const DeviceKey& key, int64_t now);
  // `fault`: what the device reports as the cause when `state` is "fault" (OCPP errorCode, YKC fault bits).
  void connector(const DeviceKey& key, int64_t connector, const std::string& state,
                 const std::string& fault = "");
  // The latest energy register (0.0001 kWh) of a transaction.
  void meter(int64_t transaction_id, int64_t value, int64_t time);
  // Writes everything pending now (tests, shutdown).
  void flush();
  void stop();

  struct Stats {
    uint64_t marks = 0, flushes = 0, rows = 0, errors = 0;
  };
  Stats stats() const;

 private:
  struct Dirty {
    int online = -1;  // -1 unchanged, 0, 1
    int64_t last_seen = 0;
    std::map<int64_t, std::string> connectors, faults;
  };
  using Meters = std::unordered_map<int64_t, std::pair<int64_t, int64_t>>;
  using Event = DeviceStateStore::OnlineEvent;
  void run();
  void write(std::unordered_map<DeviceKey, Dirty, DeviceKeyHash>& dirty, std::vector<Event>& events,
             Meters& meters);

  DeviceStateStore& store_;
  std::chrono::milliseconds interval_, last_seen_every_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::unordered_map<DeviceKey, Dirty, DeviceKeyHash> dirty_;
  std::vector<Event> events_;
  Meters meters_;                                                         // transaction → (value, time)
  std::unordered_map<DeviceKey, int64_t, DeviceKeyHash> persisted_seen_;  // writer thread only
  std::mutex flush_mu_;                                                   // one flush at a time
  Stats stats_;
  std::thread thread_;
};

}  // namespace zc::devices
