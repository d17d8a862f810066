#include "domain/tariff/bike_tariff.hpp"

#include <algorithm>
#include <set>

#include "core/money_text.hpp"

namespace zc::tariff {

std::optional<BikeMode> parse_bike_mode(std::string_view s) {
  if (s.size() != 1) return std::nullopt;
  switch (s[0]) {
    case 'A':
    case 'a':
      return BikeMode::A;
    case 'B':
    case 'b':
      return BikeMode::B;
    case 'C':
    case 'c':
      return BikeMode::C;
    case 'D':
    case 'd':
      return BikeMode::D;
    case 'E':
    case 'e':
      return BikeMode::E;
    default:
      return std::nullopt;
  }
}

char bike_mode_code(BikeMode m) {
  return static_cast<char>(m);
}

bool bike_mode_uses_bands(BikeMode m) {
  return m == BikeMode::B || m == BikeMode::E;
}
bool bike_mode_uses_energy(BikeMode m) {
  return m == BikeMode::C || m == BikeMode::D || m == BikeMode::E;
}
bool bike_mode_uses_units(BikeMode m) {
  return m != BikeMode::C;
}

std::string format_band(const PowerBand& b) {
  if (!b.max_w) return std::to_string(b.min_w) + "W以上";
  return std::to_string(b.min_w) + "W–" + std::to_string(*b.max_w) + "W";
}

std::vector<PowerBand> sorted_bands(const std::vector<PowerBand>& bands) {
  std::vector<PowerBand> out = bands;
  std::stable_sort(out.begin(), out.end(), [](const PowerBand& a, const PowerBand& b) {
    if (a.min_w != b.min_w) return a.min_w < b.min_w;
    // closed before open, narrower before wider: the listing reads naturally
    if (a.max_w.has_value() != b.max_w.has_value()) return a.max_w.has_value();
    return a.max_w.value_or(0) < b.max_w.value_or(0);
  });
  return out;
}

namespace {

int64_t band_upper(const PowerBand& b) {
  return b.max_w ? *b.max_w : INT64_MAX;
}

void validate_bands(const std::vector<PowerBand>& bands, std::vector<std::string>& errs) {
  if (bands.empty()) {
    errs.push_back("bands: 至少需要一个功率档");
    return;
  }
  if (bands.size() > kBikeMaxBands)
    errs.push_back("bands: 最多" + std::to_string(kBikeMaxBands) + "个功率档");
  bool shape_ok = true;
  for (const auto& b : bands) {
    const std::string name = "bands: " + format_band(b) + " ";
    if (b.min_w < 0) {
      errs.push_back(name + "下限不能为负数");
      shape_ok = false;
    }
    if (b.max_w && *b.max_w <= b.min_w) {
      errs.push_back(name + "上限须大于下限");
      shape_ok = false;
    }
    if (b.max_w && *b.max_w > kBikeMaxPowerW)
      errs.push_back(name + "上限不能超过" + std::to_string(kBikeMaxPowerW) + "W");
    if (!b.max_w && b.min_w >= kBikeMaxPowerW)
      errs.push_back(name + "下限须小于" + std::to_string(kBikeMaxPowerW) + "W");
    if (b.unit_price < 0) errs.push_back(name + "单价不能为负数");
    if (b.unit_price > kBikeMaxUnitPrice) errs.push_back(name + "单价不能超过1000元");
  }
  if (!shape_ok) return;  // gaps and overlaps of malformed ranges say nothing useful

  const auto s = sorted_bands(bands);
  // Overlaps: every pair (n ≤ 10), so a band inside another is named too.
  for (size_t i = 0; i < s.size(); ++i)
    for (size_t j = i + 1; j < s.size(); ++j)
      if (s[j].min_w < band_upper(s[i]))
        errs.push_back("bands: " + format_band(s[i]) + " 与 " + format_band(s[j]) + " 重叠");
  // Gaps: the range not covered between the frontier reached so far and the next band.
  int64_t frontier = 0;
  for (const auto& b : s) {
    if (b.min_w > frontier)
      errs.push_back("bands: " + std::to_string(frontier) + "W–" + std::to_string(b.min_w) + "W 缺失");
    frontier = std::max(frontier, band_upper(b));
  }
}

}  // namespace

std::vector<std::string> validate_bike_tariff(const BikeTariff& t) {
  std::vector<std::string> errs;
  switch (t.mode) {
    case BikeMode::A:
    case BikeMode::B:
    case BikeMode::C:
    case BikeMode::D:
    case BikeMode::E:
      break;
    default:
      errs.push_back("mode: 须为A、B、C、D、E之一");
  }
  if (t.max_duration_min <= 0) errs.push_back("maxDuration: 须大于0");
  if (t.max_duration_min > kBikeMaxDurationMin) errs.push_back("maxDuration: 不能超过48小时");
  if (t.auto_stop_amount <= 0) errs.push_back("autoStopAmount: 须大于0");
  if (t.auto_stop_amount > kBikeMaxAmount)
    errs.push_back("autoStopAmount: 不能超过" + money::yuan_text(kBikeMaxAmount));
  if (t.free_minutes < 0)
    errs.push_back("freeMinutes: 不能为负数");
  else if (t.max_duration_min > 0 && t.free_minutes >= t.max_duration_min)
    errs.push_back("freeMinutes: 须小于自停阈值");
  if (t.reference_power_w <= 0 || t.reference_power_w > kBikeMaxPowerW)
    errs.push_back("referencePower: 须在1–" + std::to_string(kBikeMaxPowerW) + "W之间");

  if (bike_mode_uses_units(t.mode) && (t.unit_minutes <= 0 || t.unit_minutes > kBikeMaxUnitMinutes))
    errs.push_back("unitMinutes: 须在1–" + std::to_string(kBikeMaxUnitMinutes) + "分钟之间");
  if (t.mode == BikeMode::A || t.mode == BikeMode::D) {
    if (t.unit_price < 0) errs.push_back("unitPrice: 不能为负数");
    if (t.unit_price > kBikeMaxUnitPrice) errs.push_back("unitPrice: 不能超过1000元");
  }
  if (bike_mode_uses_energy(t.mode)) {
    if (t.energy_price < 0) errs.push_back("energyPrice: 不能为负数");
    if (t.energy_price > kBikeMaxKwhPrice) errs.push_back("energyPrice: 不能超过100元/kWh");
  }
  if (t.mode == BikeMode::C) {
    if (t.service_price < 0) errs.push_back("servicePrice: 不能为负数");
    if (t.service_price > kBikeMaxKwhPrice) errs.push_back("servicePrice: 不能超过100元/kWh");
  }
  if (bike_mode_uses_bands(t.mode)) validate_bands(t.bands, errs);

  if (t.prepay_values.size() > kBikeMaxPrepayValues)
    errs.push_back("prepayValues: 最多" + std::to_string(kBikeMaxPrepayValues) + "个预付值");
  std::set<money::Fen> seen, reported;
  for (size_t i = 0; i < t.prepay_values.size(); ++i) {
    const money::Fen v = t.prepay_values[i];
    if (v <= 0)
      errs.push_back("prepayValues: 第" + std::to_string(i + 1) + "个须大于0");
    else if (v > kBikeMaxAmount)
      errs.push_back("prepayValues: " + money::yuan_text(v) + " 不能超过" + money::yuan_text(kBikeMaxAmount));
    else if (!seen.insert(v).second && reported.insert(v).second)
      errs.push_back("prepayValues: " + money::yuan_text(v) + " 重复");
  }
  return errs;
}

}  // namespace zc::tariff
