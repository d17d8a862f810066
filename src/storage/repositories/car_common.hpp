#pragma once
// Shared SQL pieces of the car repositories (CAR-*): the owner columns every car row carries, their
// data scope, and row post-processing (integers stored for booleans and coordinates).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <initializer_list>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::car {

// `providerId, providerName, propertyId, propertyName` of the row aliased `a` (needs owner_join(a)).
std::string owner_select(const std::string& a);
std::string owner_join(const std::string& a);
// stationId, stationName (needs station_join(a): car_station st).
std::string station_select(const std::string& a);
std::string station_join(const std::string& a);
// createBy, createTime, updateBy, updateTime.
std::string audit_select(const std::string& a);

// Data scope of a station row (`a.id` is the station) or of a row that belongs to a station.
ScopeColumns station_scope(const std::string& a);
ScopeColumns child_scope(const std::string& a);

// 0/1 → false/true for the given keys.
void to_bools(boost::json::object& row, std::initializer_list<const char*> keys);
void to_bools(boost::json::array& rows, std::initializer_list<const char*> keys);
// Integer micro-degrees → JSON numbers with ≤ 6 decimals (longitude, latitude).
void to_degrees(boost::json::object& row, std::initializer_list<const char*> keys);

// One row of `spec` by id (`id_expr` = ?), within `scope`.
std::optional<boost::json::object> row_by_id(Connection& c, const ListSpec& spec, const std::string& id_expr,
                                             int64_t id, const DataScope& scope);
// True when `table` (aliased `a`) has a row `id` inside `scope`.
bool exists_in_scope(Connection& c, const std::string& table, const std::string& a, const ScopeColumns& cols,
                     int64_t id, const DataScope& scope);

}  // namespace zc::db::car
