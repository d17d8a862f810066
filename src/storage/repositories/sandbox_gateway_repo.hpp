#pragma once
// SQL of the built-in sandbox payment gateway's own books (tables sandbox_gateway_order, _refund,
// sandbox_notification in migrations/0010_orders.sql). Used only by integrations/payment/sandbox_*.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace zc::db::sandbox {

struct GatewayOrder {
  int64_t id = 0;
  std::string prepay_id, merchant_no, out_trade_no, description, notify_url, status, transaction_id;
  int64_t amount = 0, refunded = 0, created_at = 0, expires_at = 0;
  std::optional<int64_t> paid_at;
};

struct GatewayRefund {
  int64_t id = 0;
  std::string refund_id, merchant_no, out_trade_no, out_refund_no, notify_url, status;
  int64_t amount = 0, due_at = 0;
};

struct Outgoing {
  int64_t id = 0;
  std::string merchant_no, url, body;
  int64_t attempts = 0, next_attempt_at = 0;
};

class SandboxRepo {
 public:
  explicit SandboxRepo(Connection& c) : c_(c) {}

  void insert_order(const GatewayOrder& o);
  std::optional<GatewayOrder> order_by_prepay(const std::string& prepay_id);
  std::optional<GatewayOrder> order_of(const std::string& merchant_no, const std::string& out_trade_no);
  // pending and not expired → paid / declined; pending → closed. False when not applicable.
  bool confirm(const std::string& prepay_id, const std::string& transaction_id, int64_t at);
  bool decline(const std::string& prepay_id, int64_t at);
  bool close(const std::string& merchant_no, const std::string& out_trade_no);

  // refunded += amount when the trade is paid and refunded + amount ≤ amount paid.
  bool reserve_refund(int64_t order_id, int64_t amount);
  void insert_refund(const GatewayRefund& r, int64_t created_at);
  std::optional<GatewayRefund> refund_of(const std::string& merchant_no, const std::string& out_refund_no);
  std::vector<GatewayRefund> due_refunds(int64_t now, int limit);
  bool complete_refund(int64_t id, int64_t at);  // processing → succeeded

  void enqueue(const std::string& merchant_no, const std::string& url, const std::string& body, int64_t at);
  std::vector<Outgoing> due_notifications(int64_t now, int64_t max_attempts, int limit);
  // Takes a due row for one sender (several nodes may poll): moves next_attempt_at on if unchanged.
  bool claim(const Outgoing& o, int64_t lease_until);
  void delivered(int64_t id, int64_t attempts, int64_t at);
  void attempt_failed(int64_t id, int64_t attempts, int64_t next_at, const std::string& error);
  // Notifications of a trade (tests and the cashier page show them): body, attempts, delivered.
  int64_t undelivered_count();

 private:
  Connection& c_;
};

}  // namespace zc::db::sandbox
