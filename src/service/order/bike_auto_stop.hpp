#pragma once
// When the platform ends an e-bike session itself (ORD-BIKE auto stop, docs/orders.md). Pure: the
// sweeper feeds it what it knows of a running session and sends the stop command when it says so.
//
// Rules, first match wins:
//   1. the prepaid duration is used up (what the prepayment buys at the session's power, whole minutes);
//   2. the tariff's auto-stop threshold (maximum duration) is reached;
//   3. the cost so far exceeds the prepayment (a higher power band or more energy than assumed at start);
//      energy-priced mode C stops when it reaches it (one more sample would exceed it);
//   4. full: the power stayed below `full_power_w` for `full_hold_s` after the charger drew power — a
//      charger that has finished only keeps a trickle (a session that never drew power is stopped the
//      same way: nothing is plugged in or the battery was already full; inside the free minutes it
//      costs nothing).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/tariff/bike_billing.hpp"

namespace zc::order {

// Tracks how long the power has been below the full threshold (one per running session).
class FullDetector {
 public:
  FullDetector(int64_t full_power_w, int64_t full_hold_s)
      : power_w_(full_power_w), hold_ms_(full_hold_s * 1000) {}
  // The session started at `at_ms`: the hold counts from here until a report says the power is up.
  void start(int64_t at_ms);
  // A power report at `at_ms` (epoch ms). Reports out of order are ignored.
  void report(int64_t at_ms, double power_w);
  // Full (or nothing drawing) at `now_ms`: below the threshold without a break for the hold time. Never
  // for a device that reports no power at all (nothing to judge by).
  bool full(int64_t now_ms) const;
  bool ever_powered() const { return ever_powered_; }
  bool enabled() const { return power_w_ > 0 && hold_ms_ > 0; }

 private:
  int64_t power_w_, hold_ms_;
  int64_t last_at_ = 0;
  std::optional<int64_t> low_since_;
  bool ever_powered_ = false;
  bool reported_ = false;
};

struct AutoStopInput {
  int64_t elapsed_s = 0;           // since the device started the session
  int64_t prepaid_duration_s = 0;  // what the prepayment buys (0 = not known: rule 1 off)
  money::Fen prepaid = 0;
  const tariff::BikeTariff* tariff = nullptr;
  const tariff::BikeBill* bill = nullptr;  // the session so far (duration = elapsed)
  bool full = false;                       // FullDetector::full
  bool ever_powered = false;
};

// The reason to stop now ("" = keep charging), worded for the order's end reason (Chinese, as the UI).
std::string auto_stop_reason(const AutoStopInput& in);

// The remaining time the driver's live page shows (docs/orders.md "Remaining time"): when rule 1 will stop
// the session, shown only once it can no longer jump.
//   - Mode A (priced by time only): prepaid duration − elapsed from the start; the power never changes it.
//   - Power-priced modes (B–E: band or energy): `measuring` (no figure) until the power has been reported
//     for a whole sustain window (kBikeSustainWindowS) — before that the band and the energy per minute are
//     not known, and a figure at the reference power would jump when the first reading re-prices the
//     session. Then prepaid duration (at the sustained power, recomputed by the sweeper) − elapsed: the
//     sustained power only rises from then on, so the figure only falls.
struct RemainingTime {
  std::optional<int64_t> seconds;  // nullopt while measuring
  bool measuring = false;
};
RemainingTime remaining_time(tariff::BikeMode mode, int64_t elapsed_s, int64_t prepaid_duration_s,
                             std::optional<int64_t> first_power_at_s);

}  // namespace zc::order
