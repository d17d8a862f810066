#pragma once
// Parking (docs/parking.md): ORD-RSV admin routes (GET /order/reservation/list, GET /order/reservation/{id},
// PUT /order/reservation/{id}/end) and, testing.enabled only, the /test/parking/… routes that feed the
// rules as the camera gateway does (plate, lock state) and run the reservation sweep now.
#include "http/router.hpp"
#include "service/parking/parking_service.hpp"

namespace zc::api {

void register_reservation_routes(http::Router& r, parking::ParkingService& parking);
void register_parking_test_routes(http::Router& r, parking::ParkingService& parking);

}  // namespace zc::api
