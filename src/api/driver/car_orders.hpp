#pragma once
// APP-4/5 car charging (docs/api-driver.md "Car charging"): POST /app/car/orders, GET /app/car/orders,
// GET /app/car/orders/{orderNo}, POST /app/car/orders/{orderNo}/stop. Thin: the driver from
// require_app_user, the body parsed, the use case in order::CarOrders (a driver sees only own orders).
#include "http/router.hpp"
#include "service/order/car_orders.hpp"
#include "storage/database.hpp"

namespace zc::api::driver {

void register_car_order_routes(http::Router& r, db::Database& db, order::CarOrders& orders);
// testing.enabled only: POST /test/car/orders/{orderNo}/end — the OrderEnder path without the admin pages.
void register_car_order_test_routes(http::Router& r, db::Database& db, order::CarOrders& orders);

}  // namespace zc::api::driver
