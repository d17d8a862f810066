#include "devices/ykc/encoding.hpp"

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "core/timezone.hpp"

namespace zc::ykc {

std::optional<uint16_t> bcd2_value(std::array<uint8_t, 2> b) {
  const auto hi = from_bcd_byte(b[0]), lo = from_bcd_byte(b[1]);
  if (!hi || !lo) return std::nullopt;
  return static_cast<uint16_t>(*hi * 100 + *lo);
}

std::array<uint8_t, 2> bcd2_bytes(uint16_t v) {
  if (v > 9999) throw std::invalid_argument("BCD2 value out of range: " + std::to_string(v));
  return {to_bcd_byte(v / 100u), to_bcd_byte(v % 100u)};
}

std::string format_scaled(int64_t value, int decimals) {
  const bool neg = value < 0;
  uint64_t mag = neg ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string s = std::to_string(mag / scale);
  if (decimals > 0) {
    std::string frac = std::to_string(mag % scale);
    s += '.' + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  }
  return neg ? '-' + s : s;
}

namespace {

// Howard Hinnant's civil-date algorithms (days since 1970-01-01).
constexpr int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
constexpr int days_in_month(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}
// ISO weekday (1 = Monday … 7 = Sunday) of a day count; 1970-01-01 was a Thursday.
constexpr int iso_weekday(int64_t days) {
  const int64_t w = (days % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

Result<int64_t> local_ms(const Cp56Time2a& t) {
  if (t.invalid()) return Error{"invalid", "IV flag set (the pile marks this time as invalid)"};
  if (t.millis_of_minute() > 59'999)
    return Error{"millisecond", std::to_string(t.millis_of_minute()) + " ms of minute > 59999"};
  if (t.minute() > 59) return Error{"minute", std::to_string(t.minute()) + " > 59"};
  if (t.hour() > 23) return Error{"hour", std::to_string(t.hour()) + " > 23"};
  const int y = static_cast<int>(t.year()), m = static_cast<int>(t.month()), d = static_cast<int>(t.day());
  if (m < 1 || m > 12) return Error{"month", std::to_string(m) + " outside 1..12"};
  if (d < 1 || d > days_in_month(y, m))
    return Error{"day", std::to_string(d) + " outside 1.." + std::to_string(days_in_month(y, m))};
  const int64_t days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return days * 86'400'000 + int64_t{t.hour()} * 3'600'000 + int64_t{t.minute()} * 60'000 +
         t.millis_of_minute();
}

Cp56Time2a from_local(const LocalDateTime& l, bool summer, Cp56Options o) {
  Cp56Time2a::Fields f;
  f.year = l.date.year;
  f.month = l.date.month;
  f.day = l.date.day;
  f.hour = l.hour;
  f.minute = l.minute;
  f.second = l.second;
  f.millisecond = l.millisecond;
  f.summer = summer;
  if (o.weekday)
    f.weekday = iso_weekday(
        days_from_civil(l.date.year, static_cast<unsigned>(l.date.month), static_cast<unsigned>(l.date.day)));
  return Cp56Time2a::from_fields(f);
}

LocalDateTime civil_of(int64_t local) {
  const int64_t days = (local >= 0 ? local : local - 86'399'999) / 86'400'000;
  int64_t ms = local - days * 86'400'000;
  // civil_from_days
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  LocalDateTime l;
  l.date = {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
  l.hour = static_cast<int>(ms / 3'600'000);
  ms %= 3'600'000;
  l.minute = static_cast<int>(ms / 60'000);
  ms %= 60'000;
  l.second = static_cast<int>(ms / 1000);
  l.millisecond = static_cast<int>(ms % 1000);
  return l;
}

// Standard (winter) offset of the zone around that instant: the smaller of January's and July's.
int64_t standard_offset_ms(const TimeZone& zone, int64_t utc_ms) {
  const int y = civil_of(utc_ms).date.year;
  const int64_t jan = days_from_civil(y, 1, 15) * 86'400'000, jul = days_from_civil(y, 7, 15) * 86'400'000;
  return std::min(zone.offset_ms(jan), zone.offset_ms(jul));
}

}  // namespace

Cp56Time2a Cp56Time2a::from_fields(const Fields& f) {
  Cp56Time2a t;
  const auto ms = static_cast<unsigned>(f.second * 1000 + f.millisecond);
  t.bytes[0] = static_cast<uint8_t>(ms & 0xFF);
  t.bytes[1] = static_cast<uint8_t>((ms >> 8) & 0xFF);
  t.bytes[2] = static_cast<uint8_t>((f.minute & 0x3F) | (f.invalid ? 0x80 : 0));
  t.bytes[3] = static_cast<uint8_t>((f.hour & 0x1F) | (f.summer ? 0x80 : 0));
  t.bytes[4] = static_cast<uint8_t>((f.day & 0x1F) | ((f.weekday & 0x7) << 5));
  t.bytes[5] = static_cast<uint8_t>(f.month & 0x0F);
  t.bytes[6] = static_cast<uint8_t>((f.year - 2000) & 0x7F);
  return t;
}

Cp56Time2a::Fields Cp56Time2a::fields() const {
  Fields f;
  f.year = static_cast<int>(year());
  f.month = static_cast<int>(month());
  f.day = static_cast<int>(day());
  f.hour = static_cast<int>(hour());
  f.minute = static_cast<int>(minute());
  f.second = static_cast<int>(second());
  f.millisecond = static_cast<int>(millisecond());
  f.weekday = static_cast<int>(weekday());
  f.summer = summer();
  f.invalid = invalid();
  return f;
}

std::string Cp56Time2a::to_string() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u %02u:%02u:%02u.%03u%s%s", year(), month(), day(), hour(),
                minute(), second(), millisecond(), summer() ? " SU" : "", invalid() ? " IV" : "");
  return buf;
}

Cp56Time2a cp56_from_epoch_ms(int64_t utc_ms, const TimeZone& zone, Cp56Options options) {
  const int64_t off = zone.offset_ms(utc_ms);
  return from_local(civil_of(utc_ms + off), off > standard_offset_ms(zone, utc_ms), options);
}

Result<int64_t> cp56_to_epoch_ms(const Cp56Time2a& t, const TimeZone& zone) {
  auto local = local_ms(t);
  if (!local) return local.error();
  const int64_t lm = *local;
  // Every instant whose local time is lm: one normally, two in a fall-back overlap, none in a gap.
  int64_t best = 0;
  int found = 0;
  int64_t best_off = 0;
  std::vector<int64_t> seen;
  for (int64_t probe : {lm - 86'400'000, lm, lm + 86'400'000}) {
    const int64_t off = zone.offset_ms(probe);
    if (std::find(seen.begin(), seen.end(), off) != seen.end()) continue;
    seen.push_back(off);
    const int64_t u = lm - off;
    if (zone.offset_ms(u) != off) continue;
    // SU = 1 → prefer the larger offset (summer time); SU = 0 → the smaller (standard time).
    if (!found || (t.summer() ? off > best_off : off < best_off)) {
      best = u;
      best_off = off;
    }
    ++found;
  }
  if (found) return best;
  LocalDateTime l = civil_of(lm);
  return zone.to_utc(l);  // inside a DST gap: the transition instant
}

Cp56Time2a cp56_from_epoch_ms(int64_t utc_ms, int utc_offset_minutes, Cp56Options options) {
  return from_local(civil_of(utc_ms + int64_t{utc_offset_minutes} * 60'000), false, options);
}

Result<int64_t> cp56_to_epoch_ms(const Cp56Time2a& t, int utc_offset_minutes) {
  auto local = local_ms(t);
  if (!local) return local.error();
  return *local - int64_t{utc_offset_minutes} * 60'000;
}

}  // namespace zc::ykc
