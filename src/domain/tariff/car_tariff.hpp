#pragma once
// Car tariff (CAR-TARIFF, spec §3.2.7 计费规则): definition, validation, the 48-slot day table and the
// versioning rule. Pure: no I/O. Billing is in car_billing.hpp, the YKC model in ykc_billing_model.hpp.
//
// Units (core/money.hpp): unit prices in 0.00001 yuan/kWh (Price), prepay values in fen.
//
// Modes
//   unified  one energy price + one service price all day. Normalised as: every slot is the flat (平)
//            tier and all four tiers carry the unified prices, so a device that reports energy under any
//            tier is still billed at the unified price.
//   tou      尖峰平谷: four tiers sharp/peak/flat/valley, each an energy and a service price; periods in
//            30-minute steps covering exactly 24 h with no gap or overlap.
//
// Periods are {start "HH:MM", end "HH:MM", tier}. "24:00" is allowed as an end. A period whose end is not
// after its start wraps midnight: "23:00"–"07:00" is 23:00–24:00 plus 00:00–07:00 ("00:00" as an end is
// midnight). Tier names: sharp/peak/flat/valley or 尖/峰/平/谷.
//
// Versioning
//   A new version takes effect at 24:00 of the local day it is saved (effective_from: the next local
//   midnight in the station's zone) while a version is in force: the 24:00 rule keeps the price of the day
//   for the sessions running under it. An area with no version in force (its first tariff, or only versions
//   that have not taken effect yet) has nothing to protect: the version takes effect at once
//   (new_version_effective_from decides both). A later date asked for means 00:00 of that date either way.
//   A session is billed entirely by the version in force at its start (version_in_force), even across
//   midnight and even when a newer version becomes effective during it. Among versions with the same
//   effective_from the highest id wins (two edits on one day: the later one is what takes effect at 24:00).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/timezone.hpp"

namespace zc::tariff {

using money::Energy;
using money::Fen;
using money::Milli;
using money::Price;

// The numeric values are YKC's 时段费率号 codes (0x58 slot table): 0x00 尖, 0x01 峰, 0x02 平, 0x03 谷.
enum class Tier : uint8_t { sharp = 0, peak = 1, flat = 2, valley = 3 };
inline constexpr int kTierCount = 4;
inline constexpr std::array<Tier, kTierCount> kAllTiers = {Tier::sharp, Tier::peak, Tier::flat, Tier::valley};
constexpr int index_of(Tier t) {
  return static_cast<int>(t);
}

inline constexpr int kSlotsPerDay = 48;
inline constexpr int kSlotMinutes = 30;
inline constexpr int64_t kSlotMs = kSlotMinutes * kMsPerMinute;

inline constexpr Price kMaxUnitPrice = 10 * money::kPricePerYuan;  // per energy/service price: 10 yuan/kWh
inline constexpr int kMaxPrepayValues = 12;
inline constexpr Fen kMaxPrepayFen = 1'000'000;  // 10 000 yuan
inline constexpr int kMaxPeriods = 48;           // a valid day has at most 48 half-hour periods

enum class TariffMode : uint8_t { unified, tou };

std::string_view tier_name(Tier t);                  // "sharp" …
std::string_view tier_label(Tier t);                 // "尖" …
std::optional<Tier> parse_tier(std::string_view s);  // "sharp"/"尖"/"尖峰"… (not the numeric code)
std::string_view mode_name(TariffMode m);            // "unified" / "tou"
std::optional<TariffMode> parse_mode(std::string_view s);

// "HH:MM" → minutes since 00:00 (0..1440; "24:00" → 1440). nullopt when malformed or out of range.
std::optional<int> parse_hhmm(std::string_view s);
std::string format_hhmm(int minute_of_day);  // 90 → "01:30", 1440 → "24:00"

struct TierPrice {
  Price energy = 0;   // 电费 0.00001 yuan/kWh
  Price service = 0;  // 服务费 0.00001 yuan/kWh
  bool operator==(const TierPrice&) const = default;
  Price unit() const { return energy + service; }  // YKC 0x3B reports this as the tier's unit price
};

struct PeriodInput {
  std::string start;  // "HH:MM"
  std::string end;    // "HH:MM", "24:00" allowed
  std::string tier;   // "sharp"/"peak"/"flat"/"valley" or 尖/峰/平/谷
};

// What an operator submits (unvalidated).
struct CarTariffInput {
  TariffMode mode = TariffMode::unified;
  TierPrice unified;                                             // used when mode == unified
  std::array<std::optional<TierPrice>, kTierCount> tier_prices;  // used when mode == tou; index = Tier
  std::vector<PeriodInput> periods;                              // used when mode == tou
  std::vector<Fen> prepay_fen;                                   // 预付值, ≤ 12, positive, distinct
};

// A validated, normalised tariff.
struct CarTariff {
  TariffMode mode = TariffMode::unified;
  std::array<std::optional<TierPrice>, kTierCount> prices;  // every tier used by `slots` has a price
  std::array<Tier, kSlotsPerDay> slots{};                   // slot k = [k×30 min, (k+1)×30 min) local time
  std::vector<Fen> prepay_fen;                              // in the order given

  const TierPrice& price_of(Tier t) const;  // throws std::logic_error for an unpriced tier
  Tier tier_of_slot(int slot) const { return slots.at(static_cast<size_t>(slot)); }
  Tier tier_at_minute(int minute_of_day) const { return tier_of_slot(minute_of_day / kSlotMinutes); }
  bool operator==(const CarTariff&) const = default;
};

struct TariffError {
  std::string field;    // "periods", "periods[2].start", "tiers.peak.energy", "prepay[3]" …
  std::string message;  // Chinese, names the offending value
  std::string text() const { return field + ": " + message; }
  bool operator==(const TariffError&) const = default;
};

struct TariffValidation {
  std::optional<CarTariff> tariff;  // set iff errors is empty
  std::vector<TariffError> errors;  // every problem found, in a stable order
  bool ok() const { return errors.empty(); }
  std::string message() const;  // all errors' text() joined by "；"
};

// Checks everything and reports every problem:
//   periods: misaligned times ("时间必须是30分钟的整数倍"), malformed times, unknown tiers, empty periods,
//   gaps ("10:00–10:30 未覆盖"), overlaps ("08:00–09:00 与 08:30–10:00 重叠"), > 48 periods;
//   prices: ≥ 0 and ≤ kMaxUnitPrice; every tier used by a period must have prices;
//   prepay: ≤ 12 values, each 1..kMaxPrepayFen fen, no duplicates.
TariffValidation validate_car_tariff(const CarTariffInput& input);

// Convenience: the normalised tariff or std::invalid_argument carrying message().
CarTariff make_car_tariff(const CarTariffInput& input);

// A unified tariff (no validation beyond the price range; throws std::invalid_argument).
CarTariff unified_tariff(TierPrice price, std::vector<Fen> prepay_fen = {});

struct Period {
  int start_minute;  // 0..1410
  int end_minute;    // 30..1440
  Tier tier;
  bool operator==(const Period&) const = default;
};
// The slot table as maximal runs of one tier, from 00:00 to 24:00 (for display and storage).
std::vector<Period> periods_of(const CarTariff& t);
// Back to submit-able input (round trip: validate_car_tariff(to_input(t)).tariff == t).
CarTariffInput to_input(const CarTariff& t);

// ---- versioning ---------------------------------------------------------------------------------------

struct TariffVersion {
  int64_t id = 0;                 // storage id, > 0; also the source of the YKC model number
  int64_t effective_from_ms = 0;  // UTC epoch ms, from effective_from()
  CarTariff tariff;
};

// 24:00 of the local day of `edited_at_ms` in `tz` (the next local midnight; DST-aware).
int64_t effective_from(int64_t edited_at_ms, const TimeZone& tz);

// When a version saved at `saved_at_ms` takes effect, given the tariff's existing `versions` (any order):
//   - a version is in force at `saved_at_ms`: 24:00 of that local day (effective_from);
//   - none is in force (the area's first tariff, or versions that have not taken effect yet): at once,
//     `saved_at_ms` — there is no running session whose price the 24:00 rule would protect;
//   - `requested` a later local date than that of `saved_at_ms`: 00:00 of that date in both cases
//     (`requested` = the local date of `saved_at_ms`, or nullopt: as soon as the rule allows).
// A `requested` date before the local date of `saved_at_ms` throws std::invalid_argument (callers
// validate it first).
int64_t new_version_effective_from(std::span<const TariffVersion> versions, int64_t saved_at_ms,
                                   const TimeZone& tz, std::optional<LocalDate> requested = std::nullopt);

// The version whose window [effective_from, next version's effective_from) contains `at_ms`; nullptr
// when none is in force yet. `versions` may be in any order.
const TariffVersion* version_in_force(std::span<const TariffVersion> versions, int64_t at_ms);

}  // namespace zc::tariff
