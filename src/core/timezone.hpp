#pragma once
// Time zones (docs/architecture.md §3, time). Stored times are UTC epoch milliseconds; a station's tariff, "today"
// and daily statistics are evaluated in its IANA zone (default "Asia/Shanghai"). This wraps Howard
// Hinnant's date/tz (Debian libhowardhinnant-date-dev, OS tz database in /usr/share/zoneinfo) behind a
// small value type so no other file sees date/tz.h.
//
// Local → UTC rules (the only places where local time is ambiguous):
//   - a local time inside a DST gap (does not exist, e.g. 02:30 on the spring-forward day in Berlin)
//     maps to the transition instant (the first instant after the gap);
//   - a local time that occurs twice (fall-back) maps to the earlier instant.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace zc {

inline constexpr std::string_view kDefaultTimeZone = "Asia/Shanghai";
inline constexpr int64_t kMsPerMinute = 60'000;
inline constexpr int64_t kMsPerHour = 3'600'000;
inline constexpr int64_t kMsPerDay = 86'400'000;

struct LocalDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const LocalDate&) const = default;
  LocalDate next_day() const;
  std::string to_string() const;  // "2024-03-31"
};

struct LocalDateTime {
  LocalDate date;
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59
  int millisecond = 0;
  auto operator<=>(const LocalDateTime&) const = default;
  int minute_of_day() const { return hour * 60 + minute; }
  std::string to_string() const;  // "2024-03-31 02:30:00"
};

class TimeZone {
 public:
  // The zone named by an IANA id; nullopt when the tz database does not know it.
  static std::optional<TimeZone> find(std::string_view iana_name);
  // Same, but throws std::invalid_argument("时区无效: <name>") for an unknown name.
  static TimeZone get(std::string_view iana_name);
  static TimeZone shanghai() { return get(kDefaultTimeZone); }

  const std::string& name() const { return name_; }
  // UTC offset in force at that instant (incl. DST), in ms: Asia/Shanghai → +8 h.
  int64_t offset_ms(int64_t utc_ms) const;
  LocalDateTime to_local(int64_t utc_ms) const;
  LocalDate local_date(int64_t utc_ms) const { return to_local(utc_ms).date; }
  int64_t to_utc(const LocalDateTime& local) const;  // see the header comment for gaps/overlaps
  int64_t start_of_day(const LocalDate& day) const;  // first instant of that local day
  int64_t next_midnight(int64_t utc_ms) const;       // first instant of the following local day

  bool operator==(const TimeZone& o) const { return name_ == o.name_; }

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;  // owned by the process-wide tz database, never freed
  std::string name_;
};

}  // namespace zc
