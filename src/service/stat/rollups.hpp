#pragma once
// The statistics roll-ups (docs/api-stat.md "Roll-ups"): per station and local day, and the users'
// session counts, kept up to date by a background job from the change marks the database triggers write
// (migration 0023), and rebuilt for any date range by `zhichong stats rebuild`.
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/timezone.hpp"
#include "storage/database.hpp"

namespace zc::order {
class Sweeper;
}

namespace zc::stat {

// "2026-12-07" → that date; nullopt unless it is a valid date in that exact form.
std::optional<LocalDate> parse_day(const std::string& text);

class Rollups {
 public:
  Rollups(db::Database& db, std::chrono::milliseconds interval);
  ~Rollups();
  void start();
  void stop();
  // Rolls up what changed since the last run (idempotent); returns the station-days recomputed.
  int64_t run_once();
  // Recomputes every station's days from `from` to `to` (local dates "YYYY-MM-DD", inclusive) and every
  // user's session counts; returns the station-days recomputed.
  int64_t rebuild(const std::string& from, const std::string& to);

 private:
  db::Database& db_;
  std::unique_ptr<order::Sweeper> sweeper_;
};

}  // namespace zc::stat
