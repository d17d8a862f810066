#pragma once
// YKC field encodings (docs/ykc.md, "Wire format"): BCD identifiers, fixed ASCII, little-endian BIN
// integers (1, 2, 3, 4, 5 bytes), scaled decimals, CP56Time2a.
//
// Identifiers keep their raw bytes (lossless round trip, no heap): Bcd<N>::str() prints two hex digits per
// byte, which for valid BCD are the decimal digits ("55031412782305"); real piles put hex nibbles into
// "BCD" fields (ICCIDs), so non-decimal nibbles print as A–F instead of being rejected.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "devices/ykc/result.hpp"

namespace zc {
class TimeZone;
}

namespace zc::ykc {

// ---- BCD -----------------------------------------------------------------------------------------------
// 0..99 → one BCD byte (high digit in the high nibble); nullopt-like 0xFF guard is the caller's job.
constexpr uint8_t to_bcd_byte(unsigned v) {
  return static_cast<uint8_t>(((v / 10 % 10) << 4) | (v % 10));
}
// One BCD byte → 0..99, or nullopt when a nibble is > 9.
constexpr std::optional<unsigned> from_bcd_byte(uint8_t b) {
  if ((b >> 4) > 9 || (b & 0xF) > 9) return std::nullopt;
  return (b >> 4) * 10u + (b & 0xFu);
}

template <size_t N>
struct Bcd {
  std::array<uint8_t, N> bytes{};

  static constexpr size_t kDigits = 2 * N;
  // Exactly 2N hex digits ("0"-"9", "A"-"F"/"a"-"f"), or fewer decimal digits left-padded with '0'
  // (spec: "不足补0"). nullopt on anything else.
  static std::optional<Bcd> parse(std::string_view digits) {
    if (digits.size() > kDigits || digits.empty()) return std::nullopt;
    Bcd b;
    const size_t pad = kDigits - digits.size();
    for (size_t i = 0; i < kDigits; ++i) {
      int v = 0;
      if (i >= pad) {
        const char c = digits[i - pad];
        if (c >= '0' && c <= '9')
          v = c - '0';
        else if (pad == 0 && c >= 'A' && c <= 'F')
          v = c - 'A' + 10;
        else if (pad == 0 && c >= 'a' && c <= 'f')
          v = c - 'a' + 10;
        else
          return std::nullopt;
      }
      b.bytes[i / 2] = static_cast<uint8_t>(b.bytes[i / 2] | (i % 2 ? v : v << 4));
    }
    return b;
  }
  std::string str() const {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string s(kDigits, '0');
    for (size_t i = 0; i < N; ++i) {
      s[2 * i] = kHex[bytes[i] >> 4];
      s[2 * i + 1] = kHex[bytes[i] & 0xF];
    }
    return s;
  }
  bool is_decimal() const {
    return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return from_bcd_byte(b).has_value(); });
  }
  bool is_zero() const {
    return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
  }
  auto operator<=>(const Bcd&) const = default;
};

using PileCode = Bcd<7>;                      // 桩编号, 14 digits
using Serial = Bcd<16>;                       // 交易流水号, 32 digits (opaque; all zero = no session)
using LogicalCard = Bcd<8>;                   // 逻辑卡号, 16 digits
using Iccid = Bcd<10>;                        // SIM, 20 digits (hex nibbles occur)
using ParallelNo = Bcd<6>;                    // 并充序号 yyMMddHHmmss
using PhysicalCard = std::array<uint8_t, 8>;  // 物理卡号: BIN (card UID), not BCD

// Gun number (枪号): one BCD byte in most frames, BIN in the ground-lock frames 0x61–0x63. Identical for
// guns 1–9. gun_from_bcd: nullopt for non-BCD bytes.
constexpr uint8_t gun_to_bcd(unsigned gun) {
  return to_bcd_byte(gun);
}
constexpr std::optional<unsigned> gun_from_bcd(uint8_t b) {
  return from_bcd_byte(b);
}

// 2-byte BCD model number (计费模型编号) 0..9999.
std::optional<uint16_t> bcd2_value(std::array<uint8_t, 2> b);
std::array<uint8_t, 2> bcd2_bytes(uint16_t v);  // v > 9999 → std::invalid_argument

// ---- ASCII ---------------------------------------------------------------------------------------------
// Fixed-width ASCII padded with 0x00. str() stops at the first NUL.
template <size_t N>
struct Ascii {
  std::array<uint8_t, N> bytes{};
  // Truncates to N bytes.
  static Ascii from(std::string_view s) {
    Ascii a;
    std::copy_n(s.begin(), std::min(N, s.size()), a.bytes.begin());
    return a;
  }
  std::string str() const {
    const auto end = std::find(bytes.begin(), bytes.end(), uint8_t{0});
    return std::string(bytes.begin(), end);
  }
  bool is_zero() const {
    return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
  }
  auto operator<=>(const Ascii&) const = default;
};

using Vin = Ascii<17>;  // held in normal reading order; frames 0x31/0xA1 reverse it on the wire

// ---- little-endian BIN ---------------------------------------------------------------------------------
inline uint64_t get_le(const uint8_t* p, size_t width) {
  uint64_t v = 0;
  for (size_t i = width; i-- > 0;) v = (v << 8) | p[i];
  return v;
}
inline void put_le(uint8_t* p, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; ++i, v >>= 8) p[i] = static_cast<uint8_t>(v & 0xFF);
}
inline constexpr uint64_t kMaxU40 = (uint64_t{1} << 40) - 1;  // 5-byte meter values

// ---- scaled decimals -----------------------------------------------------------------------------------
inline constexpr int kTempOffset = 50;          // °C = raw − 50 (0x13 temps, BMS temps)
inline constexpr int kBmsCurrentOffset = 4000;  // 0.1 A units: A×10 = raw − 4000 (−400 A)
constexpr int temperature_c(uint8_t raw) {
  return int{raw} - kTempOffset;
}
constexpr int bms_current_deciamp(uint16_t raw) {
  return int{raw} - kBmsCurrentOffset;
}
// "225.1" from 2251 with 1 decimal; negative values get a leading '-'.
std::string format_scaled(int64_t value, int decimals);

// ---- CP56Time2a ----------------------------------------------------------------------------------------
// 7 bytes: ms-of-minute (LE 16) · minute (bits 0–5, IV bit 7) · hour (0–4, SU bit 7) · day (0–4) +
// weekday (5–7, 1 = Mon … 7 = Sun, 0 unused) · month (0–3) · year − 2000 (0–6). Kept raw; the accessors
// mask the reserved bits. Local time of the pile: convert with the station's zone.
struct Cp56Time2a {
  std::array<uint8_t, 7> bytes{};

  unsigned millis_of_minute() const { return static_cast<unsigned>(bytes[0] | (bytes[1] << 8)); }
  unsigned second() const { return millis_of_minute() / 1000; }
  unsigned millisecond() const { return millis_of_minute() % 1000; }
  unsigned minute() const { return bytes[2] & 0x3F; }
  bool invalid() const { return bytes[2] & 0x80; }
  unsigned hour() const { return bytes[3] & 0x1F; }
  bool summer() const { return bytes[3] & 0x80; }
  unsigned day() const { return bytes[4] & 0x1F; }
  unsigned weekday() const { return bytes[4] >> 5; }
  unsigned month() const { return bytes[5] & 0x0F; }
  unsigned year() const { return 2000u + (bytes[6] & 0x7F); }

  struct Fields {
    int year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
    int weekday = 0;  // 0 = not used, 1 = Monday … 7 = Sunday
    bool summer = false, invalid = false;
  };
  // Years 2000..2127; out-of-range fields are masked, not checked (use from_epoch_ms for real times).
  static Cp56Time2a from_fields(const Fields& f);
  Fields fields() const;
  std::string to_string() const;  // "2020-03-16 17:14:47.000" (+ " SU" / " IV")
  bool is_zero() const {
    return std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
  }
  auto operator<=>(const Cp56Time2a&) const = default;
};

struct Cp56Options {
  bool weekday = false;  // write the day of week (spec sample and most servers write 0)
};

// Epoch ms → local time in the zone. SU is set when the zone observes DST at that instant.
Cp56Time2a cp56_from_epoch_ms(int64_t utc_ms, const zc::TimeZone& zone, Cp56Options options = {});
// Local time in the zone → epoch ms. Errors name the field (month 13, day 31 in April, IV flag set …).
// In a fall-back overlap, SU = 1 picks the summer-time instant and SU = 0 the standard-time one; a time
// inside a spring-forward gap maps to the transition instant.
Result<int64_t> cp56_to_epoch_ms(const Cp56Time2a& t, const zc::TimeZone& zone);
// The same for a fixed UTC offset (minutes east of UTC, e.g. +480 for UTC+8); SU is ignored.
Cp56Time2a cp56_from_epoch_ms(int64_t utc_ms, int utc_offset_minutes, Cp56Options options = {});
Result<int64_t> cp56_to_epoch_ms(const Cp56Time2a& t, int utc_offset_minutes);

}  // namespace zc::ykc
