#pragma once
// E-invoice routes (ORD-INV, APP-5; docs/invoices.md):
//   admin  GET /order/invoice/list, GET /order/invoice/{id}, GET /order/invoice/{id}/pdf,
//          POST /order/car|bike/invoice {orderIds, buyer…} (开票 of the order pages: order:car|bike:invoice),
//          POST /order/invoice/{id}/reissue, POST /order/invoice/{id}/void {reason}
//   app    GET /app/invoices, POST /app/invoices {orderType, orderNos, buyer…}, GET /app/invoices/{id}/pdf
//   test   POST /test/invoice/orders (completed orders to invoice), PUT /test/invoice/sandbox
//          {failurePermille?, callback? 0|1}, GET /test/invoice/stats (testing.enabled only)
#include "http/router.hpp"
#include "integrations/invoice/sandbox_invoice.hpp"
#include "service/invoice/invoice_queries.hpp"
#include "service/invoice/invoice_service.hpp"
#include "storage/database.hpp"

namespace zc::api {

struct InvoiceContext {
  db::Database& db;
  invoice::InvoiceService& service;
  invoice::SandboxInvoiceService* sandbox = nullptr;  // test routes
};

void register_invoice_routes(http::Router& r, InvoiceContext ctx);
void register_invoice_app_routes(http::Router& r, InvoiceContext ctx);
void register_invoice_test_routes(http::Router& r, InvoiceContext ctx);

}  // namespace zc::api
