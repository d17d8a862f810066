#include "service/order/car_settlement.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

namespace zc::order {

namespace json = boost::json;

CarCharge charge_by_meter(const tariff::CarTariff& t, const TimeZone& tz, int64_t start_ms, int64_t end_ms,
                          money::Energy energy, money::Fen prepaid) {
  CarCharge c;
  c.method = "meter";
  c.start_ms = start_ms;
  c.end_ms = std::max(start_ms, end_ms);
  int64_t duration = std::min(c.end_ms - start_ms, tariff::kMaxBillingTestMs);
  auto slots = tariff::spread_energy(tz, start_ms, duration,
                                     std::clamp<money::Energy>(energy, 0, tariff::kMaxBillEnergy));
  c.bill = tariff::bill_from_slots(t, tz, slots);
  c.capped = tariff::cap_at(c.bill, prepaid);
  return c;
}

std::optional<CarCharge> charge_by_device_tiers(const tariff::CarTariff& t,
                                                const std::vector<charging::TierUsage>& tiers,
                                                int64_t start_ms, int64_t end_ms, money::Fen prepaid) {
  tariff::DeviceTierEnergy e;
  money::Energy total = 0;
  for (const auto& u : tiers) {
    if (u.energy < 0) return std::nullopt;
    if (u.tier == "sharp")
      e.sharp += u.energy;
    else if (u.tier == "peak")
      e.peak += u.energy;
    else if (u.tier == "flat")
      e.flat += u.energy;
    else if (u.tier == "valley")
      e.valley += u.energy;
    else
      e.deep_valley += u.energy;  // the fifth tier (深谷) is billed as valley
    total += u.energy;
  }
  if (total <= 0) return std::nullopt;
  CarCharge c;
  c.method = "device_tiers";
  c.start_ms = start_ms;
  c.end_ms = std::max(start_ms, end_ms);
  try {
    c.bill = tariff::bill_from_device(t, e);
  } catch (const std::invalid_argument&) {
    return std::nullopt;  // energy in a tier the version has no price for
  }
  c.capped = tariff::cap_at(c.bill, prepaid);
  return c;
}

std::string billing_detail_json(const CarCharge& c) {
  json::array tiers;
  for (const auto& tc : c.bill.tiers) {
    if (tc.energy == 0 && tc.total_fen() == 0) continue;
    size_t i = static_cast<size_t>(tariff::index_of(tc.tier));
    tiers.push_back(json::object{{"tier", tariff::tier_name(tc.tier)},
                                 {"energy", tc.energy},
                                 {"energyPrice", tc.price.energy},
                                 {"servicePrice", tc.price.service},
                                 {"energyFee", tc.energy_fee_fen},
                                 {"serviceFee", tc.service_fee_fen},
                                 {"chargedEnergyFee", c.capped.charged.energy_fee[i]},
                                 {"chargedServiceFee", c.capped.charged.service_fee[i]}});
  }
  json::object o{{"method", c.method},
                 {"start", c.start_ms},
                 {"end", c.end_ms},
                 {"energy", c.bill.total_energy},
                 {"energyFee", c.bill.energy_fee_fen},
                 {"serviceFee", c.bill.service_fee_fen},
                 {"total", c.bill.total_fen},
                 {"prepaid", c.capped.prepaid_fen},
                 {"charged", c.capped.charged.total},
                 {"capped", c.capped.capped},
                 {"tiers", std::move(tiers)}};
  return json::serialize(o);
}

}  // namespace zc::order
