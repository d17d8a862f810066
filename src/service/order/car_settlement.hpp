#pragma once
// How a car charging session is priced at settlement and while it runs (docs/orders.md "Settlement").
// Pure: the tariff engine (domain/tariff/car_billing) does the arithmetic; this file decides what goes in.
//
//   by meter (OCPP, and whenever no device tiers exist: admin end, live cost so far)
//     the session's energy (meter stop − meter start) is apportioned over the local half-hour slots of
//     [start, end] in proportion to the time covered in each (tariff::spread_energy: constant power), then
//     priced slot by slot with the tariff version the order started with — so a session over midnight or
//     over a tier boundary pays each part at its tier.
//   by device tiers (YKC 0x3B)
//     the pile's own per-tier energies (尖峰平谷, the fifth tier as valley) priced with the platform's
//     prices of the version the order started with; the pile's amounts are not trusted.
// Both are capped at the prepayment (tariff::cap_at: the parts scaled down so they still add up).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/timezone.hpp"
#include "devices/charging_service.hpp"
#include "domain/tariff/car_billing.hpp"

namespace zc::order {

struct CarCharge {
  tariff::Bill bill;            // what the session cost
  tariff::CappedCharge capped;  // what is charged (≤ the prepayment)
  std::string method;           // meter | device_tiers
  int64_t start_ms = 0, end_ms = 0;
};

// By meter over [start_ms, end_ms] (end < start is treated as a zero-length session; spans over 31 days
// are cut to 31 days — the engine's limit).
CarCharge charge_by_meter(const tariff::CarTariff& t, const TimeZone& tz, int64_t start_ms, int64_t end_ms,
                          money::Energy energy, money::Fen prepaid);
// By the device's tiers; nullopt when the record has no tier energy the tariff can price (then the
// caller prices by meter).
std::optional<CarCharge> charge_by_device_tiers(const tariff::CarTariff& t,
                                                const std::vector<charging::TierUsage>& tiers,
                                                int64_t start_ms, int64_t end_ms, money::Fen prepaid);

// billing_detail of the order: {method, start, end, energy, total, charged, capped, tiers: [{tier,
// energy, energyPrice, servicePrice, energyFee, serviceFee, chargedEnergyFee, chargedServiceFee}]}.
std::string billing_detail_json(const CarCharge& c);

}  // namespace zc::order
