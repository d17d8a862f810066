#pragma once
// E-bike charging in the driver app (APP-4/5, docs/api-driver.md "E-bike charging"): start (pay a
// prepayment), own order history and live detail, stop. Thin: the rules are in order::BikeOrders.
#include "http/router.hpp"
#include "service/order/bike_orders.hpp"
#include "storage/database.hpp"

namespace zc::api::driver {

void register_bike_order_routes(http::Router& r, db::Database& db, order::BikeOrders& orders);
// testing.enabled only: POST /test/bike/orders/recoverUnstarted {atMs}.
void register_bike_order_test_routes(http::Router& r, order::BikeOrders& orders);

}  // namespace zc::api::driver
