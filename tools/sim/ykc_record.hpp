#pragma once
// Pure parts of the simulated YKC pile (zhichong-sim ykc): the car tariff its billing model describes, the
// energy delivered at a constant power, and the per-tier lines of its transaction record (0x3B).
//
// A real pile bills by itself with the model the platform sent it (0x0A / 0x58): the energy of each
// half-hour of its local time goes to that half-hour's tier. The simulator does the same with the platform's
// own tariff engine (domain/tariff/car_billing: spread_energy + bill_from_slots), so the record it sends
// is what a correct pile would send and the server's check of it is a real check.
#include <array>
#include <cstdint>

#include "core/timezone.hpp"
#include "devices/ykc/messages.hpp"
#include "domain/tariff/car_tariff.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

namespace zc::sim {

// The tariff of a YKC model: time-of-use, every tier priced with the model's rates (an unused tier is 0/0),
// slot codes > 3 (invalid) read as 平 flat.
tariff::CarTariff tariff_of_model(const tariff::YkcBillingModel& model);

// Energy in 0.0001 kWh delivered at `power_kw` during `elapsed_ms` (truncated, never negative).
int64_t energy_delivered(double power_kw, int64_t elapsed_ms);

struct RecordTiers {
  std::array<ykc::TierRecord, tariff::kTierCount> tiers{};  // index = tier code: sharp, peak, flat, valley
  uint32_t total_energy = 0;                                // 0.0001 kWh, = Σ tiers[i].energy
  uint32_t total_amount = 0;                                // 0.0001 yuan, = Σ tiers[i].amount
};

// `energy` delivered evenly over [start_ms, end_ms) (UTC epoch ms), split over the half-hours of local time
// in `tz` and billed by `model`: per tier the unit price (energy + service rate), energy, loss energy
// (= energy: the loss ratio is 0) and amount. Sessions may cross tier boundaries and midnight; the slot
// table repeats every local day. Throws std::invalid_argument for negative energy or a session > 31 days.
RecordTiers record_tiers(const tariff::YkcBillingModel& model, const TimeZone& tz, int64_t start_ms,
                         int64_t end_ms, int64_t energy);

}  // namespace zc::sim
