#include "ykc_record.hpp"

#include <algorithm>

#include "domain/tariff/car_billing.hpp"

namespace zc::sim {

tariff::CarTariff tariff_of_model(const tariff::YkcBillingModel& model) {
  tariff::CarTariff t;
  t.mode = tariff::TariffMode::tou;
  for (size_t i = 0; i < t.prices.size(); ++i)
    t.prices[i] = tariff::TierPrice{model.rates[i].energy, model.rates[i].service};
  for (size_t k = 0; k < t.slots.size(); ++k)
    t.slots[k] =
        model.slots[k] < tariff::kTierCount ? static_cast<tariff::Tier>(model.slots[k]) : tariff::Tier::flat;
  return t;
}

int64_t energy_delivered(double power_kw, int64_t elapsed_ms) {
  if (power_kw <= 0 || elapsed_ms <= 0) return 0;
  return static_cast<int64_t>(power_kw * static_cast<double>(money::kEnergyPerKwh) *
                              static_cast<double>(elapsed_ms) / static_cast<double>(kMsPerHour));
}

RecordTiers record_tiers(const tariff::YkcBillingModel& model, const TimeZone& tz, int64_t start_ms,
                         int64_t end_ms, int64_t energy) {
  const auto slots = tariff::spread_energy(tz, start_ms, std::max<int64_t>(0, end_ms - start_ms), energy);
  const tariff::Bill bill = tariff::bill_from_slots(tariff_of_model(model), tz, slots);
  RecordTiers r;
  for (size_t i = 0; i < r.tiers.size(); ++i) {
    const tariff::TierCharge& c = bill.tiers[i];
    ykc::TierRecord& line = r.tiers[i];
    line.unit_price = model.rates[i].energy + model.rates[i].service;
    line.energy = static_cast<uint32_t>(c.energy);
    line.loss_energy = line.energy;
    line.amount = static_cast<uint32_t>(c.energy_fee_milli + c.service_fee_milli);
  }
  r.total_energy = static_cast<uint32_t>(bill.total_energy);
  r.total_amount = static_cast<uint32_t>(bill.total_milli);
  return r;
}

}  // namespace zc::sim
