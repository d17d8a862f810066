#include "service/station/child_rows.hpp"

namespace zc::station {

Placement place_in_area(db::Connection& c, StationType t, int64_t station_id, int64_t area_id,
                        const Principal& p) {
  auto s = station_in_scope(c, t, station_id, p);
  auto a = area_of_station(c, t, area_id, s.id, p);
  require_station_enabled(c, s);
  require_area_enabled(a);
  return {s, a};
}

}  // namespace zc::station
