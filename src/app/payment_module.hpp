#pragma once
// Composition of the payment module: the built-in sandbox gateway behind the PaymentProvider
// interface, the payment service, profit sharing and their routes (public notify + cashier, admin
// ORD-PAY/ORD-REF, test routes when testing.enabled).
#include <string>

#include "core/config.hpp"
#include "http/router.hpp"
#include "integrations/payment/sandbox_gateway.hpp"
#include "service/order/order_common.hpp"
#include "service/payment/payment_service.hpp"
#include "service/split/split_service.hpp"
#include "storage/repositories/sandbox_gateway_repo.hpp"

namespace zc::app {

class PaymentModule {
 public:
  PaymentModule(db::Database& db, const Config& cfg, http::Router& router);
  // The server listens and cfg.app.public_url is resolved: the notify URL is known (payment.notify_base_url,
  // else the public base — the one rule of service/station/public_url.hpp) and the gateway starts sending
  // notifications.
  void listening();
  void stop();
  payment::PaymentService& service() { return service_; }

 private:
  const Config& cfg_;
  std::string notify_base_;  // set in listening(), before any request is served
  db::sandbox::DatabaseBooks sandbox_books_;
  payment::SandboxGateway sandbox_;
  payment::PaymentService service_;
  order::Sweeper housekeeping_;
  split::SplitService splits_;
  order::Sweeper split_job_;  // sends due splits, reads split and return results (docs/splits.md)  // closes
                              // expired unpaid pay orders, sends unsent refunds
};

}  // namespace zc::app
