#pragma once
// The driver's parking (APP-6, docs/api-driver.md "Parking"): a station's spots, reserve, cancel, my
// reservations, my stays and paying their occupancy fee.
#include "http/router.hpp"
#include "service/parking/parking_service.hpp"
#include "storage/database.hpp"

namespace zc::api::driver {

void register_parking_routes(http::Router& r, db::Database& db, parking::ParkingService& parking);

}  // namespace zc::api::driver
