#include "domain/parking/occupancy.hpp"

#include <algorithm>

namespace zc::parking {

int64_t charging_seconds(int64_t from, int64_t to, std::vector<std::pair<int64_t, int64_t>> charging) {
  std::sort(charging.begin(), charging.end());
  int64_t covered = 0, reach = from;  // [from, reach) already counted
  for (auto [a, b] : charging) {
    a = std::max(a, reach);
    b = std::min(b, to);
    if (b <= a) continue;
    covered += b - a;
    reach = b;
  }
  return covered / 1000;
}

OccupancyFee occupancy_fee(int64_t occupancy_s, const OccupancyRules& r) {
  OccupancyFee out;
  int64_t minutes = std::max<int64_t>(0, occupancy_s) / 60;
  int64_t billable = minutes - std::max<int64_t>(0, r.free_min);
  if (r.price_fen <= 0 || r.period_min <= 0 || billable <= 0) {
    out.detail = std::to_string(minutes) + " min, free " + std::to_string(r.free_min) + " min: 0";
    return out;
  }
  out.periods = (billable + r.period_min - 1) / r.period_min;
  out.fee = out.periods * r.price_fen;
  bool capped = r.cap_fen > 0 && out.fee > r.cap_fen;
  if (capped) out.fee = r.cap_fen;
  out.detail = std::to_string(minutes) + " min − " + std::to_string(r.free_min) +
               " free = " + std::to_string(billable) + " min → " + std::to_string(out.periods) + " × " +
               std::to_string(r.period_min) + " min × " + std::to_string(r.price_fen) + " fen" +
               (capped ? ", cap " + std::to_string(r.cap_fen) : "") + " = " + std::to_string(out.fee);
  return out;
}

}  // namespace zc::parking
