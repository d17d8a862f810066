#pragma once
// SQL of the plate whitelist (MEM-WL) and the car stations each plate is bound to (migration 0021).
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::member {

struct WhitelistRec {
  int64_t id = 0, provider_id = 0, property_id = 0, status = 0;
  std::string plate;
};

class WhitelistRepo {
 public:
  explicit WhitelistRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);  // + stationIds, stations
  std::optional<WhitelistRec> find(int64_t id, const DataScope& scope);
  bool plate_listed(int64_t property_id, const std::string& plate, int64_t except_id);
  int64_t insert(int64_t provider_id, int64_t property_id, const std::string& plate,
                 const std::string& remark, const std::vector<int64_t>& station_ids, const std::string& by,
                 int64_t now);
  void update(int64_t id, const std::string& remark, const std::vector<int64_t>& station_ids,
              const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  void remove(int64_t id);
  // Whether `plate` is enabled on the whitelist of car station `station_id` (the parking rules ask).
  bool admits(const std::string& plate, int64_t station_id);
  std::vector<int64_t> stations_of(int64_t id);
  // The enabled plates of car station `station_id` (what its cameras' local lists hold).
  std::vector<std::string> plates_of_station(int64_t station_id);

 private:
  void write_stations(int64_t id, const std::vector<int64_t>& station_ids);
  Connection& c_;
};

}  // namespace zc::db::member
