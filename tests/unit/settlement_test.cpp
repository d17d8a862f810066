// Settlement (cap at the prepayment, unused part refunded, one half-up rounding) and refund bounds.
#include <gtest/gtest.h>

#include <stdexcept>

#include "domain/order/settlement.hpp"

using namespace zc::order;

TEST(Settlement, CostBelowPrepaymentRefundsTheRest) {
  Settlement s = settle(1234, 5000);
  EXPECT_EQ(s.charged, 1234);
  EXPECT_EQ(s.refund, 3766);
  EXPECT_FALSE(s.capped);
  EXPECT_EQ(s.charged + s.refund, s.prepaid);
}

TEST(Settlement, CostAbovePrepaymentIsCapped) {
  Settlement s = settle(5001, 5000);
  EXPECT_EQ(s.charged, 5000);
  EXPECT_EQ(s.refund, 0);
  EXPECT_TRUE(s.capped);
  EXPECT_EQ(s.cost, 5001);
}

TEST(Settlement, EdgesZeroAndExact) {
  EXPECT_EQ(settle(0, 5000), (Settlement{5000, 0, 0, 5000, false}));
  EXPECT_EQ(settle(5000, 5000), (Settlement{5000, 5000, 5000, 0, false}));
  EXPECT_EQ(settle(0, 0), (Settlement{0, 0, 0, 0, false}));
  EXPECT_THROW(settle(-1, 100), std::invalid_argument);
  EXPECT_THROW(settle(1, -100), std::invalid_argument);
}

TEST(Settlement, RoundsHalfUpOnceFromExactAmounts) {
  // 0.0049999999 yuan → 0 fen; 0.005 yuan → 1 fen (half-up); 12.345 yuan → 1235 fen.
  EXPECT_EQ(fen_from_nano(4'999'999), 0);
  EXPECT_EQ(fen_from_nano(5'000'000), 1);
  EXPECT_EQ(fen_from_nano(12'345'000'000), 1235);
  EXPECT_EQ(fen_from_milli(49), 0);
  EXPECT_EQ(fen_from_milli(50), 1);
  EXPECT_EQ(fen_from_milli(123450), 1235);
  EXPECT_THROW(fen_from_nano(-1), std::invalid_argument);
  EXPECT_THROW(fen_from_milli(-1), std::invalid_argument);
  // Exact 12.344999999 yuan: rounding the milli figure first (12.3450) would give 1235 — twice rounded.
  Settlement s = settle_exact(12'344'999'999, 2000);
  EXPECT_EQ(s.charged, 1234);
  EXPECT_EQ(s.refund, 766);
}

TEST(Refund, MaximumIsPaidMinusRefundedMinusPending) {
  EXPECT_EQ(max_refund(5000, 0), 5000);
  EXPECT_EQ(max_refund(5000, 1200), 3800);
  EXPECT_EQ(max_refund(5000, 1200, 800), 3000);
  EXPECT_EQ(max_refund(5000, 5000), 0);
  EXPECT_EQ(max_refund(5000, 4000, 2000), 0);  // never negative
}

TEST(Refund, CustomAmountWithinMaximum) {
  EXPECT_EQ(check_refund(5000, 1000, 0, 4000), RefundCheck::ok);
  EXPECT_EQ(check_refund(5000, 1000, 0, 1), RefundCheck::ok);
  EXPECT_EQ(check_refund(5000, 1000, 0, 4001), RefundCheck::exceeds_max);
  EXPECT_EQ(check_refund(5000, 1000, 500, 3501), RefundCheck::exceeds_max);
  EXPECT_EQ(check_refund(5000, 1000, 0, 0), RefundCheck::not_positive);
  EXPECT_EQ(check_refund(5000, 1000, 0, -3), RefundCheck::not_positive);
  EXPECT_FALSE(describe(RefundCheck::exceeds_max).empty());
  EXPECT_TRUE(describe(RefundCheck::ok).empty());
}

TEST(Refund, FeeRefundNeedsACompletedOrderWithACost) {
  EXPECT_TRUE(fee_refund_allowed(true, 1));
  EXPECT_FALSE(fee_refund_allowed(true, 0));
  EXPECT_FALSE(fee_refund_allowed(false, 100));
}
