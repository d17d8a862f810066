#pragma once
// User ↔ station binding (SYS-USER "绑定电站") needs to know which stations exist and which a user may
// be bound to. The station tables belong to the car and bike modules, which plug their lookup in here
// at start-up (`station_directories().add(...)`); until then no station exists: options are empty and
// binding any id is refused.
#include <boost/json/array.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "service/system/rules.hpp"
#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::sys {

class StationDirectory {
 public:
  virtual ~StationDirectory() = default;
  // Ids among `ids` that do not exist, are outside the caller's `scope`, or do not belong to the
  // owner of the user being bound (a property user can only be bound to its property's stations).
  virtual std::vector<int64_t> invalid(db::Connection& c, const std::vector<int64_t>& ids,
                                       const Owner& user_owner, const DataScope& scope) = 0;
  // Stations a user of `user_owner` may be bound to, visible to `scope`.
  virtual std::vector<db::station::StationName> options(db::Connection& c, const Owner& user_owner,
                                                        const DataScope& scope) = 0;
};

class StationDirectories {
 public:
  // `type` is "car" or "bike".
  void add(const std::string& type, std::shared_ptr<StationDirectory> dir) {
    std::lock_guard lock(mu_);
    dirs_[type] = std::move(dir);
  }
  std::shared_ptr<StationDirectory> find(const std::string& type) const {
    std::lock_guard lock(mu_);
    auto it = dirs_.find(type);
    return it == dirs_.end() ? nullptr : it->second;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<StationDirectory>> dirs_;
};

// The process-wide registry the station modules register into.
StationDirectories& station_directories();

}  // namespace zc::sys
