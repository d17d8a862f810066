#include <gtest/gtest.h>

#include "domain/member/card_rules.hpp"

using namespace zc::member;

TEST(CardNumbers, PrintedNumberIsSixToSixteenDigits) {
  EXPECT_FALSE(printed_number_error("100001"));
  EXPECT_FALSE(printed_number_error("1234567890123456"));
  EXPECT_TRUE(printed_number_error("12345"));
  EXPECT_TRUE(printed_number_error("12345678901234567"));
  EXPECT_TRUE(printed_number_error("12345a"));
  EXPECT_TRUE(printed_number_error(""));
}

TEST(CardNumbers, PhysicalNumberIsAnIcUidPaddedToEightBytes) {
  EXPECT_EQ(normal_physical_number("a1b2c3d4"), "00000000A1B2C3D4");          // 4-byte UID
  EXPECT_EQ(normal_physical_number("04A1B2C3D4E5F6"), "0004A1B2C3D4E5F6");    // 7-byte UID
  EXPECT_EQ(normal_physical_number("00000000A1B2C3D4"), "00000000A1B2C3D4");  // as a YKC pile sends it
  EXPECT_FALSE(normal_physical_number("0000000000000000"));
  EXPECT_FALSE(normal_physical_number("A1B2C3"));
  EXPECT_FALSE(normal_physical_number("A1B2C3D4E5F60718FF"));
  EXPECT_FALSE(normal_physical_number("A1B2C3DZ"));
}

TEST(CardBonus, TheHighestTierReachedApplies) {
  std::vector<BonusTier> tiers{{10000, 1000}, {50000, 8000}};
  EXPECT_EQ(bonus_for(tiers, 9999), 0);
  EXPECT_EQ(bonus_for(tiers, 10000), 1000);
  EXPECT_EQ(bonus_for(tiers, 49999), 1000);
  EXPECT_EQ(bonus_for(tiers, 50000), 8000);
  EXPECT_EQ(bonus_for({}, 50000), 0);
}

TEST(CardBonus, TiersMustAscendAndNeverGiveMoreThanTheTopUp) {
  EXPECT_FALSE(bonus_tiers_error({{10000, 1000}, {50000, 8000}}));
  EXPECT_EQ(bonus_tiers_error({{10000, 1000}, {10000, 2000}}), "第2档充值金额应大于上一档");
  EXPECT_EQ(bonus_tiers_error({{10000, 0}}), "第1档赠送金额应大于0");
  EXPECT_EQ(bonus_tiers_error({{100, 200}}), "第1档赠送金额不能超过充值金额");
  EXPECT_EQ(bonus_tiers_error({{0, 1}}), "第1档充值金额应大于0");
  EXPECT_TRUE(bonus_tiers_error(std::vector<BonusTier>(11, BonusTier{1, 1})));
}

namespace {
CardFacts good_card() {
  CardFacts c;
  c.card_enabled = c.product_enabled = c.holder_enabled = true;
  c.valid_from = 1000;
  c.valid_to = 2000;
  c.station_bound = c.kind_allowed = true;
  c.balance = 500;
  return c;
}
}  // namespace

TEST(CardStart, AGoodCardStarts) {
  EXPECT_EQ(check_start(good_card(), 1000, 100), CardRefusal::none);
  EXPECT_EQ(check_start(good_card(), 1999, 500), CardRefusal::none);
}

TEST(CardStart, EachRuleRefusesWithItsReasonInOrder) {
  CardFacts c = good_card();
  c.holder_enabled = false;
  EXPECT_EQ(check_start(c, 1500, 100), CardRefusal::disabled);
  c = good_card();
  EXPECT_EQ(check_start(c, 999, 100), CardRefusal::not_yet_valid);
  EXPECT_EQ(check_start(c, 2000, 100), CardRefusal::expired);
  c.valid_to = 0;  // no end
  EXPECT_EQ(check_start(c, 9'000'000, 100), CardRefusal::none);
  c = good_card();
  c.kind_allowed = false;
  c.station_bound = false;
  EXPECT_EQ(check_start(c, 1500, 100), CardRefusal::wrong_kind);
  c.kind_allowed = true;
  EXPECT_EQ(check_start(c, 1500, 100), CardRefusal::wrong_station);
  c = good_card();
  c.busy = true;
  c.balance = 0;
  EXPECT_EQ(check_start(c, 1500, 100), CardRefusal::busy);
  c.busy = false;
  EXPECT_EQ(check_start(c, 1500, 0), CardRefusal::insufficient);  // an empty card never starts
  c.balance = 99;
  EXPECT_EQ(check_start(c, 1500, 100), CardRefusal::insufficient);
  EXPECT_EQ(refusal_code(CardRefusal::wrong_station), "wrong_station");
}

TEST(CardProducts, TypesAndWhatTheyCover) {
  EXPECT_TRUE(product_type_valid("both"));
  EXPECT_FALSE(product_type_valid("truck"));
  EXPECT_TRUE(product_covers("both", "bike"));
  EXPECT_TRUE(product_covers("car", "car"));
  EXPECT_FALSE(product_covers("car", "bike"));
}
