#pragma once
// Profit-sharing arithmetic (docs/splits.md), in integer fen. Ratios are basis points (0.01 %).
//   share_of   each receiver gets floor(fee × ratio / 10000); what the floors leave stays with the main
//              merchant (the sum never exceeds fee × Σratio / 10000 ≤ fee).
//   returns_for a refund of R out of the current fee C, with S still split: the receivers give back
//              T = ceil(S × R / C) in total (never more than S), each floor(net_i × T / S), the fen the
//              floors leave go one each to the receivers in order that still have money. The main
//              merchant's part then always covers the rest of the refund: S − T ≤ C − R.
#include <cstdint>
#include <vector>

namespace zc::payment::split {

inline constexpr int64_t kFullRatio = 10000;  // 100 % in basis points

int64_t share_of(int64_t fee, int64_t ratio_bp);
std::vector<int64_t> shares_of(int64_t fee, const std::vector<int64_t>& ratios_bp);
// `net`: what each receiver still holds of the split; `fee`: the fee still captured before the refund.
std::vector<int64_t> returns_for(int64_t refund, int64_t fee, const std::vector<int64_t>& net);

}  // namespace zc::payment::split
