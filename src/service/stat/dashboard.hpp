#pragma once
// The home dashboard (HOME-1..4; docs/api-stat.md "Dashboard"): counts, the orders of the last 7 and the
// energy of the last 5 days by the station's local day, the top users, and the live figures — all within
// the caller's data scope.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/repositories/dashboard_repo.hpp"

namespace zc::stat {

// Per-day series over the `days` local dates ending with `today` (oldest first): each entry counted under
// its station's local date (entries outside the range are left out). Pure, unit-tested.
struct DaySeries {
  std::vector<std::string> days;  // "2026-12-01" …
  std::vector<int64_t> count, energy, charged;
};
DaySeries by_local_day(const std::vector<db::stat::DatedAmount>& rows, const std::string& today, int days);

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
