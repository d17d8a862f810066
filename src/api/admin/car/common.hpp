#pragma once
// Shared by the car handlers: the station modules' DTO helpers and the car route registrations.
#include "api/admin/station/common.hpp"
#include "api/admin/system/common.hpp"
#include "http/router.hpp"
#include "service/car/context.hpp"

namespace zc::api::car {

using system::id_data;
using system::required_id;
using system::rows;
using system::text;

// DTO helpers and binary responses shared by every station module (api/admin/station/common.hpp).
using station::filters_of;
using station::int_list;
using station::int_or;
using station::job_data;
using station::opt_bool;
using station::opt_micro_degrees;
using station::png;

void register_station_routes(http::Router& r, zc::car::CarContext ctx);
void register_asset_routes(http::Router& r, zc::car::CarContext ctx);
void register_tariff_routes(http::Router& r, zc::car::CarContext ctx);

}  // namespace zc::api::car
