#pragma once
// The built-in sandbox payment gateway (docs/payment.md). It behaves like a real one and keeps its own
// books (sandbox_* tables): a prepay order gets a cashier page (served by the platform under
// /sandbox/pay/{prepayId}) where the payer confirms or declines; the result, and every refund (completed
// asynchronously after payment.sandbox_refund_delay_ms), is POSTed as a signed notification
// (Zc-Signature: HMAC-SHA256 over the body with the merchant key) to the notify URL given with the
// order, retried with exponential back-off until the platform acknowledges it with HTTP 200
// {"code":"SUCCESS"} or the attempts run out. Notifications are stored before sending, so a restart
// resumes them; several nodes share the work through a claim on each row.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/payment/sandbox_books.hpp"
#include "integrations/payment/payment_provider.hpp"

namespace zc::payment {

struct SandboxSettings {
  std::string secret;             // derives the merchant keys (signature.hpp)
  int64_t refund_delay_ms = 500;  // a refund succeeds this long after it was accepted
  int64_t notify_max_attempts = 10;
  int64_t notify_retry_base_ms = 1000;  // retry n waits base × 2^(n−1), at most notify_retry_max_ms
  int64_t notify_retry_max_ms = 60000;
  int64_t notify_timeout_ms = 5000;  // one POST
  int64_t notify_senders = 8;    // POSTs in flight at once (one slow notify endpoint must not hold the rest)
  int64_t split_delay_ms = 500;  // a split or a return shows its result this long after it was accepted
  int64_t split_failure_percent = 0;  // the share of splits and returns that end failed (0–100)
};

// prefix + 24 random letters and digits: the sandbox's own numbers (prepay, transaction, refund, split).
std::string random_id(const char* prefix);

enum class CashierResult { paid, declined, already_done, expired, not_found };

class SandboxGateway final : public PaymentProvider {
 public:
  SandboxGateway(sandbox::Books& books, SandboxSettings s);  // profit sharing: sandbox_split.cpp
  ~SandboxGateway() override;

  std::string_view name() const override { return "sandbox"; }
  Prepay create_prepay(const PrepayRequest& r) override;
  TradeQuery query(const Merchant& m, const std::string& out_trade_no) override;
  RefundAccepted refund(const RefundRequest& r) override;
  void close(const Merchant& m, const std::string& out_trade_no) override;
  SplitResult split(const SplitRequest& r) override;
  SplitResult query_split(const Merchant& m, const std::string& out_order_no) override;
  SplitResult return_split(const SplitReturnRequest& r) override;
  SplitResult query_return(const Merchant& m, const std::string& out_return_no) override;
  void unfreeze(const Merchant& m, const std::string& out_trade_no, const std::string& out_order_no) override;
  std::optional<Notification> verify_notification(std::string_view body, std::string_view signature,
                                                  std::string& why) const override;

  // The cashier page.
  std::optional<sandbox::GatewayOrder> cashier_order(const std::string& prepay_id);
  CashierResult confirm(const std::string& prepay_id);
  CashierResult decline(const std::string& prepay_id);
  // The cashier's optional `returnUrl` (the page a "返回商户" link leads back to): only a same-origin path
  // of the driver H5 app ("/h5/…", letters, digits and - _ . ~ / ? = & %; no "//", no ".."), else "" —
  // never an open redirect. `cashier_return_query` is "?returnUrl=<percent-encoded>" or "".
  static std::string safe_return_url(std::string_view url);
  static std::string cashier_return_query(std::string_view safe_url);

  std::string merchant_key(std::string_view merchant_no) const;

  // Tests (the /test/ routes only): the next `n` new refund requests are refused as a real gateway refuses
  // one when the merchant's available balance is short — what leaves a prepayment return failed.
  void refuse_next_refunds(int64_t n) { refuse_refunds_ = n; }
  // Tests: the share of new splits and returns that end failed (payment.sandbox_split_failure_rate).
  void set_split_failure_percent(int64_t p) { split_failure_percent_ = p; }

  // The sender thread: completes due refunds and delivers due notifications.
  void start();
  void stop();
  void dispatch_once();  // one pass (the thread's body)

 private:
  void enqueue(sandbox::BooksTx& books, const std::string& merchant_no, const std::string& url,
               const std::string& body);
  void deliver(const sandbox::Outgoing& o);
  void deliver_all(const std::vector<sandbox::Outgoing>& batch);
  int64_t backoff_ms(int64_t attempts) const;

  sandbox::Books& books_;
  SandboxSettings s_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool running_ = false;
  bool wake_ = false;
  std::thread thread_;
  SplitResult sharing_result(const std::string& merchant_no, const char* kind, const std::string& out_no);
  std::string split_outcome();

  std::atomic<int64_t> refuse_refunds_{0};
  std::atomic<int64_t> split_failure_percent_{0};
};

}  // namespace zc::payment
