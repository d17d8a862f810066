#include "domain/tariff/bike_billing.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace zc::tariff {

namespace {

// Input clamps: a confused or hostile device report must not overflow the arithmetic.
constexpr int32_t kMaxSamplePowerW = 10 * kBikeMaxPowerW;
constexpr money::Energy kMaxSampleEnergy = 10000 * money::kEnergyPerKwh;  // 10000 kWh
constexpr int64_t kMaxSampleAt = 10LL * 365 * 24 * 3600;
constexpr int64_t kWsPerEnergyUnit = 360;  // 0.0001 kWh = 360 W·s
constexpr int64_t kNanoPerFen = 10000000;  // 1e-9 yuan per fen

struct Segment {
  int64_t start, end;
  int64_t power_w;
};

struct Cleaned {
  std::vector<std::pair<int64_t, int32_t>> power;         // (at, W), sorted
  std::vector<std::pair<int64_t, money::Energy>> energy;  // (at, cumulative), sorted
};

// Sorted, clamped samples. Not truncated (session ended before the threshold): reports stamped after the
// end are clock skew and count at the end. Truncated at the threshold: later power samples are dropped
// and later energy readings only serve to interpolate the energy at the threshold.
Cleaned clean_samples(const std::vector<BikeSample>& in, int64_t cut, bool truncated) {
  std::vector<BikeSample> s = in;
  for (auto& x : s) x.at_s = std::clamp<int64_t>(x.at_s, 0, kMaxSampleAt);
  // Total order, so the arrival order never matters: of two reports in the same second the higher one
  // comes last and holds from that second on.
  std::sort(s.begin(), s.end(), [](const BikeSample& a, const BikeSample& b) {
    return std::tie(a.at_s, a.energy, a.power_w) < std::tie(b.at_s, b.energy, b.power_w);
  });
  Cleaned c;
  for (const auto& x : s) {
    const int64_t at = truncated ? x.at_s : std::min(x.at_s, cut);
    if (x.power_w && at <= cut)
      c.power.emplace_back(at, std::clamp<int32_t>(*x.power_w, 0, kMaxSamplePowerW));
    if (x.energy) c.energy.emplace_back(at, std::clamp<money::Energy>(*x.energy, 0, kMaxSampleEnergy));
  }
  return c;
}

// Session energy within [0, cut]: the meter's cumulative reading (monotone: a counter that goes back is
// ignored), interpolated at the threshold; without meter readings, ∫ power dt of the step function.
money::Energy session_energy(const Cleaned& c, int64_t cut) {
  if (!c.energy.empty()) {
    int64_t t_before = 0;
    money::Energy e_before = 0;
    for (const auto& [at, e] : c.energy) {
      if (at <= cut) {
        if (e >= e_before) t_before = at;
        e_before = std::max(e_before, e);
        continue;
      }
      // first reading after the threshold: linear between the last one before it and this one
      if (e <= e_before) return e_before;
      return e_before + (e - e_before) * (cut - t_before) / (at - t_before);
    }
    return e_before;
  }
  int64_t ws = 0;
  for (size_t i = 0; i < c.power.size(); ++i) {
    const int64_t end = i + 1 < c.power.size() ? c.power[i + 1].first : cut;
    ws += c.power[i].second * (end - c.power[i].first);
  }
  return money::div_round_half_up(ws, kWsPerEnergyUnit);
}

// The power as a step function on [first report, cut]: from power samples, else from meter deltas.
std::vector<Segment> power_segments(const Cleaned& c, int64_t cut) {
  std::vector<Segment> segs;
  if (!c.power.empty()) {
    for (size_t i = 0; i < c.power.size(); ++i) {
      const int64_t end = i + 1 < c.power.size() ? c.power[i + 1].first : cut;
      if (end > c.power[i].first) segs.push_back({c.power[i].first, end, c.power[i].second});
    }
    return segs;
  }
  int64_t t0 = 0;
  money::Energy e0 = 0;  // the counter starts at 0 when the session starts
  for (const auto& [at, e] : c.energy) {
    const int64_t t1 = std::min(at, cut);
    if (t1 <= t0) continue;
    const money::Energy e1 = std::max(e, e0);
    // the average power over the interval (a reading past the threshold: over its whole interval)
    segs.push_back({t0, t1, money::div_round_half_up((e1 - e0) * kWsPerEnergyUnit, at - t0)});
    t0 = t1;
    e0 = e1;
    if (at >= cut) break;
  }
  return segs;
}

// The highest power held for kBikeSustainWindowS without interruption (min over the window, max over
// windows). A window starting at a segment start is always at least as good as one starting inside it,
// so only those are tried. A span shorter than the window uses the minimum over the whole span.
int32_t sustained_power(const Cleaned& c, const std::vector<Segment>& segs) {
  if (segs.empty()) return c.power.empty() ? 0 : c.power.back().second;
  const int64_t span_end = segs.back().end;
  int64_t best = -1;
  for (size_t i = 0; i < segs.size() && segs[i].start + kBikeSustainWindowS <= span_end; ++i) {
    const int64_t window_end = segs[i].start + kBikeSustainWindowS;
    int64_t m = segs[i].power_w;
    for (size_t j = i + 1; j < segs.size() && segs[j].start < window_end; ++j)
      m = std::min(m, segs[j].power_w);
    best = std::max(best, m);
  }
  if (best < 0) {
    best = segs.front().power_w;
    for (const auto& s : segs) best = std::min(best, s.power_w);
  }
  return static_cast<int32_t>(best);
}

const PowerBand& band_for(const std::vector<PowerBand>& sorted, int32_t power_w) {
  size_t k = 0;
  for (size_t i = 0; i < sorted.size(); ++i)
    if (sorted[i].min_w <= power_w) k = i;
  return sorted[k];
}

void require_valid(const BikeTariff& t) {
  const auto errs = validate_bike_tariff(t);
  if (!errs.empty()) throw std::invalid_argument("计费规则无效: " + errs.front());
}

}  // namespace

BikeBill bill_bike_session(const BikeTariff& t, const BikeSession& s) {
  require_valid(t);
  BikeBill b;
  b.mode = t.mode;
  b.duration_s = std::max<int64_t>(s.duration_s, 0);
  const int64_t max_s = int64_t{t.max_duration_min} * 60;
  b.max_duration_reached = b.duration_s >= max_s;
  b.billed_s = std::min(b.duration_s, max_s);
  const bool truncated = b.duration_s > max_s;

  const Cleaned c = clean_samples(s.samples, b.billed_s, truncated);
  b.energy = session_energy(c, b.billed_s);
  b.power_w = sustained_power(c, power_segments(c, b.billed_s));
  if (bike_mode_uses_bands(t.mode)) b.band = band_for(sorted_bands(t.bands), b.power_w);

  if (t.free_minutes > 0 && b.duration_s <= int64_t{t.free_minutes} * 60) {
    b.free = true;
    return b;
  }

  if (bike_mode_uses_units(t.mode)) {
    const int64_t unit_s = int64_t{t.unit_minutes} * 60;
    b.units = (b.billed_s + unit_s - 1) / unit_s;  // a started unit counts in full
  }
  // Exact amounts in 1e-9 yuan: a time price (0.0001 yuan) × units is ×100000, price × energy is exact.
  switch (t.mode) {
    case BikeMode::A:
    case BikeMode::D:
      b.service_fee_nano = b.units * t.unit_price * money::kNanoPerMilli;
      break;
    case BikeMode::B:
    case BikeMode::E:
      b.service_fee_nano = b.units * b.band->unit_price * money::kNanoPerMilli;
      break;
    case BikeMode::C:
      b.service_fee_nano = money::price_times_energy_nano(t.service_price, b.energy);
      break;
  }
  if (bike_mode_uses_energy(t.mode))
    b.energy_fee_nano = money::price_times_energy_nano(t.energy_price, b.energy);
  const int64_t gross_nano = b.energy_fee_nano + b.service_fee_nano;
  b.gross = money::div_round_half_up(gross_nano, kNanoPerFen);  // the one rounding
  // 0.0001 yuan breakdown for display: the total rounded from the exact amount, service = the remainder.
  b.gross_milli = money::nano_to_milli(gross_nano);
  b.energy_fee_milli = money::nano_to_milli(b.energy_fee_nano);
  b.service_fee_milli = b.gross_milli - b.energy_fee_milli;

  money::Fen limit = t.auto_stop_amount;
  BikeCap reason = BikeCap::auto_stop_amount;
  if (s.prepaid && std::max<money::Fen>(*s.prepaid, 0) < limit) {
    limit = std::max<money::Fen>(*s.prepaid, 0);
    reason = BikeCap::prepaid;
  }
  b.total = b.gross;
  if (b.gross > limit) {
    b.total = limit;
    b.cap = reason;
  }
  // A cap comes off the service fee first: the electricity actually drawn is paid for before the margin.
  b.energy_fee = std::min(money::div_round_half_up(b.energy_fee_nano, kNanoPerFen), b.total);
  b.service_fee = b.total - b.energy_fee;
  return b;
}

BikeSession constant_power_session(int64_t duration_s, int32_t power_w, std::optional<money::Fen> prepaid) {
  BikeSession s;
  s.duration_s = duration_s;
  s.samples.push_back({0, power_w, std::nullopt});
  s.prepaid = prepaid;
  return s;
}

BikeBill bike_billing_test(const BikeTariff& t, int64_t duration_s) {
  return bill_bike_session(t, constant_power_session(duration_s, t.reference_power_w));
}

BikeBill bike_billing_test(const BikeTariff& t, int64_t duration_s, int32_t power_w) {
  return bill_bike_session(t, constant_power_session(duration_s, power_w));
}

BikePrepayDuration bike_prepaid_duration(const BikeTariff& t, money::Fen amount,
                                         std::optional<int32_t> power_w) {
  require_valid(t);
  BikePrepayDuration r;
  r.power_w = power_w && *power_w > 0 ? std::min(*power_w, kMaxSamplePowerW) : t.reference_power_w;
  amount = std::max<money::Fen>(amount, 0);
  auto bill_at = [&](int64_t minutes) { return bike_billing_test(t, minutes * 60, r.power_w); };
  // bill(m) is 0 up to the free minutes and non-decreasing after them, so the affordable minutes are
  // [0, free] ∪ (free, m*]: search the largest m in [free, max] with bill(m) ≤ amount.
  int64_t lo = t.free_minutes, hi = t.max_duration_min;
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo + 1) / 2;
    if (bill_at(mid).total <= amount)
      lo = mid;
    else
      hi = mid - 1;
  }
  const BikeBill b = bill_at(lo);
  r.duration_s = lo * 60;
  r.band = b.band;
  r.bill = b.total;
  r.max_duration = lo == t.max_duration_min;
  return r;
}

}  // namespace zc::tariff
