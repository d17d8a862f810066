// The worked examples of docs/invoices.md ("Tax split", "Amount in capitals").
#include "domain/invoice/invoice_amounts.hpp"

#include <gtest/gtest.h>

using namespace zc::invoice;

TEST(InvoiceTax, WorkedExamples) {
  // 100.00 yuan of electricity at 13 %: 100 × 0.13 / 1.13 = 11.504… → 11.50
  EXPECT_EQ(split_tax(10000, 1300).tax, 1150);
  EXPECT_EQ(split_tax(10000, 1300).excluded, 8850);
  // 100.00 yuan of service at 6 %: 5.660… → 5.66
  EXPECT_EQ(split_tax(10000, 600).tax, 566);
  EXPECT_EQ(split_tax(10000, 600).excluded, 9434);
  // 23.45 at 13 %: 2.6978… → 2.70 (rounds up)
  EXPECT_EQ(split_tax(2345, 1300).tax, 270);
  EXPECT_EQ(split_tax(2345, 1300).excluded, 2075);
  // 12.34 at 6 %: 0.6984… → 0.70
  EXPECT_EQ(split_tax(1234, 600).tax, 70);
  // exact: 1.13 at 13 % → 0.13
  EXPECT_EQ(split_tax(113, 1300).tax, 13);
  // a fen at 13 %: 0.00115 → 0
  EXPECT_EQ(split_tax(1, 1300).tax, 0);
  EXPECT_EQ(split_tax(1, 1300).excluded, 1);
  // exactly half a fen rounds up: 0.01 at 100 % → tax 0.005 → 0.01
  EXPECT_EQ(split_tax(1, 10000).tax, 1);
  EXPECT_EQ(split_tax(0, 1300).tax, 0);
  EXPECT_EQ(split_tax(5000, 0).tax, 0);
  EXPECT_THROW(split_tax(-1, 1300), std::invalid_argument);
  EXPECT_THROW(split_tax(1, 10001), std::invalid_argument);
}

TEST(InvoiceTax, LinesRoundOnTheirOwn) {
  // 0.05 at 13 % = 0.00575 → 0.01 per line: two lines carry 0.02, while 0.10 in one line carries 0.01.
  EXPECT_EQ(split_tax(5, 1300).tax + split_tax(5, 1300).tax, 2);
  EXPECT_EQ(split_tax(10, 1300).tax, 1);
}

TEST(InvoiceTax, KeptFeeParts) {
  // fee 30.00 = 20.00 electricity + 10.00 service, 6.00 refunded: kept 24.00 → 16.00 + 8.00
  EXPECT_EQ(split_kept(2400, 2000, 1000).electricity, 1600);
  EXPECT_EQ(split_kept(2400, 2000, 1000).service, 800);
  // 1.00 kept of 1 : 2 → 0.33 electricity (down), 0.67 service
  EXPECT_EQ(split_kept(100, 100, 200).electricity, 33);
  EXPECT_EQ(split_kept(100, 100, 200).service, 67);
  EXPECT_EQ(split_kept(500, 0, 0).electricity, 500);
  EXPECT_EQ(split_kept(0, 10, 10).service, 0);
}

TEST(InvoiceCapitals, WorkedExamples) {
  EXPECT_EQ(capitals(0), "零元整");
  EXPECT_EQ(capitals(1), "壹分");
  EXPECT_EQ(capitals(10), "壹角整");
  EXPECT_EQ(capitals(100), "壹元整");
  EXPECT_EQ(capitals(105), "壹元零伍分");
  EXPECT_EQ(capitals(150), "壹元伍角整");
  EXPECT_EQ(capitals(12345), "壹佰贰拾叁元肆角伍分");
  EXPECT_EQ(capitals(12005), "壹佰贰拾元零伍分");
  EXPECT_EQ(capitals(100100), "壹仟零壹元整");
  EXPECT_EQ(capitals(1000100), "壹万零壹元整");
  EXPECT_EQ(capitals(1005000), "壹万零伍拾元整");
  EXPECT_EQ(capitals(100000000), "壹佰万元整");
  EXPECT_EQ(capitals(1000000500), "壹仟万零伍元整");
  EXPECT_EQ(capitals(10000000000), "壹亿元整");
  EXPECT_EQ(capitals(10000010000), "壹亿零壹佰元整");
  EXPECT_THROW(capitals(-1), std::invalid_argument);
}

TEST(InvoiceRates, Text) {
  EXPECT_EQ(rate_text(1300), "13%");
  EXPECT_EQ(rate_text(650), "6.5%");
  EXPECT_EQ(rate_text(0), "0%");
  EXPECT_EQ(rate_text(125), "1.25%");
  EXPECT_EQ(rate_decimal(1300), "0.13");
  EXPECT_EQ(rate_decimal(650), "0.065");
  EXPECT_EQ(rate_decimal(0), "0");
  EXPECT_EQ(rate_decimal(10000), "1");
}
