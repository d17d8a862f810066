// The YKC session rules that need no socket (src/devices/ykc/pile_rules.hpp): state mapping, the serials
// the platform issues, the "two idle reports during a session" rule, the QR prefix, model numbers and
// CP56Time2a in the station's zone.
#include <gtest/gtest.h>

#include "core/timezone.hpp"
#include "devices/ykc/messages.hpp"
#include "devices/ykc/pile_rules.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

using namespace zc::ykc;

TEST(YkcPileRules, GunStateFromRealtimeStatus) {
  EXPECT_STREQ(gun_state(RealtimeData::kOffline, 0), "offline");
  EXPECT_STREQ(gun_state(RealtimeData::kFault, 1), "fault");
  EXPECT_STREQ(gun_state(RealtimeData::kIdle, 0), "idle");
  EXPECT_STREQ(gun_state(RealtimeData::kIdle, 1), "plugged");
  EXPECT_STREQ(gun_state(RealtimeData::kCharging, 1), "charging");
  EXPECT_STREQ(gun_state(0x07, 0), "fault");
  EXPECT_STREQ(heartbeat_gun_state(Heartbeat::kFault), "fault");
  EXPECT_EQ(heartbeat_gun_state(Heartbeat::kNormal), nullptr);
}

TEST(YkcPileRules, LoginTexts) {
  EXPECT_EQ(protocol_version_text(Login::kV16), "1.6");
  EXPECT_EQ(protocol_version_text(Login::kV15), "1.5");
  EXPECT_STREQ(pile_type_text(Login::kAc), "AC");
  EXPECT_STREQ(pile_type_text(Login::kDc), "DC");
  EXPECT_STREQ(network_text(1), "lan");
  EXPECT_STREQ(start_method_text(TransactionRecord::kVin), "vin");
  EXPECT_STREQ(start_method_text(TransactionRecord::kOfflineCard), "offline_card");
}

TEST(YkcPileRules, StopReasons) {
  EXPECT_EQ(stop_reason_text(0x41), "finished: SOC 100 % (0x41)");
  EXPECT_EQ(stop_reason_text(0x4E), "start failed (0x4E)");
  EXPECT_TRUE(start_failed(0x4A));
  EXPECT_FALSE(start_failed(0x6E));
  EXPECT_EQ(stop_reason_text(0x6E), "abnormal stop (0x6E)");
  EXPECT_EQ(stop_reason_text(0x90), "unknown reason (0x90)");
}

TEST(YkcPileRules, SerialLayoutInStationZone) {
  auto pile = *PileCode::parse("32010200000001");
  auto tz = zc::TimeZone::shanghai();
  // 2020-03-16 09:14:47 UTC = 17:14:47 in Shanghai
  int64_t t = 1584350087000;
  Serial s = make_serial(pile, 2, t, tz, 37);
  EXPECT_EQ(s.str(),
            "32010200000001"
            "02"
            "200316171447"
            "0037");
  EXPECT_EQ(make_serial(pile, 1, t, tz, 12345).str().substr(28), "2345");  // counter wraps at 10000
}

TEST(YkcPileRules, TwoIdleReportsDuringASessionFlagItOnce) {
  IdleReportRule r;
  EXPECT_FALSE(r.observe(RealtimeData::kIdle));  // no session: idle is normal
  r.begin();
  EXPECT_FALSE(r.observe(RealtimeData::kCharging));
  EXPECT_FALSE(r.observe(RealtimeData::kIdle));
  EXPECT_FALSE(r.observe(RealtimeData::kCharging));
  EXPECT_TRUE(r.observe(RealtimeData::kIdle));  // the second idle report of the session
  EXPECT_TRUE(r.flagged());
  EXPECT_FALSE(r.observe(RealtimeData::kIdle));  // flagged once
  r.end();
  r.begin();
  EXPECT_FALSE(r.flagged());
  EXPECT_FALSE(r.observe(RealtimeData::kIdle));
  r.end();  // stopped (0x35 success): idle reports are expected now
  EXPECT_FALSE(r.observe(RealtimeData::kIdle));
}

TEST(YkcPileRules, QrPrefixIsTheGunUrlWithoutTheGunCode) {
  EXPECT_EQ(qr_prefix("https://zc.example/app/gun/3201020000000101", "3201020000000101"),
            "https://zc.example/app/gun/");
  EXPECT_EQ(qr_prefix("https://zc.example/app/pile/32010200000001", "3201020000000101"), "");
  EXPECT_EQ(qr_prefix("", "3201020000000101"), "");
}

TEST(YkcPileRules, ModelNumberIdentifiesTheTariffVersion) {
  EXPECT_EQ(zc::tariff::ykc_model_no(1), 1);
  EXPECT_EQ(zc::tariff::ykc_model_no(9999), 9999);
  EXPECT_EQ(zc::tariff::ykc_model_no(10000), 1);  // wraps: 0000 means "no model"
}

TEST(YkcPileRules, RecordTimesAreStationLocal) {
  auto tz = zc::TimeZone::shanghai();
  auto t = cp56_from_epoch_ms(1584350087000, tz);
  EXPECT_EQ(t.to_string(), "2020-03-16 17:14:47.000");
  EXPECT_EQ(*cp56_to_epoch_ms(t, tz), 1584350087000);
}

TEST(YkcPileRules, FrameSummaries) {
  RealtimeData m;
  m.pile_code = *PileCode::parse("32010200000001");
  m.gun = 0x01;
  m.status = RealtimeData::kCharging;
  m.plugged = 1;
  m.voltage = 3800;
  m.current = 200;
  m.soc = 50;
  m.energy = 12345;
  m.amount = 23456;
  auto text = frame_summary(RealtimeData::kType, encode(m));
  EXPECT_NE(text.find("gun 1 charging"), std::string::npos) << text;
  EXPECT_NE(text.find("380.0 V 20.0 A SOC 50 % 1.2345 kWh 2.3456 yuan"), std::string::npos) << text;
  EXPECT_EQ(frame_type_label(0x13), "0x13 RealtimeData");
  std::vector<uint8_t> short_body(3);
  EXPECT_NE(frame_summary(Login::kType, short_body).find("decode error: pile_code"), std::string::npos);
}
