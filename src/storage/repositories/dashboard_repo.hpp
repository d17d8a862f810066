#pragma once
// SQL of the home dashboard (HOME-1..4, issue 19; docs/api-stat.md "Dashboard"): counts, the daily roll-ups
// of the recent days, the users with the most sessions (roll-ups, migration 0023), and what is happening now
// — each within the caller's data scope.
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"

namespace zc::db::stat {

struct DashboardCounts {
  int64_t car_stations = 0, car_areas = 0, car_piles = 0;
  int64_t bike_stations = 0, bike_areas = 0, bike_devices = 0;
  int64_t car_orders = 0, bike_orders = 0;
  int64_t members = 0, cards = 0;
};

// One local day's roll-up of a station kind (stat_station_day summed within the scope).
struct DayTotals {
  std::string day;  // "2026-12-01"
  int64_t sessions = 0, energy = 0, charged = 0, refunds = 0;
};

struct TopUser {
  int64_t user_id = 0;
  std::string phone, nickname;
  int64_t car_sessions = 0, bike_sessions = 0;
};

struct LiveFigures {
  int64_t devices = 0, online = 0, charging = 0,
          faulted = 0;  // car piles + e-bike devices; guns/sockets in use
};

class DashboardRepo {
 public:
  explicit DashboardRepo(Connection& c) : c_(c) {}
  DashboardCounts counts(const DataScope& scope);
  // The car ("car") or e-bike ("bike") stations' days from `first` to `last` (local dates) that have a
  // roll-up, oldest first.
  std::vector<DayTotals> days(const std::string& kind, const std::string& first, const std::string& last,
                              const DataScope& scope);
  std::vector<TopUser> top_users(int limit, const DataScope& scope);
  LiveFigures live(const DataScope& scope);

 private:
  int64_t count(const std::string& from, const std::string& alias, const DataScope& scope,
                const std::string& where = "");
  int64_t sessions(const std::string& kind, const DataScope& scope);
  Connection& c_;
};

}  // namespace zc::db::stat
