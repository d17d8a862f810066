#pragma once
// Routes of e-bike charging management (BIKE-*, docs/api-bike.md) and its test-only routes.
#include "http/router.hpp"
#include "service/bike/context.hpp"

namespace zc::api {

void register_bike_routes(http::Router& router, zc::bike::BikeContext ctx);
// PUT /test/bike/socket/state {id, state}: what the device gateway will report (testing.enabled only).
void register_bike_test_routes(http::Router& router, zc::bike::BikeContext ctx);

}  // namespace zc::api

namespace zc::api::bike {
void register_station_routes(http::Router& r, zc::bike::BikeContext ctx);  // stations + areas
void register_device_routes(http::Router& r, zc::bike::BikeContext ctx);   // devices + sockets
void register_tariff_routes(http::Router& r, zc::bike::BikeContext ctx);
}  // namespace zc::api::bike
