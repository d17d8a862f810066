#pragma once
// SQL of car tariffs (CAR-TARIFF): one tariff per area and its versions (each create/edit appends one),
// and the app-visibility query (what the driver app may show, see service/car/visibility.hpp).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/car_asset.hpp"
#include "storage/repositories/station_child.hpp"

namespace zc::db::car {

struct TariffRec {
  int64_t id = 0, station_id = 0, area_id = 0;
  std::string name, mode, prepay_json;
  int64_t status = 0;
};

struct VersionRec {
  int64_t id = 0, tariff_id = 0, seq = 0, effective_from = 0;
  std::string mode, definition, created_by;
  int64_t created_at = 0;
};

class TariffRepo : public station::ChildRows {
 public:
  explicit TariffRepo(Connection& c);
  std::optional<TariffRec> find(int64_t id);
  std::optional<int64_t> of_area(int64_t area_id);
  int64_t insert(const Owned& o, int64_t area_id, const std::string& name, const std::string& mode,
                 const std::string& prepay_json, const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const std::string& mode, const std::string& by,
              int64_t now);
  void set_prepay(int64_t id, const std::string& prepay_json, const std::string& by, int64_t now);
  std::vector<VersionRec> versions(int64_t tariff_id);  // by seq
  // The tariffs of these areas and all their versions, two queries (the app's station list).
  std::vector<TariffRec> of_areas(const std::vector<int64_t>& area_ids);
  std::vector<VersionRec> versions_of(const std::vector<int64_t>& tariff_ids);  // by tariff, seq
  int64_t add_version(int64_t tariff_id, int64_t effective_from, const std::string& mode,
                      const std::string& definition, const std::string& by, int64_t now);
};

// One row per gun (or per pile / area / station without children) of the stations the app may show.
struct VisibilityRow {
  int64_t station_id = 0;
  std::string station_name, station_address;
  int64_t area_id = 0;  // 0 = the station has no enabled area
  std::string area_name;
  int64_t pile_id = 0;
  std::string pile_code, pile_name;
  int64_t pile_status = 0;
  int64_t gun_id = 0;
  std::string gun_code;
  int64_t gun_no = 0;
  std::string gun_state;
  int64_t gun_status = 0;
};

// Approved + enabled stations of enabled providers/properties, their enabled areas, every pile of those
// areas and every gun of those piles; `station_id` narrows to one station.
std::vector<VisibilityRow> visibility_rows(Connection& c, std::optional<int64_t> station_id);

}  // namespace zc::db::car
