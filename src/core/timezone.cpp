#include "core/timezone.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace zc {
namespace {

using Ms = std::chrono::milliseconds;

date::year_month_day to_ymd(const LocalDate& d) {
  return date::year{d.year} / date::month{static_cast<unsigned>(d.month)} /
         date::day{static_cast<unsigned>(d.day)};
}

LocalDate from_ymd(const date::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

LocalDate LocalDate::next_day() const {
  date::year_month_day ymd = to_ymd(*this);
  if (!ymd.ok()) throw std::invalid_argument("日期无效: " + to_string());
  return from_ymd(date::year_month_day{date::sys_days{ymd} + date::days{1}});
}

std::string LocalDate::to_string() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string LocalDateTime::to_string() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", date.to_string().c_str(), hour, minute, second);
  return buf;
}

std::optional<TimeZone> TimeZone::find(std::string_view iana_name) {
  if (iana_name.empty()) return std::nullopt;
  try {
    const date::time_zone* z = date::locate_zone(iana_name);
    if (!z) return std::nullopt;
    return TimeZone(z, std::string(z->name()));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

TimeZone TimeZone::get(std::string_view iana_name) {
  if (auto tz = find(iana_name)) return *tz;
  throw std::invalid_argument("时区无效: " + std::string(iana_name));
}

int64_t TimeZone::offset_ms(int64_t utc_ms) const {
  date::sys_time<Ms> t{Ms{utc_ms}};
  return std::chrono::duration_cast<Ms>(zone_->get_info(t).offset).count();
}

LocalDateTime TimeZone::to_local(int64_t utc_ms) const {
  date::local_time<Ms> lt{Ms{utc_ms + offset_ms(utc_ms)}};
  auto day = date::floor<date::days>(lt);
  date::hh_mm_ss<Ms> tod{lt - day};
  LocalDateTime r;
  r.date = from_ymd(date::year_month_day{day});
  r.hour = static_cast<int>(tod.hours().count());
  r.minute = static_cast<int>(tod.minutes().count());
  r.second = static_cast<int>(tod.seconds().count());
  r.millisecond = static_cast<int>(tod.subseconds().count());
  return r;
}

int64_t TimeZone::to_utc(const LocalDateTime& l) const {
  date::year_month_day ymd = to_ymd(l.date);
  if (!ymd.ok() || l.hour < 0 || l.hour > 23 || l.minute < 0 || l.minute > 59 || l.second < 0 ||
      l.second > 59 || l.millisecond < 0 || l.millisecond > 999) {
    throw std::invalid_argument("本地时间无效: " + l.to_string());
  }
  date::local_time<Ms> lt = date::local_days{ymd} + std::chrono::hours{l.hour} +
                            std::chrono::minutes{l.minute} + std::chrono::seconds{l.second} +
                            Ms{l.millisecond};
  date::local_info info = zone_->get_info(lt);
  switch (info.result) {
    case date::local_info::nonexistent:  // inside a DST gap: the transition instant
      return std::chrono::duration_cast<Ms>(info.first.end.time_since_epoch()).count();
    case date::local_info::ambiguous:  // occurs twice: the earlier instant (offset before the change)
    case date::local_info::unique:
    default:
      return (lt.time_since_epoch() - std::chrono::duration_cast<Ms>(info.first.offset)).count();
  }
}

int64_t TimeZone::start_of_day(const LocalDate& day) const {
  return to_utc(LocalDateTime{day});
}

int64_t TimeZone::next_midnight(int64_t utc_ms) const {
  return start_of_day(local_date(utc_ms).next_day());
}

}  // namespace zc
