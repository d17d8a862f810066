#pragma once
// The e-bike billing engine: one pure function turns a tariff and a session (duration + power/energy
// samples) into a bill; the prepay→duration calculation and the admin "计费测试" helpers call the same
// function. Rules and worked examples: docs/billing.md.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/money.hpp"
#include "domain/tariff/bike_tariff.hpp"

namespace zc::tariff {

// Power band choice: the highest power held without interruption for this long (start-up spikes and
// short surges do not count). The band of that power prices the whole session.
inline constexpr int64_t kBikeSustainWindowS = 60;

// A device report during the session. at_s = seconds since the session started. power_w is the
// instantaneous power; energy is the session's cumulative energy (0.0001 kWh, counting from 0 at start).
struct BikeSample {
  int64_t at_s = 0;
  std::optional<int32_t> power_w;
  std::optional<money::Energy> energy;
};

struct BikeSession {
  int64_t duration_s = 0;  // from start to stop as reported by the device or the order
  std::vector<BikeSample> samples;
  std::optional<money::Fen> prepaid;  // caps the bill when given
};

enum class BikeCap { none, auto_stop_amount, prepaid };

struct BikeBill {
  BikeMode mode = BikeMode::A;
  int64_t duration_s = 0;  // as given (negative clamped to 0)
  int64_t billed_s = 0;    // min(duration, auto-stop threshold)
  bool max_duration_reached = false;
  bool free = false;              // ended within the free minutes: everything below is 0 except energy/power
  int64_t units = 0;              // started billing units (A/B/D/E), 0 for C
  int32_t power_w = 0;            // the sustained power that chose the band (informational for A/C/D)
  std::optional<PowerBand> band;  // B/E
  money::Energy energy = 0;       // 0.0001 kWh within billed_s
  // Before any cap. Exact in 1e-9 yuan (price × energy, units × unit price); the 0.0001 yuan breakdown
  // is for display (gross_milli rounded from the exact sum, service = gross − energy, so they add up).
  int64_t energy_fee_nano = 0;
  int64_t service_fee_nano = 0;  // A/B: the whole time fee
  money::Milli energy_fee_milli = 0;
  money::Milli service_fee_milli = 0;
  money::Milli gross_milli = 0;
  money::Fen gross = 0;  // the exact sum rounded half-up to fen, once
  // Charged (after caps): total = min(gross, auto-stop amount, prepaid); energy_fee + service_fee = total.
  money::Fen energy_fee = 0;
  money::Fen service_fee = 0;
  money::Fen total = 0;
  BikeCap cap = BikeCap::none;
};

// Bill a session. Samples may arrive in any order and out-of-range values are clamped (docs); the tariff
// must be valid (validate_bike_tariff), otherwise std::invalid_argument names the first problem.
BikeBill bill_bike_session(const BikeTariff& t, const BikeSession& s);

// A session that draws power_w from start to end (samples at 0 s); the billing tests use it.
BikeSession constant_power_session(int64_t duration_s, int32_t power_w,
                                   std::optional<money::Fen> prepaid = {});

// 计费测试: by duration (at the tariff's reference power) and by duration + power (B/E band, C/D/E energy).
BikeBill bike_billing_test(const BikeTariff& t, int64_t duration_s);
BikeBill bike_billing_test(const BikeTariff& t, int64_t duration_s, int32_t power_w);

struct BikePrepayDuration {
  int64_t duration_s = 0;  // whole minutes (× 60): what the device start command is given
  int32_t power_w = 0;     // the power assumed
  std::optional<PowerBand> band;
  money::Fen bill = 0;        // the bill of that duration at that power (≤ amount)
  bool max_duration = false;  // the amount buys the whole auto-stop threshold
};

// The longest whole-minute duration (≤ auto-stop threshold) whose bill at a constant power_w — the power
// the device reported at start, else the tariff's reference power — does not exceed amount.
BikePrepayDuration bike_prepaid_duration(const BikeTariff& t, money::Fen amount,
                                         std::optional<int32_t> power_w = std::nullopt);

}  // namespace zc::tariff
