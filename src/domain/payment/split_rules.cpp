#include "domain/payment/split_rules.hpp"

#include <algorithm>
#include <numeric>

namespace zc::payment::split {

int64_t share_of(int64_t fee, int64_t ratio_bp) {
  if (fee <= 0 || ratio_bp <= 0) return 0;
  return fee * std::min(ratio_bp, kFullRatio) / kFullRatio;  // floor: both are non-negative
}

std::vector<int64_t> shares_of(int64_t fee, const std::vector<int64_t>& ratios_bp) {
  std::vector<int64_t> out;
  out.reserve(ratios_bp.size());
  for (int64_t r : ratios_bp) out.push_back(share_of(fee, r));
  return out;
}

std::vector<int64_t> returns_for(int64_t refund, int64_t fee, const std::vector<int64_t>& net) {
  std::vector<int64_t> out(net.size(), 0);
  int64_t split = std::accumulate(net.begin(), net.end(), int64_t{0});
  if (refund <= 0 || fee <= 0 || split <= 0) return out;
  refund = std::min(refund, fee);
  int64_t total = std::min(split, (split * refund + fee - 1) / fee);  // ceil
  int64_t given = 0;
  for (size_t i = 0; i < net.size(); ++i) {
    out[i] = net[i] * total / split;
    given += out[i];
  }
  for (size_t i = 0; i < net.size() && given < total; ++i)
    if (out[i] < net[i]) {
      ++out[i];
      ++given;
    }
  return out;
}

}  // namespace zc::payment::split
