#include "core/money_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using namespace zc::money;

TEST(MoneyText, FenAndYuan) {
  EXPECT_EQ(fen_text(0), "0.00");
  EXPECT_EQ(fen_text(5), "0.05");
  EXPECT_EQ(fen_text(1234), "12.34");
  EXPECT_EQ(fen_text(100), "1.00");
  EXPECT_EQ(fen_text(-5), "-0.05");
  EXPECT_EQ(fen_text(-1234), "-12.34");
  EXPECT_EQ(yuan_text(1000000), "10000.00元");
  EXPECT_EQ(yuan_text(-99), "-0.99元");
}

TEST(MoneyText, PriceAndEnergy) {
  EXPECT_EQ(price_text(120000), "1.20000");
  EXPECT_EQ(price_text(1), "0.00001");
  EXPECT_EQ(price_text(-100000), "-1.00000");
  EXPECT_EQ(energy_text(0), "0.0000");
  EXPECT_EQ(energy_text(123456), "12.3456");
  EXPECT_EQ(energy_text(5), "0.0005");
  EXPECT_EQ(energy_text(-10000), "-1.0000");
}

TEST(MoneyText, DecimalEdges) {
  EXPECT_EQ(decimal_text(42, 0), "42");
  EXPECT_EQ(decimal_text(std::numeric_limits<int64_t>::min(), 2), "-92233720368547758.08");
  EXPECT_EQ(decimal_text(std::numeric_limits<int64_t>::max(), 4), "922337203685477.5807");
}
