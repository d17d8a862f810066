#pragma once
// "The area has a tariff in force" as SQL, for the queries over many areas: the marks of the admin pile,
// gun, device and socket lists and the driver app's availability and free counts. The same rule as the
// services' lookups (car::TariffService, db::bike::TariffRepo::in_force_of_area):
//   car     the area's tariff is enabled and one of its versions has effective_from ≤ now — i.e. the
//           domain's version_in_force finds a version (src/domain/tariff/car_tariff.hpp); the SQL binds
//           one `?` = now (epoch ms of the business clock, core/clock.hpp);
//   e-bike  the area has an enabled tariff (e-bike tariffs have no versions: in force once saved).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db {

// A boolean SQL expression over the area id column `area_col` (a column reference, never input). The car
// expression has one `?` for now.
std::string tariff_in_force_sql(station::StationType type, std::string_view area_col);

// Which of `area_ids` have a tariff in force at `now_ms` (one query; `now_ms` is ignored for e-bike).
std::set<int64_t> areas_with_tariff_in_force(Connection& c, station::StationType type,
                                             const std::vector<int64_t>& area_ids, int64_t now_ms);

}  // namespace zc::db
