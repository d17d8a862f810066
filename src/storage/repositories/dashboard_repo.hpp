#pragma once
// SQL of the home dashboard (HOME-1..4, issue 19; docs/api-stat.md "Dashboard"): counts, the orders and
// refunds of a recent window with their station's time zone (the service buckets them by local day), the
// users with the most sessions, and what is happening now — each within the caller's data scope.
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

// One order or refund of the window: when, its station's IANA zone, and (orders) its energy and charge.
struct DatedAmount {
  int64_t at = 0;
  std::string timezone;
  int64_t energy = 0;   // 0.0001 kWh
  int64_t charged = 0;  // fen
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
  // Car ("car") or e-bike ("bike") orders created at or after `since`.
  std::vector<DatedAmount> orders_since(const std::string& kind, int64_t since, const DataScope& scope);
  // Operator refunds of charging fees (退费) created at or after `since`.
  std::vector<DatedAmount> refunds_since(int64_t since, const DataScope& scope);
  std::vector<TopUser> top_users(int limit, const DataScope& scope);
  LiveFigures live(const DataScope& scope);

 private:
  int64_t count(const std::string& from, const std::string& alias, const DataScope& scope,
                const std::string& where = "");
  Connection& c_;
};

}  // namespace zc::db::stat
