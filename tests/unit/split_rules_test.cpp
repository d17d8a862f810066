// Profit-sharing arithmetic (domain/payment/split_rules): the worked examples of docs/splits.md.
#include <gtest/gtest.h>

#include <numeric>

#include "domain/payment/split_rules.hpp"

using namespace zc::payment::split;

namespace {
int64_t sum(const std::vector<int64_t>& v) {
  return std::accumulate(v.begin(), v.end(), int64_t{0});
}
}  // namespace

TEST(SplitRules, SharesFloorAndTheRemainderStaysWithTheMerchant) {
  // docs/splits.md: fee 12.34 yuan, 30 % and 15.5 %
  auto s = shares_of(1234, {3000, 1550});
  EXPECT_EQ(s, (std::vector<int64_t>{370, 191}));  // 370.2 → 370, 191.27 → 191
  EXPECT_EQ(1234 - sum(s), 673);
  EXPECT_EQ(share_of(1, 9999), 0);       // less than a fen: nothing
  EXPECT_EQ(share_of(1, 10000), 1);      // 100 %
  EXPECT_EQ(share_of(999, 0), 0);        // no ratio
  EXPECT_EQ(share_of(0, 5000), 0);       // no fee
  EXPECT_EQ(share_of(100, 20000), 100);  // never more than the fee
  // 3 × 33.33 % of 100 fen: 33 each, 1 fen stays
  EXPECT_EQ(shares_of(100, {3333, 3333, 3333}), (std::vector<int64_t>{33, 33, 33}));
}

TEST(SplitRules, ReturnsAreProportionalAndCoverTheRefund) {
  // docs/splits.md: a refund of 5.00 of the 12.34 above
  auto r = returns_for(500, 1234, {370, 191});
  EXPECT_EQ(r, (std::vector<int64_t>{151, 77}));  // T = ceil(561 × 500 / 1234) = 228
  // a full refund returns everything
  EXPECT_EQ(returns_for(1234, 1234, {370, 191}), (std::vector<int64_t>{370, 191}));
  // tiny refunds still leave the merchant able to pay its part
  EXPECT_EQ(returns_for(1, 3, {1, 1, 1}), (std::vector<int64_t>{1, 0, 0}));
  EXPECT_EQ(returns_for(50, 100, {33, 67}), (std::vector<int64_t>{17, 33}));
  EXPECT_EQ(returns_for(0, 100, {33, 67}), (std::vector<int64_t>{0, 0}));
  // exhaustive: for every refund the receivers give back ≤ what they hold, and the merchant's own part
  // (fee − split) covers the rest of the refund
  for (int64_t fee : {1, 7, 100, 1234}) {
    for (int64_t r1 : {0L, fee / 3, fee / 2}) {
      int64_t r2 = fee / 4;
      std::vector<int64_t> net{r1, r2};
      int64_t split = r1 + r2;
      for (int64_t refund = 1; refund <= fee; ++refund) {
        auto back = returns_for(refund, fee, net);
        EXPECT_LE(back[0], net[0]);
        EXPECT_LE(back[1], net[1]);
        EXPECT_LE(sum(back), refund);
        EXPECT_LE(refund - sum(back), fee - split) << fee << " " << refund;
      }
    }
  }
}
