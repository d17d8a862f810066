#pragma once
// Payment routes (docs/payment.md, docs/api-order.md):
//   public    POST /pay/notify/sandbox                      the gateway's signed notifications
//             GET  /sandbox/pay/{prepayId}                  the sandbox cashier page (HTML)
//             POST /sandbox/pay/{prepayId}/confirm|decline  the payer's choice
//   admin     GET /order/payment/list|{id}|reconciliation, GET /order/refund/list|{id}
//   test      POST /test/payment/prepay|refund|settle       (testing.enabled only; super admin)
#include "http/router.hpp"
#include "integrations/payment/sandbox_gateway.hpp"
#include "service/payment/payment_queries.hpp"
#include "service/payment/payment_service.hpp"
#include "service/split/split_service.hpp"

namespace zc::api {

void register_payment_public_routes(http::Router& r, payment::PaymentService& svc,
                                    payment::SandboxGateway& sandbox);
// STAT-SPLIT (/stat/split/…) and the orders' 分账 (POST /order/{car,bike}/{id}/split); split_routes.cpp.
void register_split_routes(http::Router& r, split::SplitService& svc);
void register_split_test_routes(http::Router& r, split::SplitService& svc, payment::SandboxGateway& sandbox);
void register_payment_admin_routes(http::Router& r, db::Database& db);
void register_payment_test_routes(http::Router& r, db::Database& db, payment::PaymentService& svc,
                                  payment::SandboxGateway& sandbox);
// STAT-SPLIT (/stat/split/…) and the orders' 分账 (POST /order/{car,bike}/{id}/split); split_routes.cpp.
void register_split_routes(http::Router& r, split::SplitService& svc);
void register_split_test_routes(http::Router& r, split::SplitService& svc, payment::SandboxGateway& sandbox);

}  // namespace zc::api
