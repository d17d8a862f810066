#pragma once
// Shared SQL pieces of the car repositories (CAR-*): the station modules' helpers (owner and audit
// columns, data scope, row post-processing: db::station, type car) and the car station columns.
#include <string>

#include "storage/list_query.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::car {

using station::audit_select;
using station::exists_in_scope;
using station::owner_join;
using station::owner_select;
using station::row_by_id;
using station::to_bools;
using station::to_degrees;

// stationId, stationName (needs station_join(a): car_station st).
std::string station_select(const std::string& a);
std::string station_join(const std::string& a);

// Data scope of a car station row (`a.id` is the station) or of a row that belongs to a car station.
inline ScopeColumns station_scope(const std::string& a) {
  return station::station_scope(station::StationType::car, a);
}
inline ScopeColumns child_scope(const std::string& a) {
  return station::child_scope(station::StationType::car, a);
}

}  // namespace zc::db::car
