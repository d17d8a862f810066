#pragma once
// SQL of the built-in sandbox payment gateway's own books (the interface: domain/payment/sandbox_books.hpp)
// (tables sandbox_gateway_order, _refund, sandbox_notification in migrations/0010_orders.sql;
// sandbox_profit_sharing in 0028_splits.sql). Used only by
// integrations/payment/sandbox_*.
#include <optional>
#include <string>
#include <vector>

#include "domain/payment/sandbox_books.hpp"
#include "storage/database.hpp"

namespace zc::db::sandbox {

using zc::payment::sandbox::GatewayOrder;
using zc::payment::sandbox::GatewayRefund;
using zc::payment::sandbox::Outgoing;
using zc::payment::sandbox::SharingRecord;

class SandboxRepo final : public zc::payment::sandbox::BooksTx {
 public:
  explicit SandboxRepo(Connection& c) : c_(c) {}

  void insert_order(const GatewayOrder& o) override;
  std::optional<GatewayOrder> order_by_prepay(const std::string& prepay_id) override;
  std::optional<GatewayOrder> order_of(const std::string& merchant_no,
                                       const std::string& out_trade_no) override;
  // pending and not expired → paid / declined; pending → closed. False when not applicable.
  bool confirm(const std::string& prepay_id, const std::string& transaction_id, int64_t at) override;
  bool decline(const std::string& prepay_id, int64_t at) override;
  bool close(const std::string& merchant_no, const std::string& out_trade_no) override;

  // refunded += amount when the trade is paid and refunded + amount ≤ amount paid.
  bool reserve_refund(int64_t order_id, int64_t amount) override;
  void insert_refund(const GatewayRefund& r, int64_t created_at) override;
  std::optional<GatewayRefund> refund_of(const std::string& merchant_no,
                                         const std::string& out_refund_no) override;
  std::vector<GatewayRefund> due_refunds(int64_t now, int limit) override;
  bool complete_refund(int64_t id, int64_t at) override;  // processing → succeeded

  void insert_sharing(const SharingRecord& r, int64_t at) override;
  std::optional<SharingRecord> sharing_of(const std::string& merchant_no, const std::string& kind,
                                          const std::string& out_no) override;
  int64_t shared_of_trade(const std::string& merchant_no, const std::string& out_trade_no) override;

  void enqueue(const std::string& merchant_no, const std::string& url, const std::string& body,
               int64_t at) override;
  std::vector<Outgoing> due_notifications(int64_t now, int64_t max_attempts, int limit) override;
  // Takes a due row for one sender (several nodes may poll): moves next_attempt_at on if unchanged.
  bool claim(const Outgoing& o, int64_t lease_until) override;
  void delivered(int64_t id, int64_t attempts, int64_t at) override;
  void attempt_failed(int64_t id, int64_t attempts, int64_t next_at, const std::string& error) override;
  // Notifications of a trade (tests and the cashier page show them): body, attempts, delivered.
  int64_t undelivered_count() override;

 private:
  Connection& c_;
};

// The books in the platform's database.
class DatabaseBooks final : public zc::payment::sandbox::Books {
 public:
  explicit DatabaseBooks(Database& db) : db_(db) {}

 protected:
  void transact(bool write, const std::function<void(zc::payment::sandbox::BooksTx&)>& body) override;

 private:
  Database& db_;
};

}  // namespace zc::db::sandbox
