#include "service/order/bike_auto_stop.hpp"

#include <algorithm>

namespace zc::order {

void FullDetector::start(int64_t at_ms) {
  last_at_ = at_ms;
  low_since_ = at_ms;
}

void FullDetector::report(int64_t at_ms, double power_w) {
  if (at_ms < last_at_) return;
  last_at_ = at_ms;
  reported_ = true;
  if (power_w >= static_cast<double>(power_w_)) {
    ever_powered_ = true;
    low_since_.reset();
  } else if (!low_since_) {
    low_since_ = at_ms;
  }
}

bool FullDetector::full(int64_t now_ms) const {
  return enabled() && reported_ && low_since_ && now_ms - *low_since_ >= hold_ms_;
}

std::string auto_stop_reason(const AutoStopInput& in) {
  if (in.prepaid_duration_s > 0 && in.elapsed_s >= in.prepaid_duration_s) return "预付时长已用完，自动停止";
  if (in.tariff && in.elapsed_s >= int64_t{in.tariff->max_duration_min} * 60) return "达到自停阈值，自动停止";
  if (in.bill && in.tariff) {
    money::Fen gross = in.bill->gross;
    bool by_energy = in.tariff->mode == tariff::BikeMode::C;
    if (gross > in.prepaid || (by_energy && in.prepaid > 0 && gross >= in.prepaid))
      return "费用达到预付金额，自动停止";
  }
  if (in.full) return in.ever_powered ? "已充满，自动停止" : "未检测到充电负载，自动停止";
  return "";
}

RemainingTime remaining_time(tariff::BikeMode mode, int64_t elapsed_s, int64_t prepaid_duration_s,
                             std::optional<int64_t> first_power_at_s) {
  const bool by_power = tariff::bike_mode_uses_bands(mode) || tariff::bike_mode_uses_energy(mode);
  if (by_power && (!first_power_at_s || elapsed_s - *first_power_at_s < tariff::kBikeSustainWindowS))
    return {std::nullopt, true};
  return {std::max<int64_t>(0, prepaid_duration_s - elapsed_s), false};
}

}  // namespace zc::order
