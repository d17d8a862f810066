#pragma once
// The YKC billing model (计费模型) of a tariff version, as frames 0x0A / 0x58 carry it (see
// docs/ykc.md, "Wire format": 0x0A, 0x58). A typed struct only; the codec writes the bytes.
//
//   model_no     2 bytes BCD on the wire, 0000 means "no model" (a pile's first connection), so a
//                version id maps to 1..9999: ((id − 1) mod 9999) + 1. A pile whose model_no differs from
//                the one of the version in force gets the model again (0x06 result 0x01 → 0x09 → 0x0A).
//   rates        4 tiers × (energy, service) in 0.00001 yuan/kWh, indexed by the YKC tier code:
//                0x00 尖 sharp, 0x01 峰 peak, 0x02 平 flat, 0x03 谷 valley (= zc::tariff::Tier values).
//                An unpriced tier (TOU tariff that does not use it) is sent as 0/0. Unified tariffs send
//                the one price in all four tiers and map every slot to 0x02 平.
//   loss_ratio   计损比例: the platform does not bill losses → 0.
//   slots        48 half-hour slots from 00:00 local time, each a tier code.
#include <array>
#include <cstdint>

#include "domain/tariff/car_tariff.hpp"

namespace zc::tariff {

struct YkcTierRate {
  uint32_t energy = 0;   // 电费费率, 0.00001 yuan/kWh
  uint32_t service = 0;  // 服务费费率, 0.00001 yuan/kWh
  bool operator==(const YkcTierRate&) const = default;
};

struct YkcBillingModel {
  uint16_t model_no = 0;                        // 1..9999
  std::array<YkcTierRate, kTierCount> rates{};  // index = YKC tier code
  uint8_t loss_ratio = 0;                       // 计损比例
  std::array<uint8_t, kSlotsPerDay> slots{};    // 时段费率号 per half hour
  std::array<uint8_t, 2> model_no_bcd() const;  // e.g. 1234 → {0x12, 0x34}
  bool operator==(const YkcBillingModel&) const = default;
};

inline constexpr uint16_t kYkcMaxModelNo = 9999;

// 1..9999 from a version id (> 0; throws std::invalid_argument otherwise).
uint16_t ykc_model_no(int64_t version_id);
std::array<uint8_t, 2> ykc_bcd2(uint16_t value);  // 0..9999 → 2 BCD bytes, high digits first

YkcBillingModel ykc_billing_model(int64_t version_id, const CarTariff& tariff);
inline YkcBillingModel ykc_billing_model(const TariffVersion& v) {
  return ykc_billing_model(v.id, v.tariff);
}

}  // namespace zc::tariff
