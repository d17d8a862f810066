#pragma once
// Shared by the car handlers: DTO helpers (booleans, coordinates, filter bodies) and binary responses.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "api/admin/system/common.hpp"
#include "http/router.hpp"
#include "service/car/context.hpp"

namespace zc::api::car {

using system::id_data;
using system::required_id;
using system::rows;
using system::text;

// true/false or 0/1; absent/null → `def`.
bool opt_bool(const JsonBody& b, std::string_view key, bool def = false);
// A JSON number (or numeric string) of degrees → micro-degrees; absent/null/"" → nullopt.
std::optional<int64_t> opt_micro_degrees(const JsonBody& b, std::string_view key);
// An optional integer with a default.
int64_t int_or(const JsonBody& b, std::string_view key, int64_t def);
// An array of integers (`prepayValues`); 400 naming the field otherwise.
std::vector<int64_t> int_list(const JsonBody& b, std::string_view key);
// A list-filter JSON body (QR exports) as query parameters: strings and numbers, others ignored.
QueryParams filters_of(const JsonBody& b);

http::Response png(std::string bytes, const std::string& file_name);

void register_station_routes(http::Router& r, zc::car::CarContext ctx);
void register_asset_routes(http::Router& r, zc::car::CarContext ctx);
void register_tariff_routes(http::Router& r, zc::car::CarContext ctx);

}  // namespace zc::api::car
