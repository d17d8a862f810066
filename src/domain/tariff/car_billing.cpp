#include "domain/tariff/car_billing.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace zc::tariff {
namespace {

int64_t floor_mod(int64_t a, int64_t m) {
  int64_t r = a % m;
  return r < 0 ? r + m : r;
}

void check_energy(Energy e, const char* field) {
  if (e < 0) throw std::invalid_argument(std::string(field) + ": 电量不能为负（" + std::to_string(e) + "）");
  if (e > kMaxBillEnergy)
    throw std::invalid_argument(std::string(field) + ": 电量超出上限（" + std::to_string(e) + "）");
}

// Two-level split of `total` (in units of `unit` nano) into energy/service and then over tiers.
struct Split {
  Fen energy_total = 0;
  Fen service_total = 0;
  std::array<int64_t, kTierCount> energy{};
  std::array<int64_t, kTierCount> service{};
};

Split split_two_level(const std::array<int64_t, kTierCount>& energy_num,
                      const std::array<int64_t, kTierCount>& service_num, int64_t energy_sum,
                      int64_t service_sum, int64_t denominator, int64_t target) {
  Split s;
  const std::array<int64_t, 2> top = {energy_sum, service_sum};
  std::vector<int64_t> parts = allocate_largest_remainder(top, denominator, target);
  s.energy_total = parts[0];
  s.service_total = parts[1];
  std::vector<int64_t> e = allocate_largest_remainder(energy_num, denominator, s.energy_total);
  std::vector<int64_t> v = allocate_largest_remainder(service_num, denominator, s.service_total);
  std::copy(e.begin(), e.end(), s.energy.begin());
  std::copy(v.begin(), v.end(), s.service.begin());
  return s;
}

}  // namespace

std::vector<int64_t> allocate_largest_remainder(std::span<const int64_t> numerators, int64_t denominator,
                                                int64_t target) {
  if (denominator <= 0) throw std::logic_error("allocate_largest_remainder: denominator must be > 0");
  std::vector<int64_t> parts(numerators.size());
  std::vector<int64_t> rem(numerators.size());
  int64_t assigned = 0;
  for (size_t i = 0; i < numerators.size(); ++i) {
    if (numerators[i] < 0) throw std::logic_error("allocate_largest_remainder: negative numerator");
    parts[i] = numerators[i] / denominator;
    rem[i] = numerators[i] % denominator;
    assigned += parts[i];
  }
  int64_t missing = target - assigned;
  std::vector<size_t> order(numerators.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a] > rem[b]; });
  int64_t eligible = std::count_if(rem.begin(), rem.end(), [](int64_t r) { return r > 0; });
  if (missing < 0 || missing > eligible) {
    throw std::logic_error("allocate_largest_remainder: target " + std::to_string(target) + " out of range");
  }
  for (int64_t k = 0; k < missing; ++k) ++parts[order[static_cast<size_t>(k)]];
  return parts;
}

FenBreakdown Bill::fen() const {
  FenBreakdown f;
  for (const TierCharge& t : tiers) {
    f.energy_fee[static_cast<size_t>(index_of(t.tier))] = t.energy_fee_fen;
    f.service_fee[static_cast<size_t>(index_of(t.tier))] = t.service_fee_fen;
  }
  f.energy_fee_total = energy_fee_fen;
  f.service_fee_total = service_fee_fen;
  f.total = total_fen;
  return f;
}

Bill bill_from_tier_energy(const CarTariff& tariff, const std::array<Energy, kTierCount>& energy) {
  Bill b;
  std::array<int64_t, kTierCount> e_nano{};
  std::array<int64_t, kTierCount> s_nano{};
  for (Tier t : kAllTiers) {
    size_t i = static_cast<size_t>(index_of(t));
    std::string field = "energy." + std::string(tier_name(t));
    check_energy(energy[i], field.c_str());
    TierCharge& c = b.tiers[i];
    c.tier = t;
    c.energy = energy[i];
    const auto& price = tariff.prices[i];
    if (!price) {
      if (energy[i] != 0) {
        throw std::invalid_argument(field + ": 计费规则未设置" + std::string(tier_label(t)) +
                                    "时段单价，不能计费");
      }
      continue;
    }
    c.price = *price;
    c.energy_fee_nano = money::price_times_energy_nano(price->energy, energy[i]);
    c.service_fee_nano = money::price_times_energy_nano(price->service, energy[i]);
    e_nano[i] = c.energy_fee_nano;
    s_nano[i] = c.service_fee_nano;
    b.total_energy += energy[i];
    b.energy_fee_nano += c.energy_fee_nano;
    b.service_fee_nano += c.service_fee_nano;
  }
  b.total_nano = b.energy_fee_nano + b.service_fee_nano;

  b.total_fen = money::div_round_half_up(b.total_nano, kNanoPerFen);  // the one rounding
  Split fen =
      split_two_level(e_nano, s_nano, b.energy_fee_nano, b.service_fee_nano, kNanoPerFen, b.total_fen);
  b.energy_fee_fen = fen.energy_total;
  b.service_fee_fen = fen.service_total;

  b.total_milli = money::div_round_half_up(b.total_nano, kNanoPerMilli);
  Split milli =
      split_two_level(e_nano, s_nano, b.energy_fee_nano, b.service_fee_nano, kNanoPerMilli, b.total_milli);
  b.energy_fee_milli = milli.energy_total;
  b.service_fee_milli = milli.service_total;

  for (size_t i = 0; i < static_cast<size_t>(kTierCount); ++i) {
    b.tiers[i].energy_fee_fen = fen.energy[i];
    b.tiers[i].service_fee_fen = fen.service[i];
    b.tiers[i].energy_fee_milli = milli.energy[i];
    b.tiers[i].service_fee_milli = milli.service[i];
  }
  return b;
}

int slot_index_at(const TimeZone& tz, int64_t utc_ms) {
  return static_cast<int>(floor_mod(utc_ms + tz.offset_ms(utc_ms), kMsPerDay) / kSlotMs);
}

Tier tier_at(const CarTariff& tariff, const TimeZone& tz, int64_t utc_ms) {
  return tariff.tier_of_slot(slot_index_at(tz, utc_ms));
}

Bill bill_from_slots(const CarTariff& tariff, const TimeZone& tz, std::span<const SlotEnergy> slots) {
  std::array<Energy, kTierCount> energy{};
  for (const SlotEnergy& s : slots) {
    check_energy(s.energy, "slots.energy");
    Energy& e = energy[static_cast<size_t>(index_of(tier_at(tariff, tz, s.slot_start_ms)))];
    e += s.energy;
    check_energy(e, "slots.energy");
  }
  return bill_from_tier_energy(tariff, energy);
}

Bill bill_from_device(const CarTariff& tariff, const DeviceTierEnergy& r) {
  check_energy(r.valley, "energy.valley");
  check_energy(r.deep_valley, "energy.deep_valley");
  return bill_from_tier_energy(tariff, {r.sharp, r.peak, r.flat, r.valley + r.deep_valley});
}

CappedCharge cap_at(const Bill& bill, Fen prepaid_fen) {
  if (prepaid_fen < 0) throw std::invalid_argument("prepaid: 预付金额不能为负");
  CappedCharge c;
  c.prepaid_fen = prepaid_fen;
  c.uncapped = bill.fen();
  if (c.uncapped.total <= prepaid_fen) {
    c.charged = c.uncapped;
  } else {
    c.capped = true;
    const FenBreakdown& u = c.uncapped;
    // Exact shares are part × prepaid / total; the numerators stay far below 2^63 (fen by the
    // energy and price bounds: ≤ 2·10^9, prepaid < total).
    std::array<int64_t, kTierCount> e{};
    std::array<int64_t, kTierCount> s{};
    for (size_t i = 0; i < static_cast<size_t>(kTierCount); ++i) {
      e[i] = u.energy_fee[i];
      s[i] = u.service_fee[i];
    }
    const std::array<int64_t, 2> top = {u.energy_fee_total * prepaid_fen, u.service_fee_total * prepaid_fen};
    std::vector<int64_t> totals = allocate_largest_remainder(top, u.total, prepaid_fen);
    c.charged.energy_fee_total = totals[0];
    c.charged.service_fee_total = totals[1];
    c.charged.total = prepaid_fen;
    auto scale = [](const std::array<int64_t, kTierCount>& parts, Fen from, Fen to,
                    std::array<Fen, kTierCount>& out) {
      if (from == 0) return;  // then `to` is 0 as well
      std::array<int64_t, kTierCount> num{};
      for (size_t i = 0; i < parts.size(); ++i) num[i] = parts[i] * to;
      std::vector<int64_t> r = allocate_largest_remainder(num, from, to);
      std::copy(r.begin(), r.end(), out.begin());
    };
    scale(e, u.energy_fee_total, c.charged.energy_fee_total, c.charged.energy_fee);
    scale(s, u.service_fee_total, c.charged.service_fee_total, c.charged.service_fee);
  }
  c.refund_fen = prepaid_fen - c.charged.total;
  return c;
}

std::optional<SessionBill> bill_session(std::span<const TariffVersion> versions, const TimeZone& tz,
                                        int64_t session_start_ms, std::span<const SlotEnergy> slots) {
  const TariffVersion* v = version_in_force(versions, session_start_ms);
  if (!v) return std::nullopt;
  return SessionBill{v->id, bill_from_slots(v->tariff, tz, slots)};
}

std::optional<SessionBill> bill_session(std::span<const TariffVersion> versions, int64_t session_start_ms,
                                        const DeviceTierEnergy& reported) {
  const TariffVersion* v = version_in_force(versions, session_start_ms);
  if (!v) return std::nullopt;
  return SessionBill{v->id, bill_from_device(v->tariff, reported)};
}

std::vector<SlotEnergy> spread_energy(const TimeZone& tz, int64_t start_ms, int64_t duration_ms,
                                      Energy energy) {
  check_energy(energy, "energy");
  if (duration_ms < 0) throw std::invalid_argument("duration: 充电时长不能为负");
  if (duration_ms > kMaxBillingTestMs) throw std::invalid_argument("duration: 充电时长不能超过31天");
  auto slot_start = [&](int64_t t) { return t - floor_mod(t + tz.offset_ms(t), kSlotMs); };
  if (duration_ms == 0) return {SlotEnergy{slot_start(start_ms), energy}};

  std::vector<SlotEnergy> out;
  std::vector<int64_t> weights;
  const int64_t end_ms = start_ms + duration_ms;
  for (int64_t t = start_ms; t < end_ms;) {
    int64_t begin = slot_start(t);
    int64_t next = begin + kSlotMs;  // offsets change by whole half-hours, so the next boundary is here
    int64_t covered_to = std::min(next, end_ms);
    out.push_back({begin, 0});
    weights.push_back(covered_to - t);
    t = covered_to;
  }
  // energy ≤ 10^10 and weight ≤ 1.8·10^6: the products fit in int64.
  for (auto& w : weights) w *= energy;
  std::vector<int64_t> parts = allocate_largest_remainder(weights, duration_ms, energy);
  for (size_t i = 0; i < out.size(); ++i) out[i].energy = parts[i];
  return out;
}

Bill billing_test(const CarTariff& tariff, const TimeZone& tz, Energy energy, int64_t start_ms,
                  int64_t duration_ms) {
  std::vector<SlotEnergy> slots = spread_energy(tz, start_ms, duration_ms, energy);
  return bill_from_slots(tariff, tz, slots);
}

}  // namespace zc::tariff
