#pragma once
// Integer money and energy units (docs/architecture.md §3). Never floating point.
//   Price      unit prices        0.00001 yuan per kWh (as YKC)      e.g. 1.2 yuan/kWh = 120000
//   Milli      intermediate sums  0.0001 yuan                        e.g. 1 yuan = 10000
//   Fen        paid/charged/refunded/split amounts, 0.01 yuan         e.g. 1 yuan = 100
//   Energy     0.0001 kWh                                             e.g. 1 kWh = 10000
// Conversions round half-up exactly once, at settlement (Milli → Fen).
#include <cstdint>

namespace zc::money {

using Price = int64_t;
using Milli = int64_t;
using Fen = int64_t;
using Energy = int64_t;

constexpr int64_t kPricePerYuan = 100000;
constexpr int64_t kMilliPerYuan = 10000;
constexpr int64_t kFenPerYuan = 100;
constexpr int64_t kEnergyPerKwh = 10000;

// price (0.00001 yuan/kWh) × energy (0.0001 kWh) = 1e-9 yuan; → Milli (1e-4 yuan) is ÷ 100000.
// Kept exact: the remainder is carried by callers that sum before dividing (see the tariff engines).
constexpr int64_t price_times_energy_nano(Price p, Energy e) { return p * e; }  // in 1e-9 yuan
constexpr int64_t kNanoPerMilli = 100000;

// Half-up rounding of non-negative values.
constexpr int64_t div_round_half_up(int64_t value, int64_t divisor) { return (value + divisor / 2) / divisor; }
constexpr Fen milli_to_fen(Milli m) { return div_round_half_up(m, 100); }
constexpr Milli nano_to_milli(int64_t nano) { return div_round_half_up(nano, kNanoPerMilli); }

}  // namespace zc::money
