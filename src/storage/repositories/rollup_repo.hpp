#pragma once
// SQL of the statistics roll-ups (migration 0023; docs/api-stat.md "Roll-ups"): the change marks the
// triggers append, one station's local day recomputed from its orders and fee refunds, the per-user
// session counts of the ranking.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::db::stat {

struct DirtyMark {
  std::string station_type;  // car | bike
  int64_t station_id = 0;
  int64_t at = 0;       // an order's or refund's creation time
  int64_t user_id = 0;  // an order's user (0: none, or a refund)
};

struct StationOwner {
  std::string timezone;
  int64_t provider_id = 0, property_id = 0;
};

class RollupRepo {
 public:
  explicit RollupRepo(Connection& c) : c_(c) {}
  // Serialises the transactions that write roll-ups (PostgreSQL: several nodes, or the job and a rebuild,
  // must not overwrite a newer recomputation with an older one; SQLite writers are serial already).
  void lock();
  // Removes and returns up to `limit` marks (the oldest first); in the caller's transaction, so marks
  // written by transactions that commit later stay for the next run.
  std::vector<DirtyMark> take_marks(int limit);
  std::optional<StationOwner> station(const std::string& type, int64_t id);
  std::vector<int64_t> station_ids(const std::string& type);
  // Recomputes the row of `day` (the station's local date, [from, to) in UTC ms); no row when the day has
  // neither orders nor fee refunds.
  void roll_day(const std::string& type, int64_t station_id, const StationOwner& owner,
                const std::string& day, int64_t from, int64_t to);
  // Recomputes the station's all-days total from its day rows.
  void roll_total(const std::string& type, int64_t station_id, const StationOwner& owner);
  // Recomputes the users' session counts at the station, then their per-property and overall sums.
  void roll_users(const std::string& type, int64_t station_id, const StationOwner& owner,
                  const std::vector<int64_t>& users);
  // Recomputes every user's counts from all orders (the rebuild).
  void rebuild_users();

 private:
  Connection& c_;
};

}  // namespace zc::db::stat
