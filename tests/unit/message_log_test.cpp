// The per-device message log: a byte ring per device (eviction, budget, truncation, newest first) and how
// YKC (raw bytes) and OCPP (JSON text) frames read when viewed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "devices/message_log.hpp"
#include "devices/ykc/frame.hpp"
#include "devices/ykc/frame_text.hpp"
#include "devices/ykc/messages.hpp"

using namespace zc::devices;
namespace y = zc::ykc;
namespace json = boost::json;

namespace {

const DeviceKey kPile{DeviceKind::car_pile, 1};

std::string str(const json::value& row, const char* field) {
  return std::string(row.as_object().at(field).as_string());
}

std::vector<uint8_t> heartbeat(uint16_t seq, uint8_t gun = 0x01) {
  return y::encode_frame(y::Heartbeat{y::PileCode::parse("55031412782305").value(), gun, 0x00},
                         y::sequence_le(seq));
}

std::string ocpp_call(int n) {
  return "[2,\"" + std::to_string(n) + "\",\"Heartbeat\",{}]";
}

}  // namespace

TEST(MessageLog, EvictsTheOldestFirstAndNeverExceedsTheBudget) {
  MessageLog log({0, 512});
  for (int i = 0; i < 100; ++i) {
    log.add_ocpp(kPile, i, true, LoggedKind::ocpp_call, ocpp_call(i));
    EXPECT_LE(log.used_bytes(kPile), 512u);
  }
  auto rows = log.recent(kPile);
  // [2,"99","Heartbeat",{}] is 23 bytes + 11 of header: 15 records of 34 bytes fit in 512
  ASSERT_EQ(ocpp_call(99).size() + MessageLog::kHeaderBytes, 34u);
  ASSERT_EQ(rows.size(), 15u);
  EXPECT_EQ(log.used_bytes(kPile), 15u * 34u);
  for (size_t i = 0; i < rows.size(); ++i) {  // newest first, nothing skipped
    EXPECT_EQ(rows[i].as_object().at("time").as_int64(), static_cast<int64_t>(99 - i));
    EXPECT_EQ(str(rows[i], "messageId"), std::to_string(99 - i));
  }
}

TEST(MessageLog, BothDirectionsInArrivalOrderNewestFirst) {
  MessageLog log;
  log.add_ocpp(kPile, 100, true, LoggedKind::ocpp_call,
               R"([2,"a1","BootNotification",{"chargePointVendor":"V"}])");
  log.add_ocpp(kPile, 101, false, LoggedKind::ocpp_result, R"([3,"a1",{"status":"Accepted"}])");
  log.add_ocpp(kPile, 102, false, LoggedKind::ocpp_call, R"([2,"p7","Reset",{"type":"Soft"}])");
  log.add_ocpp(kPile, 103, true, LoggedKind::ocpp_error, R"([4,"p7","NotSupported","no",{}])");
  log.add_ocpp(kPile, 104, true, LoggedKind::ocpp_invalid, R"([2,"x")");
  auto rows = log.recent(kPile);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(str(rows[0], "type"), "invalid");
  EXPECT_EQ(str(rows[0], "frame"), R"([2,"x")");
  // an answer takes the action of the CALL with its id that went the other way
  EXPECT_EQ(str(rows[1], "type"), "CALLERROR");
  EXPECT_EQ(str(rows[1], "direction"), "in");
  EXPECT_EQ(str(rows[1], "action"), "Reset");
  EXPECT_EQ(str(rows[1], "messageId"), "p7");
  EXPECT_EQ(str(rows[2], "direction"), "out");
  EXPECT_EQ(str(rows[2], "type"), "CALL");
  EXPECT_EQ(str(rows[2], "action"), "Reset");
  EXPECT_EQ(str(rows[3], "type"), "CALLRESULT");
  EXPECT_EQ(str(rows[3], "action"), "BootNotification");
  EXPECT_EQ(str(rows[3], "frame"), R"([3,"a1",{"status":"Accepted"}])");
  EXPECT_EQ(rows[4].as_object().at("time").as_int64(), 100);
  EXPECT_EQ(str(rows[4], "direction"), "in");
  EXPECT_TRUE(log.recent({DeviceKind::car_pile, 2}).empty());
  EXPECT_TRUE(log.recent({DeviceKind::bike_device, 1}).empty());  // same id, other kind
}

TEST(MessageLog, ARecordLargerThanHalfTheBudgetIsTruncated) {
  MessageLog log({0, 512});
  log.add_ocpp(kPile, 1, true, LoggedKind::ocpp_call, ocpp_call(1));
  std::string big = R"([2,"2","DataTransfer",{"data":")" + std::string(2000, 'x') + "\"}]";
  log.add_ocpp(kPile, 2, true, LoggedKind::ocpp_call, big);
  EXPECT_LE(log.used_bytes(kPile), 512u);
  auto rows = log.recent(kPile);
  ASSERT_EQ(rows.size(), 2u);  // the frame before it survives
  EXPECT_EQ(str(rows[0], "frame"), big.substr(0, 256 - MessageLog::kHeaderBytes) + "…(truncated)");
  EXPECT_EQ(str(rows[1], "frame"), ocpp_call(1));
  // a record larger than the whole budget: truncated the same way, the log stays within the budget
  for (int i = 0; i < 5; ++i)
    log.add_ocpp(kPile, 3 + i, false, LoggedKind::ocpp_result, std::string(5000, 'y'));
  EXPECT_LE(log.used_bytes(kPile), 512u);
  EXPECT_EQ(log.recent(kPile).size(), 2u);
}

TEST(MessageLog, ARecordNeverOutgrowsItsTwoByteLength) {
  MessageLog log({0, 1 << 20});
  log.add_ocpp(kPile, 1, true, LoggedKind::ocpp_call, std::string(100000, 'z'));
  log.add_ocpp(kPile, 2, true, LoggedKind::ocpp_call, ocpp_call(2));
  auto rows = log.recent(kPile);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(str(rows[0], "frame"), ocpp_call(2));
  EXPECT_EQ(str(rows[1], "frame"), std::string(65535, 'z') + "…(truncated)");
}

TEST(MessageLog, ZeroIsOffAndTinyBudgetsAreRaised) {
  MessageLog off({0, 0});
  EXPECT_FALSE(off.logs_ykc());
  EXPECT_FALSE(off.logs_ocpp());
  off.add_ocpp(kPile, 1, true, LoggedKind::ocpp_call, ocpp_call(1));
  off.add_ykc(kPile, 1, true, heartbeat(1));
  EXPECT_TRUE(off.recent(kPile).empty());
  EXPECT_EQ(off.used_bytes(kPile), 0u);

  MessageLog tiny({10, 10});
  for (int i = 0; i < 20; ++i) tiny.add_ykc(kPile, i, true, heartbeat(static_cast<uint16_t>(i)));
  EXPECT_LE(tiny.used_bytes(kPile), MessageLog::kMinBudget);
  EXPECT_EQ(tiny.recent(kPile).size(), MessageLog::kMinBudget / (MessageLog::kHeaderBytes + 17));
}

TEST(MessageLog, YkcFramesAreStoredRawAndDecodedWhenViewed) {
  MessageLog log({1024, 0});
  auto in = heartbeat(0x0102);
  ASSERT_EQ(in.size(), 17u);
  log.add_ykc(kPile, 1000, true, in);
  EXPECT_EQ(log.used_bytes(kPile), MessageLog::kHeaderBytes + 17);
  auto out = y::encode_frame(y::HeartbeatReply{y::PileCode::parse("55031412782305").value(), 0x01, 0x00},
                             y::sequence_le(0x0102));
  log.add_ykc(kPile, 1001, false, out);
  const uint8_t garbage[] = {0x68, 0x02, 0xAA};
  log.add_ykc_invalid(kPile, 1002, "bad_length", "length 2 below 4", garbage);

  auto rows = log.recent(kPile);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(str(rows[0], "type"), "invalid");
  EXPECT_EQ(str(rows[0], "action"), "bad_length");
  EXPECT_EQ(str(rows[0], "frame"), "68 02 AA | length 2 below 4");
  EXPECT_EQ(str(rows[1], "direction"), "out");
  EXPECT_EQ(str(rows[1], "type"), "0x04");
  EXPECT_EQ(str(rows[2], "direction"), "in");
  EXPECT_EQ(str(rows[2], "type"), "0x03");
  EXPECT_EQ(str(rows[2], "action"), "Heartbeat");
  EXPECT_EQ(str(rows[2], "messageId"), "0201");  // the sequence bytes as on the wire
  EXPECT_EQ(str(rows[2], "frame"), y::to_hex(in) + " | gun 1 normal");
  // the view is describe_frame, the text the session used to store
  EXPECT_EQ(str(rows[1], "frame"), y::describe_frame(out).text);
}

TEST(MessageLog, YkcViewNamesUnknownTypesAndDecodeErrors) {
  auto unknown = y::encode_frame(0x7E, y::sequence_le(1), std::vector<uint8_t>{1, 2, 3});
  auto t = y::describe_frame(unknown);
  EXPECT_EQ(t.type, "0x7E");
  EXPECT_EQ(t.action, "Unknown");
  EXPECT_EQ(t.text, y::to_hex(unknown) + " | not handled");
  auto short_hb = y::encode_frame(y::Heartbeat::kType, y::sequence_le(1), std::vector<uint8_t>{1, 2});
  EXPECT_NE(y::describe_frame(short_hb).text.find("| decode error: "), std::string::npos);
  const uint8_t not_a_frame[] = {0x01, 0x02};
  EXPECT_EQ(y::describe_frame(not_a_frame).type, "invalid");
}
