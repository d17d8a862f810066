#pragma once
// E-bike tariff definition (BIKE-TARIFF, spec §3.3.5) and its validation. Pure: no I/O.
// Billing lives in bike_billing.hpp; the rules are written down in docs/billing.md.
//
// Units (docs/architecture.md §3, money units): per-kWh prices in money::Price (0.00001 yuan/kWh), time-based prices in
// money::Milli (0.0001 yuan) per billing unit, amounts a user pays in money::Fen, power in watts,
// durations in minutes (tariff) or seconds (sessions).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"

namespace zc::tariff {

// A 时长模式, B 功率模式, C 统一计费模式, D 时段服务费模式, E 功率服务费模式.
enum class BikeMode : char { A = 'A', B = 'B', C = 'C', D = 'D', E = 'E' };

std::optional<BikeMode> parse_bike_mode(std::string_view s);  // "A".."E" (also lower case)
char bike_mode_code(BikeMode m);

// One power band [min_w, max_w). max_w absent = open-ended ("700W以上"); only the top band may be open.
// A power at or above the top band's max_w is still priced by the top band.
struct PowerBand {
  int32_t min_w = 0;
  std::optional<int32_t> max_w;
  money::Milli unit_price = 0;  // B: fee per billing unit; E: service fee per billing unit
};

struct BikeTariff {
  BikeMode mode = BikeMode::A;
  int32_t max_duration_min = 480;  // 自停阈值: the device stops here; ≤ 48 h
  money::Fen auto_stop_amount = 0;  // 自停金额: a bill never exceeds it; the device stops when it is reached
  int32_t free_minutes = 0;         // 免费时长: a session ended within it costs nothing
  int32_t unit_minutes = 60;        // A/B/D/E: billing unit; a started unit counts in full
  money::Milli unit_price = 0;      // A: fee per unit; D: service fee per unit
  std::vector<PowerBand> bands;     // B/E: contiguous from 0 W
  money::Price energy_price = 0;   // C/D/E: 电费 per kWh
  money::Price service_price = 0;  // C: 服务费 per kWh
  int32_t reference_power_w = 500;  // declared power for prepay→duration and billing tests when none is given
  std::vector<money::Fen> prepay_values;  // 预付值 offered in the app: ≤ 12, positive, distinct
};

// Limits enforced by validation (they also keep every product inside int64).
inline constexpr int32_t kBikeMaxDurationMin = 48 * 60;
inline constexpr int32_t kBikeMaxUnitMinutes = 24 * 60;
inline constexpr size_t kBikeMaxBands = 10;
inline constexpr int32_t kBikeMaxPowerW = 10000;             // one e-bike socket never draws 10 kW
inline constexpr money::Milli kBikeMaxUnitPrice = 10000000;  // 1000 yuan per unit
inline constexpr money::Price kBikeMaxKwhPrice = 10000000;   // 100 yuan per kWh
inline constexpr money::Fen kBikeMaxAmount = 1000000;        // 10000 yuan (auto-stop amount, prepay)
inline constexpr size_t kBikeMaxPrepayValues = 12;

bool bike_mode_uses_bands(BikeMode m);   // B, E
bool bike_mode_uses_energy(BikeMode m);  // C, D, E
bool bike_mode_uses_units(BikeMode m);   // A, B, D, E

// "200W–300W", or "700W以上" for an open band.
std::string format_band(const PowerBand& b);

// Every problem, each "field: 问题" with the field named as in the API (maxDuration, bands, …) and the
// band named by its range. Empty = valid. Fields a mode does not use are not checked.
std::vector<std::string> validate_bike_tariff(const BikeTariff& t);

// The bands sorted by min_w (billing and display use this order).
std::vector<PowerBand> sorted_bands(const std::vector<PowerBand>& bands);

}  // namespace zc::tariff
