#include "domain/tariff/ykc_billing_model.hpp"

#include <stdexcept>
#include <string>

namespace zc::tariff {

uint16_t ykc_model_no(int64_t version_id) {
  if (version_id <= 0)
    throw std::invalid_argument("version_id: 必须大于0（" + std::to_string(version_id) + "）");
  return static_cast<uint16_t>((version_id - 1) % kYkcMaxModelNo + 1);
}

std::array<uint8_t, 2> ykc_bcd2(uint16_t value) {
  if (value > kYkcMaxModelNo) throw std::invalid_argument("BCD value out of range: " + std::to_string(value));
  auto byte = [](int two_digits) {
    return static_cast<uint8_t>(((two_digits / 10) << 4) | (two_digits % 10));
  };
  return {byte(value / 100), byte(value % 100)};
}

std::array<uint8_t, 2> YkcBillingModel::model_no_bcd() const {
  return ykc_bcd2(model_no);
}

YkcBillingModel ykc_billing_model(int64_t version_id, const CarTariff& tariff) {
  YkcBillingModel m;
  m.model_no = ykc_model_no(version_id);
  for (Tier t : kAllTiers) {
    const auto& p = tariff.prices[static_cast<size_t>(index_of(t))];
    if (!p) continue;
    // Validation bounds prices to [0, kMaxUnitPrice], far inside uint32.
    if (p->energy < 0 || p->service < 0 || p->energy > kMaxUnitPrice || p->service > kMaxUnitPrice) {
      throw std::invalid_argument("tiers." + std::string(tier_name(t)) + ": 单价超出范围");
    }
    m.rates[static_cast<size_t>(index_of(t))] = {static_cast<uint32_t>(p->energy),
                                                 static_cast<uint32_t>(p->service)};
  }
  m.loss_ratio = 0;
  for (int k = 0; k < kSlotsPerDay; ++k) {
    m.slots[static_cast<size_t>(k)] = static_cast<uint8_t>(tariff.tier_of_slot(k));
  }
  return m;
}

}  // namespace zc::tariff
