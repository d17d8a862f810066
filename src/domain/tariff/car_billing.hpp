#pragma once
// The car billing engine: a session's energy → per-tier kWh, energy fee, service fee, totals. Pure.
// The session settlement, the device transaction record check and the page's 计费测试 all call it.
//
// Units and rounding (docs/architecture.md §3, core/money.hpp)
//   price (0.00001 yuan/kWh) × energy (0.0001 kWh) is exact in 1e-9 yuan ("nano"); every fee is first
//   computed exactly in nano and summed exactly. Nothing is rounded before settlement.
//   total_fen = half-up(total_nano / 10^7)  — the one rounding, at settlement.
//   The parts are then *allocated* so they add up to that total exactly (largest remainder):
//     1. total_fen is split into energy_fee_fen and service_fee_fen: each gets floor(exact); the fen still
//        missing go one each to the part with the larger remainder; on equal remainders energy first.
//     2. energy_fee_fen is split over the tiers in the same way (floor, then the largest remainders,
//        ties in tier order sharp, peak, flat, valley); likewise service_fee_fen.
//   Hence Σ tiers' energy fen = energy_fee_fen, Σ service fen = service_fee_fen,
//   energy_fee_fen + service_fee_fen = total_fen, and every part differs from its exact value by < 1 fen.
//   The Milli (0.0001 yuan) figures — what YKC 0x3B reports and what detail pages show — follow the very
//   same rule with 10^5 in place of 10^7. They are for display and comparison only; fen are never
//   derived from Milli (that would round twice).
//
// Slots
//   A day has 48 local half-hour slots; slot k is [k×30 min, (k+1)×30 min) of local time in the station's
//   zone. Energy given per slot is billed at the tier of the local half-hour that contains slot_start_ms
//   (so any instant inside the slot works; a sample taken 1 ms before a boundary belongs to the earlier
//   slot). The whole session uses the tariff version in force at its start, including that version's slot
//   table after midnight.
//
// Device tiers
//   A pile that bills by itself reports energy per tier (YKC 0x3B: 尖峰平谷). The 5-tier variant adds a
//   fifth group (e.g. 深谷) that the platform's 4-tier model does not define; its energy is billed at the
//   valley (谷) prices and counted in the valley line.
//
// Prepayment cap
//   cap_at(bill, prepaid_fen) never charges more than the prepayment. When it has to cap, the charged
//   total is prepaid_fen and the parts are scaled down proportionally with the same two-level
//   largest-remainder rule, so they still add up exactly.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/money.hpp"
#include "core/timezone.hpp"
#include "domain/tariff/car_tariff.hpp"

namespace zc::tariff {

inline constexpr int64_t kNanoPerFen = 10'000'000;  // 1e-9 yuan per fen
inline constexpr int64_t kNanoPerMilli = money::kNanoPerMilli;
inline constexpr Energy kMaxBillEnergy = 1'000'000LL * money::kEnergyPerKwh;  // 1 GWh: guards overflow
inline constexpr int64_t kMaxBillingTestMs = 31 * kMsPerDay;

struct SlotEnergy {
  int64_t slot_start_ms = 0;  // any instant in the slot; its local half-hour decides the tier
  Energy energy = 0;          // 0.0001 kWh
  bool operator==(const SlotEnergy&) const = default;
};

struct DeviceTierEnergy {  // YKC 0x3B 尖/峰/平/谷 电量 (0.0001 kWh); deep_valley only in the 5-tier variant
  Energy sharp = 0;
  Energy peak = 0;
  Energy flat = 0;
  Energy valley = 0;
  Energy deep_valley = 0;
};

struct TierCharge {
  Tier tier = Tier::sharp;
  Energy energy = 0;
  TierPrice price;  // the unit prices applied (0 when the tier is unpriced and has no energy)
  int64_t energy_fee_nano = 0;
  int64_t service_fee_nano = 0;
  Milli energy_fee_milli = 0;
  Milli service_fee_milli = 0;
  Fen energy_fee_fen = 0;
  Fen service_fee_fen = 0;
  Fen total_fen() const { return energy_fee_fen + service_fee_fen; }
  bool operator==(const TierCharge&) const = default;
};

struct FenBreakdown {
  std::array<Fen, kTierCount> energy_fee{};  // index = Tier
  std::array<Fen, kTierCount> service_fee{};
  Fen energy_fee_total = 0;
  Fen service_fee_total = 0;
  Fen total = 0;
  bool operator==(const FenBreakdown&) const = default;
};

struct Bill {
  std::array<TierCharge, kTierCount> tiers;  // index = Tier, all four always present
  Energy total_energy = 0;
  int64_t energy_fee_nano = 0;  // exact
  int64_t service_fee_nano = 0;
  int64_t total_nano = 0;
  Milli energy_fee_milli = 0;
  Milli service_fee_milli = 0;
  Milli total_milli = 0;
  Fen energy_fee_fen = 0;
  Fen service_fee_fen = 0;
  Fen total_fen = 0;

  const TierCharge& tier(Tier t) const { return tiers[static_cast<size_t>(index_of(t))]; }
  FenBreakdown fen() const;
  bool operator==(const Bill&) const = default;
};

struct CappedCharge {
  Fen prepaid_fen = 0;
  FenBreakdown uncapped;  // what the session cost
  FenBreakdown charged;   // what is charged: uncapped, or scaled down to prepaid_fen
  bool capped = false;
  Fen refund_fen = 0;  // prepaid_fen − charged.total
};

// Core: energy per tier → bill. Throws std::invalid_argument for negative or absurd energy, and for energy
// in a tier the tariff has no price for.
Bill bill_from_tier_energy(const CarTariff& tariff, const std::array<Energy, kTierCount>& energy);
// Energy per 30-minute slot (as a meter sampler accumulates it); slots may repeat and come in any order.
Bill bill_from_slots(const CarTariff& tariff, const TimeZone& tz, std::span<const SlotEnergy> slots);
// Per-tier energies reported by a device.
Bill bill_from_device(const CarTariff& tariff, const DeviceTierEnergy& reported);

// The tier in force at an instant (local half-hour in tz).
Tier tier_at(const CarTariff& tariff, const TimeZone& tz, int64_t utc_ms);
int slot_index_at(const TimeZone& tz, int64_t utc_ms);  // 0..47

CappedCharge cap_at(const Bill& bill, Fen prepaid_fen);

// A session: picks the version in force at session_start_ms and bills everything with it.
// nullopt when no version is in force at the start.
struct SessionBill {
  int64_t version_id = 0;
  Bill bill;
};
std::optional<SessionBill> bill_session(std::span<const TariffVersion> versions, const TimeZone& tz,
                                        int64_t session_start_ms, std::span<const SlotEnergy> slots);
std::optional<SessionBill> bill_session(std::span<const TariffVersion> versions, int64_t session_start_ms,
                                        const DeviceTierEnergy& reported);

// Billing test (计费测试): spreads `energy` over the local half-hour slots covered by
// [start_ms, start_ms + duration_ms) in proportion to the time covered in each (exact integers: each slot
// gets floor(energy × covered / duration), the rest goes one unit each to the largest remainders, ties to
// the earlier slot). duration 0 puts everything in the slot of start_ms. Throws std::invalid_argument for
// negative values or a duration over 31 days.
std::vector<SlotEnergy> spread_energy(const TimeZone& tz, int64_t start_ms, int64_t duration_ms,
                                      Energy energy);
Bill billing_test(const CarTariff& tariff, const TimeZone& tz, Energy energy, int64_t start_ms,
                  int64_t duration_ms);

// Largest-remainder allocation used above: splits `target` into parts proportional to
// numerators[i] / denominator: part i = floor(numerators[i] / denominator), then the remaining units one
// each to the largest remainders (ties: lower index first). Requires non-negative numerators, denominator
// > 0 and Σ floor ≤ target ≤ Σ floor + count(non-zero remainders) — which holds for the callers here.
std::vector<int64_t> allocate_largest_remainder(std::span<const int64_t> numerators, int64_t denominator,
                                                int64_t target);

}  // namespace zc::tariff
