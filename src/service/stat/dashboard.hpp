#pragma once
// The home dashboard (HOME-1..4; docs/api-stat.md "Dashboard"): counts, the orders of the last 7 and the
// energy of the last 5 days by the station's local day (read from the roll-ups, service/stat/rollups.hpp),
// the top users, and the live figures — all within the caller's data scope.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/repositories/dashboard_repo.hpp"

namespace zc::stat {

// The `days` local dates ending with `today` (oldest first), and the roll-up rows of each kind put on them
// (a row of another date is left out). Pure, unit-tested.
struct DaySeries {
  std::vector<std::string> days;  // "2026-12-01" …
  std::vector<int64_t> count, energy, charged, refunds;
};
std::vector<std::string> day_labels(const std::string& today, int days);
DaySeries series(const std::vector<db::stat::DayTotals>& rows, const std::vector<std::string>& days);

// "13812345678" → "138****5678" (the ranking shows who, not their number).
std::string masked_phone(const std::string& phone);

class DashboardService {
 public:
  explicit DashboardService(db::Database& db) : db_(db) {}
  boost::json::object dashboard(const Principal& p, int64_t now);

 private:
  db::Database& db_;
};

}  // namespace zc::stat
