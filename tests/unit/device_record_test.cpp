// Issue 13 items 1–2: the review rules of device transaction records — whether a YKC 0x3B can belong to
// the logged-in pile and gun (src/devices/ykc/record_rules.hpp) and the flags a record carries
// (src/domain/order/device_record.hpp).
#include <gtest/gtest.h>

#include "devices/ykc/messages.hpp"
#include "devices/ykc/record_rules.hpp"
#include "domain/order/device_record.hpp"

using namespace zc;

namespace {

ykc::TransactionRecord record(const char* pile, uint8_t gun) {
  ykc::TransactionRecord m;
  m.pile_code = *ykc::PileCode::parse(pile);
  m.serial = *ykc::Serial::parse(std::string(pile) + "0125010100000001");
  m.gun = gun;
  return m;
}

const ykc::PileCode kPile = *ykc::PileCode::parse("55031412782305");

}  // namespace

TEST(YkcRecordRules, ARecordOfThisPileAndGunIsNormal) {
  auto r = ykc::review_record(record("55031412782305", 0x02), kPile, 2, false);
  EXPECT_FALSE(r.illegal);
  EXPECT_TRUE(r.flags.empty());
  EXPECT_EQ(r.connector, 2);
}

TEST(YkcRecordRules, AnotherPilesRecordIsIllegalAndNamesBothPiles) {
  auto r = ykc::review_record(record("55031412782399", 0x01), kPile, 2, false);
  EXPECT_TRUE(r.illegal);
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_NE(r.flags[0].find("55031412782399"), std::string::npos);
  EXPECT_NE(r.flags[0].find("55031412782305"), std::string::npos);
  EXPECT_EQ(r.connector, 1);
}

TEST(YkcRecordRules, AGunBeyondTheCountIsIllegalAndKeptAsNamed) {
  auto r = ykc::review_record(record("55031412782305", 0x05), kPile, 2, false);
  EXPECT_TRUE(r.illegal);
  EXPECT_EQ(r.connector, 5);
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_NE(r.flags[0].find("gun 5"), std::string::npos);
  // BCD 0x10 = gun 10 of a 12-gun pile is fine; gun 0 and a non-BCD byte are not
  EXPECT_FALSE(ykc::review_record(record("55031412782305", 0x10), kPile, 12, false).illegal);
  EXPECT_EQ(ykc::review_record(record("55031412782305", 0x10), kPile, 12, false).connector, 10);
  EXPECT_TRUE(ykc::review_record(record("55031412782305", 0x00), kPile, 2, false).illegal);
  auto hex = ykc::review_record(record("55031412782305", 0x1A), kPile, 2, false);
  EXPECT_TRUE(hex.illegal);
  EXPECT_EQ(hex.connector, 0x1A);
  EXPECT_NE(hex.flags[0].find("0x1A"), std::string::npos);
}

TEST(YkcRecordRules, BothProblemsAndTheSessionFlagAreAllReported) {
  auto r = ykc::review_record(record("55031412782399", 0x07), kPile, 2, true);
  EXPECT_TRUE(r.illegal);
  ASSERT_EQ(r.flags.size(), 3u);
  EXPECT_EQ(r.flags[2], ykc::kTwoIdleReports);
  auto abnormal = ykc::review_record(record("55031412782305", 0x01), kPile, 2, true);
  EXPECT_FALSE(abnormal.illegal) << "an abnormal session is this pile's record: acknowledged, flagged";
  ASSERT_EQ(abnormal.flags.size(), 1u);
}

TEST(DeviceRecordFlags, MergeAddsEachReasonOnce) {
  EXPECT_EQ(order::merge_flags("", "a"), "a");
  EXPECT_EQ(order::merge_flags("a", "b"), "a; b");
  EXPECT_EQ(order::merge_flags("a; b", "b"), "a; b");
  EXPECT_EQ(order::merge_flags("a; b", "a"), "a; b");
  EXPECT_EQ(order::merge_flags("ab", "a"), "ab; a") << "whole reasons, not substrings";
  EXPECT_EQ(order::merge_flags("a", ""), "a");
}

TEST(DeviceRecordFlags, MeterGoingBackIsFlagged) {
  EXPECT_FALSE(order::meter_flag(100, 100));
  EXPECT_FALSE(order::meter_flag(100, 250));
  auto f = order::meter_flag(500000, 400000);
  ASSERT_TRUE(f);
  EXPECT_EQ(*f, "meter stop 400000 below meter start 500000");
  EXPECT_EQ(order::orphan_stop_serial(42), "ocpp-tx:42");
}
