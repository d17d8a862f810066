#pragma once
// The books of the built-in sandbox payment gateway (src/integrations/payment/sandbox_gateway.*): the
// rows it keeps and the operations on them, one transaction at a time. Declared here so the gateway
// depends on this interface and the storage layer implements it (src/storage/repositories/
// sandbox_gateway_repo.*) — integrations never include storage.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace zc::payment::sandbox {

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

// A profit-sharing request the sandbox accepted (kind split | return); its outcome shows after due_at.
struct SharingRecord {
  int64_t id = 0;
  std::string kind, merchant_no, out_no, gateway_id, out_trade_no, out_order_no, account, detail, outcome,
      reason;
  int64_t amount = 0, due_at = 0;
};

struct Outgoing {
  int64_t id = 0;
  std::string merchant_no, url, body;
  int64_t attempts = 0, next_attempt_at = 0;
};

// The operations inside one transaction.
class BooksTx {
 public:
  virtual ~BooksTx() = default;
  virtual void insert_order(const GatewayOrder& o) = 0;
  virtual std::optional<GatewayOrder> order_by_prepay(const std::string& prepay_id) = 0;
  virtual std::optional<GatewayOrder> order_of(const std::string& merchant_no,
                                               const std::string& out_trade_no) = 0;
  // pending and not expired → paid / declined; pending → closed. False when not applicable.
  virtual bool confirm(const std::string& prepay_id, const std::string& transaction_id, int64_t at) = 0;
  virtual bool decline(const std::string& prepay_id, int64_t at) = 0;
  virtual bool close(const std::string& merchant_no, const std::string& out_trade_no) = 0;

  // refunded += amount when the trade is paid and refunded + amount ≤ amount paid.
  virtual bool reserve_refund(int64_t order_id, int64_t amount) = 0;
  virtual void insert_refund(const GatewayRefund& r, int64_t created_at) = 0;
  virtual std::optional<GatewayRefund> refund_of(const std::string& merchant_no,
                                                 const std::string& out_refund_no) = 0;
  virtual std::vector<GatewayRefund> due_refunds(int64_t now, int limit) = 0;
  virtual bool complete_refund(int64_t id, int64_t at) = 0;  // processing → succeeded

  virtual void insert_sharing(const SharingRecord& r, int64_t at) = 0;
  virtual std::optional<SharingRecord> sharing_of(const std::string& merchant_no, const std::string& kind,
                                                  const std::string& out_no) = 0;
  // What the trade's split orders and returns moved so far (split: every split not failed; returned:
  // every return not failed), in fen.
  virtual int64_t shared_of_trade(const std::string& merchant_no, const std::string& out_trade_no) = 0;

  virtual void enqueue(const std::string& merchant_no, const std::string& url, const std::string& body,
                       int64_t at) = 0;
  virtual std::vector<Outgoing> due_notifications(int64_t now, int64_t max_attempts, int limit) = 0;
  // Takes a due row for one sender (several nodes may poll): moves next_attempt_at on if unchanged.
  virtual bool claim(const Outgoing& o, int64_t lease_until) = 0;
  virtual void delivered(int64_t id, int64_t attempts, int64_t at) = 0;
  virtual void attempt_failed(int64_t id, int64_t attempts, int64_t next_at, const std::string& error) = 0;
  virtual int64_t undelivered_count() = 0;
};

// Runs a body in a read or a write transaction (a write may run the body again when the database asks
// for a retry) and returns what the body returns.
class Books {
 public:
  virtual ~Books() = default;
  template <class F>
  auto read(F&& body) {
    return run(false, std::forward<F>(body));
  }
  template <class F>
  auto write(F&& body) {
    return run(true, std::forward<F>(body));
  }

 protected:
  virtual void transact(bool write, const std::function<void(BooksTx&)>& body) = 0;

 private:
  template <class F>
  auto run(bool write, F&& body) {
    using R = std::invoke_result_t<F&, BooksTx&>;
    if constexpr (std::is_void_v<R>) {
      transact(write, [&](BooksTx& tx) { body(tx); });
    } else {
      std::optional<R> out;
      transact(write, [&](BooksTx& tx) { out.emplace(body(tx)); });
      return std::move(*out);
    }
  }
};

}  // namespace zc::payment::sandbox
