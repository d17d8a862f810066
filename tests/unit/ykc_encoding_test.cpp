// devices/ykc/encoding: BCD, ASCII/VIN, little-endian widths, scaled values, CP56Time2a in Asia/Shanghai,
// a DST zone and fixed offsets.
#include "devices/ykc/encoding.hpp"

#include <gtest/gtest.h>

#include "core/timezone.hpp"
#include "devices/ykc/frame.hpp"
#include "devices/ykc/messages.hpp"

using namespace zc::ykc;
using zc::TimeZone;

namespace {
constexpr int64_t utc_ms(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0, int ms = 0) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return (((days * 24 + hh) * 60 + mm) * 60 + ss) * 1000 + ms;
}
Cp56Time2a cp56(std::string_view h) {
  Cp56Time2a t;
  auto b = parse_hex(h).value();
  std::copy(b.begin(), b.end(), t.bytes.begin());
  return t;
}
}  // namespace

TEST(YkcBcd, ParsePrintAndPadding) {
  auto p = PileCode::parse("55031412782305");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->bytes, (std::array<uint8_t, 7>{0x55, 0x03, 0x14, 0x12, 0x78, 0x23, 0x05}));
  EXPECT_EQ(p->str(), "55031412782305");
  EXPECT_TRUE(p->is_decimal());
  // Fewer digits: left-padded with 0 (spec "不足补0").
  EXPECT_EQ(PileCode::parse("1")->str(), "00000000000001");
  EXPECT_EQ(Bcd<2>::parse("100")->bytes, (std::array<uint8_t, 2>{0x01, 0x00}));
  // Hex nibbles only with all digits given (ICCIDs); never in padded input.
  EXPECT_EQ(Iccid::parse("898604D11722D0348606")->str(), "898604D11722D0348606");
  EXPECT_EQ(Iccid::parse("898604d11722d0348606")->str(), "898604D11722D0348606");
  EXPECT_FALSE(PileCode::parse("5503141278230A0"));  // too long
  EXPECT_FALSE(PileCode::parse("12AB"));             // hex in padded input
  EXPECT_FALSE(PileCode::parse(""));
  EXPECT_FALSE(PileCode::parse("1234567890123x"));
  EXPECT_TRUE(Serial{}.is_zero());
  EXPECT_EQ(Serial{}.str(), std::string(32, '0'));
}

TEST(YkcBcd, BytesAndModelNumbers) {
  EXPECT_EQ(to_bcd_byte(0), 0x00);
  EXPECT_EQ(to_bcd_byte(9), 0x09);
  EXPECT_EQ(to_bcd_byte(10), 0x10);
  EXPECT_EQ(to_bcd_byte(99), 0x99);
  EXPECT_EQ(from_bcd_byte(0x99), 99u);
  EXPECT_FALSE(from_bcd_byte(0x0A));
  EXPECT_FALSE(from_bcd_byte(0xA0));
  EXPECT_EQ(gun_to_bcd(12), 0x12);  // BCD gun 12; BIN (ground lock) would be 0x0C
  EXPECT_EQ(gun_from_bcd(0x01), 1u);
  EXPECT_EQ(bcd2_value({0x99, 0x99}), 9999);
  EXPECT_EQ(bcd2_value({0x00, 0x00}), 0);
  EXPECT_EQ(bcd2_value({0x01, 0x00}), 100);
  EXPECT_FALSE(bcd2_value({0x1A, 0x00}));
  EXPECT_EQ(bcd2_bytes(1234), (std::array<uint8_t, 2>{0x12, 0x34}));
  EXPECT_THROW(bcd2_bytes(10000), std::invalid_argument);
}

TEST(YkcAscii, FixedWidthNulPadded) {
  auto a = Ascii<8>::from("V4.1.50");
  EXPECT_EQ(a.bytes[7], 0x00);
  EXPECT_EQ(a.str(), "V4.1.50");
  EXPECT_EQ(Ascii<4>::from("ABCDEFG").str(), "ABCD");  // truncated to the width
  EXPECT_EQ(Ascii<4>{}.str(), "");
  EXPECT_TRUE(Vin{}.is_zero());
}

TEST(YkcAscii, VinReversedOnlyWhereTheSpecSaysSo) {
  const Vin vin = Vin::from("LSVAU2180N2183294");
  StartRequest s;
  s.start_mode = StartRequest::kVin;
  s.vin = vin;
  const auto body = encode(s);
  ASSERT_EQ(body.size(), 51u);
  // 0x31: reversed on the wire ("VIN码需要反序上送").
  EXPECT_EQ(std::string(body.begin() + 34, body.end()), "4923812N0812UAVSL");
  auto back = decode<StartRequest>(body);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->vin.str(), "LSVAU2180N2183294");
  // 0xA1 as well.
  ParallelStartRequest p;
  p.vin = vin;
  const auto pb = encode(p);
  EXPECT_EQ(std::string(pb.begin() + 34, pb.begin() + 51), "4923812N0812UAVSL");
  // 0x3B: normal order.
  TransactionRecord r;
  r.vin = vin;
  const auto rb = encode(r);
  EXPECT_EQ(std::string(rb.begin() + 124, rb.begin() + 141), "LSVAU2180N2183294");
}

TEST(YkcLittleEndian, WidthsAndScaledValues) {
  uint8_t b[5];
  put_le(b, 0x0102030405, 5);
  EXPECT_EQ(b[0], 0x05);
  EXPECT_EQ(b[4], 0x01);
  EXPECT_EQ(get_le(b, 5), 0x0102030405u);
  put_le(b, 2251, 2);  // spec: 225.1 V → CB 08
  EXPECT_EQ(b[0], 0xCB);
  EXPECT_EQ(b[1], 0x08);
  EXPECT_EQ(format_scaled(2251, 1), "225.1");
  EXPECT_EQ(format_scaled(300000, 5), "3.00000");
  EXPECT_EQ(format_scaled(16540, 5), "0.16540");
  EXPECT_EQ(format_scaled(5, 4), "0.0005");
  EXPECT_EQ(format_scaled(-15, 1), "-1.5");
  EXPECT_EQ(format_scaled(42, 0), "42");
  EXPECT_EQ(temperature_c(75), 25);
  EXPECT_EQ(temperature_c(0), -50);
  EXPECT_EQ(bms_current_deciamp(4000), 0);
  EXPECT_EQ(bms_current_deciamp(3000), -1000);  // −100.0 A
  // 5-byte meter values keep all 40 bits.
  TransactionRecord r;
  r.meter_start = 0;
  r.meter_stop = kMaxU40;
  auto back = decode<TransactionRecord>(encode(r));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->meter_stop, kMaxU40);
}

TEST(YkcCp56, SpecExampleInShanghai) {
  const auto tz = TimeZone::shanghai();
  const auto t = cp56("98 B7 0E 11 10 03 14");
  EXPECT_EQ(t.to_string(), "2020-03-16 17:14:47.000");
  EXPECT_EQ(t.second(), 47u);
  EXPECT_EQ(t.weekday(), 0u);
  auto ms = cp56_to_epoch_ms(t, tz);
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(*ms, utc_ms(2020, 3, 16, 9, 14, 47));
  // And back, byte-exact (no weekday, as the spec sample).
  EXPECT_EQ(cp56_from_epoch_ms(*ms, tz).bytes, t.bytes);
  // With the weekday (2020-03-16 was a Monday).
  EXPECT_EQ(cp56_from_epoch_ms(*ms, tz, {.weekday = true}).bytes[4], 0x10 | (1 << 5));
  // Fixed offset UTC+8 gives the same.
  EXPECT_EQ(cp56_to_epoch_ms(t, 480).value(), *ms);
  EXPECT_EQ(cp56_from_epoch_ms(*ms, 480).bytes, t.bytes);
}

TEST(YkcCp56, MillisecondsMidnightAndYearEnd) {
  const auto tz = TimeZone::shanghai();
  for (int64_t ms : {utc_ms(2023, 12, 31, 15, 59, 59, 999), utc_ms(2024, 2, 29, 16), utc_ms(2000, 1, 1, 0),
                     utc_ms(2099, 12, 31, 15, 59, 59, 1)}) {
    const auto t = cp56_from_epoch_ms(ms, tz, {.weekday = true});
    auto back = cp56_to_epoch_ms(t, tz);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    EXPECT_EQ(*back, ms) << t.to_string();
  }
  EXPECT_EQ(cp56_from_epoch_ms(utc_ms(2023, 12, 31, 16), tz).to_string(), "2024-01-01 00:00:00.000");
}

TEST(YkcCp56, RealPileWeekday) {
  // S3 capture: 2023-12-13 (a Wednesday) with day-of-week 3 in bits 5–7.
  const auto t = cp56("b0 36 04 11 6d 0c 17");
  EXPECT_EQ(t.weekday(), 3u);
  EXPECT_EQ(t.day(), 13u);
  const auto tz = TimeZone::shanghai();
  auto ms = cp56_to_epoch_ms(t, tz);
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(*ms, utc_ms(2023, 12, 13, 9, 4, 14));
  EXPECT_EQ(cp56_from_epoch_ms(*ms, tz, {.weekday = true}).bytes, t.bytes);
}

TEST(YkcCp56, DstZoneSummerBitGapAndOverlap) {
  const auto berlin = TimeZone::get("Europe/Berlin");
  // Summer: CEST (UTC+2) with SU set; winter: CET without.
  auto summer = cp56_from_epoch_ms(utc_ms(2024, 7, 1, 10), berlin);
  EXPECT_EQ(summer.to_string(), "2024-07-01 12:00:00.000 SU");
  EXPECT_TRUE(summer.summer());
  EXPECT_EQ(cp56_to_epoch_ms(summer, berlin).value(), utc_ms(2024, 7, 1, 10));
  auto winter = cp56_from_epoch_ms(utc_ms(2024, 1, 15, 10), berlin);
  EXPECT_EQ(winter.to_string(), "2024-01-15 11:00:00.000");
  EXPECT_EQ(cp56_to_epoch_ms(winter, berlin).value(), utc_ms(2024, 1, 15, 10));
  // Fall back (2024-10-27 03:00 CEST → 02:00 CET): 02:30 happens twice; SU picks which.
  auto first = cp56_from_epoch_ms(utc_ms(2024, 10, 27, 0, 30), berlin);
  auto second = cp56_from_epoch_ms(utc_ms(2024, 10, 27, 1, 30), berlin);
  EXPECT_EQ(first.to_string(), "2024-10-27 02:30:00.000 SU");
  EXPECT_EQ(second.to_string(), "2024-10-27 02:30:00.000");
  EXPECT_EQ(cp56_to_epoch_ms(first, berlin).value(), utc_ms(2024, 10, 27, 0, 30));
  EXPECT_EQ(cp56_to_epoch_ms(second, berlin).value(), utc_ms(2024, 10, 27, 1, 30));
  // Spring forward (2024-03-31 02:00 CET → 03:00 CEST): 02:30 does not exist → the transition instant.
  Cp56Time2a::Fields gap{.year = 2024, .month = 3, .day = 31, .hour = 2, .minute = 30};
  EXPECT_EQ(cp56_to_epoch_ms(Cp56Time2a::from_fields(gap), berlin).value(), utc_ms(2024, 3, 31, 1));
  // Every half hour across both transition days round-trips.
  for (int64_t ms = utc_ms(2024, 3, 30); ms < utc_ms(2024, 4, 1); ms += 30 * 60'000) {
    EXPECT_EQ(cp56_to_epoch_ms(cp56_from_epoch_ms(ms, berlin), berlin).value(), ms);
  }
  for (int64_t ms = utc_ms(2024, 10, 26); ms < utc_ms(2024, 10, 28); ms += 30 * 60'000) {
    EXPECT_EQ(cp56_to_epoch_ms(cp56_from_epoch_ms(ms, berlin), berlin).value(), ms);
  }
}

TEST(YkcCp56, SouthernHemisphereDst) {
  const auto sydney = TimeZone::get("Australia/Sydney");
  auto jan = cp56_from_epoch_ms(utc_ms(2024, 1, 15), sydney);  // AEDT, UTC+11
  EXPECT_TRUE(jan.summer());
  EXPECT_EQ(jan.hour(), 11u);
  auto jul = cp56_from_epoch_ms(utc_ms(2024, 7, 15), sydney);  // AEST, UTC+10
  EXPECT_FALSE(jul.summer());
  EXPECT_EQ(cp56_to_epoch_ms(jan, sydney).value(), utc_ms(2024, 1, 15));
}

TEST(YkcCp56, InvalidFieldsAreNamed) {
  const auto tz = TimeZone::shanghai();
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 00 00 01 0D 18"), tz).error().field, "month");        // month 13
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 00 00 00 01 18"), tz).error().field, "day");          // day 0
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 00 00 1F 04 18"), tz).error().field, "day");          // 31 April
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 00 00 1D 02 17"), tz).error().field, "day");          // 29 Feb 2023
  EXPECT_TRUE(cp56_to_epoch_ms(cp56("00 00 00 00 1D 02 18"), tz).ok());                        // 29 Feb 2024
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 3C 00 01 01 18"), tz).error().field, "minute");       // 60
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 00 18 01 01 18"), tz).error().field, "hour");         // 24
  EXPECT_EQ(cp56_to_epoch_ms(cp56("60 EA 00 00 01 01 18"), tz).error().field, "millisecond");  // 60000
  EXPECT_EQ(cp56_to_epoch_ms(cp56("00 00 80 00 01 01 18"), tz).error().field, "invalid");      // IV
  EXPECT_EQ(cp56_to_epoch_ms(Cp56Time2a{}, tz).error().field, "month");  // all-zero time
}

TEST(YkcCp56, FieldsRoundTrip) {
  Cp56Time2a::Fields f{.year = 2127,
                       .month = 12,
                       .day = 31,
                       .hour = 23,
                       .minute = 59,
                       .second = 59,
                       .millisecond = 999,
                       .weekday = 7,
                       .summer = true,
                       .invalid = true};
  auto t = Cp56Time2a::from_fields(f);
  auto g = t.fields();
  EXPECT_EQ(g.year, 2127);
  EXPECT_EQ(g.month, 12);
  EXPECT_EQ(g.day, 31);
  EXPECT_EQ(g.hour, 23);
  EXPECT_EQ(g.minute, 59);
  EXPECT_EQ(g.second, 59);
  EXPECT_EQ(g.millisecond, 999);
  EXPECT_EQ(g.weekday, 7);
  EXPECT_TRUE(g.summer);
  EXPECT_TRUE(g.invalid);
}
