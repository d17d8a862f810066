#pragma once
// Areas of both station kinds (CAR-AREA, BIKE-AREA): one service parameterised by the station type over
// db::station::AreaRepo. The car area's rated power is checked only for car areas.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_area.hpp"

namespace zc::station {

using db::station::AreaFields;
using db::station::AreaRec;

class AreaService {
 public:
  AreaService(db::Database& db, db::station::StationType type, const Clock& clock)
      : db_(db), type_(type), clock_(clock) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  std::vector<db::station::AreaOption> options(std::optional<int64_t> station_id, bool enabled_only,
                                               const Principal& p);
  int64_t create(int64_t station_id, const AreaFields& f, const Principal& p);
  void update(int64_t id, const AreaFields& f, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  // 409 while the area has devices or tariffs, or when it is its station's default area.
  void remove(int64_t id, const Principal& p);

 private:
  db::Database& db_;
  db::station::StationType type_;
  const Clock& clock_;
};

// The area `area_id` inside the scope that belongs to `station_id` (404 / 400 naming areaId otherwise).
AreaRec area_of_station(db::Connection& c, db::station::StationType type, int64_t area_id, int64_t station_id,
                        const Principal& p);
// 409 when the area is disabled (adding children under it).
void require_area_enabled(const AreaRec& a);

}  // namespace zc::station
