#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

namespace zc {
// All stored times are UTC epoch milliseconds (ARCHITECTURE: Time).
inline int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The business "now" of the station, asset and tariff services of both kinds and of the driver app's
// station reads: the system clock plus an offset that only the test-only route (testing.enabled) changes,
// so integration tests can move past a station's local midnight or a tariff's effective time. One instance
// (the composition root's) is passed to every module. Sessions, payments, device transactions and orders
// keep the system clock: they are timed against devices and gateways that do not move.
class Clock {
 public:
  int64_t now() const { return now_ms() + offset_.load(); }
  int64_t offset() const { return offset_.load(); }
  void set_offset(int64_t ms) { offset_.store(ms); }

 private:
  std::atomic<int64_t> offset_{0};
};
}  // namespace zc
