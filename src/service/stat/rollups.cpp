#include "service/stat/rollups.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "service/order/order_common.hpp"
#include "storage/repositories/rollup_repo.hpp"

namespace zc::stat {

using db::stat::RollupRepo;
using db::stat::StationOwner;

std::optional<LocalDate> parse_day(const std::string& text) {
  LocalDate d;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3)
    return std::nullopt;
  if (d.to_string() != text) return std::nullopt;
  try {
    if (d.next_day() <= d) return std::nullopt;
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  return d;
}

namespace {

// The stations' zones, looked up once per run (an unknown name counts as Shanghai, as everywhere).
class Zones {
 public:
  const TimeZone& of(const std::string& name) {
    auto it = zones_.find(name);
    if (it == zones_.end()) {
      auto z = TimeZone::find(name);
      it = zones_.emplace(name, z ? *z : TimeZone::shanghai()).first;
    }
    return it->second;
  }

 private:
  std::map<std::string, TimeZone> zones_;
};

// Recomputes the station's `days`, its total and the session counts of `users` there.
int64_t roll_station(RollupRepo& repo, Zones& zones, const std::string& type, int64_t id,
                     const StationOwner& owner, const std::set<LocalDate>& days,
                     const std::set<int64_t>& users) {
  const TimeZone& tz = zones.of(owner.timezone);
  for (const LocalDate& day : days)
    repo.roll_day(type, id, owner, day.to_string(), tz.start_of_day(day), tz.start_of_day(day.next_day()));
  repo.roll_total(type, id, owner);
  repo.roll_users(type, id, owner, {users.begin(), users.end()});
  return static_cast<int64_t>(days.size());
}

constexpr int kMarksPerRun = 1000;  // one transaction's worth of marks (the writer is held meanwhile)

}  // namespace

Rollups::Rollups(db::Database& db, std::chrono::milliseconds interval)
    : db_(db), sweeper_(std::make_unique<order::Sweeper>("stat roll-ups", interval, [this] {
        while (run_once() > 0) {
        }
      })) {}

Rollups::~Rollups() {
  stop();
}

void Rollups::start() {
  sweeper_->start();
}

void Rollups::stop() {
  sweeper_->stop();
}

int64_t Rollups::run_once() {
  return db_.write([&](db::Connection& c) {
    RollupRepo repo(c);
    repo.lock();
    auto marks = repo.take_marks(kMarksPerRun);
    if (marks.empty()) return int64_t{0};
    std::map<std::pair<std::string, int64_t>, std::vector<const db::stat::DirtyMark*>> by_station;
    for (const auto& m : marks) by_station[{m.station_type, m.station_id}].push_back(&m);
    Zones zones;
    int64_t rolled = 0;
    for (const auto& [key, station_marks] : by_station) {
      auto owner = repo.station(key.first, key.second);
      if (!owner) continue;  // a deleted station keeps the rows it had
      const TimeZone& tz = zones.of(owner->timezone);
      std::set<LocalDate> days;
      std::set<int64_t> users;
      for (const auto* m : station_marks) {
        days.insert(tz.local_date(m->at));
        if (m->user_id != 0) users.insert(m->user_id);
      }
      rolled += roll_station(repo, zones, key.first, key.second, *owner, days, users);
    }
    // a run with only marks of deleted stations still took marks: report progress so the caller goes on
    return std::max<int64_t>(rolled, 1);
  });
}

int64_t Rollups::rebuild(const std::string& from, const std::string& to) {
  auto first = parse_day(from), last = parse_day(to);
  if (!first || !last || *last < *first)
    throw std::invalid_argument("--from/--to: two dates YYYY-MM-DD, from ≤ to");
  int64_t rolled = 0;
  Zones zones;
  for (const std::string type : {"car", "bike"}) {
    auto ids = db_.read([&](db::Connection& c) { return RollupRepo(c).station_ids(type); });
    for (int64_t id : ids) {
      rolled += db_.write([&](db::Connection& c) {
        RollupRepo repo(c);
        repo.lock();
        auto owner = repo.station(type, id);
        if (!owner) return int64_t{0};
        const TimeZone& tz = zones.of(owner->timezone);
        int64_t n = 0;
        for (LocalDate d = *first; d <= *last; d = d.next_day(), ++n) {
          const int64_t a = tz.start_of_day(d), b = tz.start_of_day(d.next_day());
          repo.roll_day(type, id, *owner, d.to_string(), a, b);
        }
        repo.roll_total(type, id, *owner);
        return n;
      });
    }
  }
  db_.write([](db::Connection& c) {
    RollupRepo repo(c);
    repo.lock();
    repo.rebuild_users();
  });
  spdlog::info("stat roll-ups rebuilt: {} station-days from {} to {}", rolled, from, to);
  return rolled;
}

}  // namespace zc::stat
