#pragma once
// The admin actions of the order pages (ORD-CAR, ORD-BIKE; docs/api-order.md):
//   end     for the states the spec lists (car: starting/charging/stopping/suspended/abnormal; e-bike:
//           charging/suspended/abnormal) through the order service's OrderEnder; 503 while no order
//           service is wired for the kind.
//   refund  a completed/finished order with a fee: max = paid − already refunded (= what the pay order
//           still holds as revenue); a custom amount ≤ max; sent as a fee_refund through the payment
//           service, whose conditional update is the guard against concurrent refunds, and whose
//           transaction also rewrites the order's refunded figure (PaymentRepo::sync_order_refunded).
// Both: 404 when the order does not exist or is outside the user's data scope.
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "service/order/order_actions.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"
#include "storage/repositories/order_query_repo.hpp"

namespace zc::order {

using db::orders::OrderKind;

struct AdminRefundInput {
  std::optional<int64_t> amount;  // fen; absent = the maximum
  std::string reason;
};

// What the end did (the route builds the JSON).
struct AdminEnded {
  int64_t id = 0;
  std::string order_no;
  EndResult result;
};

// The refund(s) an admin refund requested: the held money first (prepay_return), then the fee
// (fee_refund). `last`: the last one's id and number, with the status and result of the last one the
// gateway refused, if any.
struct AdminRefunded {
  struct Part {
    payment::RefundCreated created;
    std::string refund_type;
    int64_t amount = 0;
  };
  int64_t amount = 0;  // fen, all parts
  std::vector<Part> parts;
  payment::RefundCreated last;
};

class OrderAdminActions {
 public:
  OrderAdminActions(db::Database& db, payment::PaymentService& payments, OrderEnder* car, OrderEnder* bike)
      : db_(db), payments_(payments), car_(car), bike_(bike) {}

  AdminEnded end(OrderKind k, int64_t id, std::optional<int64_t> duration_s, const std::string& reason,
                 const Principal& p);
  AdminRefunded refund(OrderKind k, int64_t id, const AdminRefundInput& in, const Principal& p);

 private:
  AdminRefunded refund_to_card(OrderKind k, const db::orders::OrderRef& o, const AdminRefundInput& in);
  db::Database& db_;
  payment::PaymentService& payments_;
  OrderEnder* car_;
  OrderEnder* bike_;
};

}  // namespace zc::order
