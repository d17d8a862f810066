#pragma once
// Admin order routes (docs/api-order.md):
//   ORD-CAR  GET /order/car/list, GET /order/car/{id}, POST /order/car/{id}/end, POST /order/car/{id}/refund,
//            POST /order/car/export
//   ORD-BIKE the same under /order/bike (end takes an optional custom duration)
//   ORD-PAY  POST /order/payment/export;  ORD-REF POST /order/refund/export
//   device records  GET /order/record/list, GET /order/record/{id}, PUT /order/record/{id}/review
// (the ORD-PAY/ORD-REF lists and details are api/payment/admin_routes.cpp).
#include "http/router.hpp"
#include "service/export/export_jobs.hpp"
#include "service/order/order_actions.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"

namespace zc::api {

struct OrderAdminContext {
  db::Database& db;
  exports::ExportJobs& exports;
  payment::PaymentService& payments;
  // The order services' end action; nullptr while a kind has no order service (end answers 503).
  order::OrderEnder* car_ender = nullptr;
  order::OrderEnder* bike_ender = nullptr;
};

void register_order_admin_routes(http::Router& r, OrderAdminContext ctx);
// The devices' transaction records (record_routes.cpp); registered by register_order_admin_routes.
void register_device_record_routes(http::Router& r, db::Database& db);

}  // namespace zc::api
