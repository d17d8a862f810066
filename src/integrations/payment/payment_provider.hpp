#pragma once
// What the platform needs from a payment gateway (sandbox now; WeChat Pay v3, LeShua, Suixingpay later).
// The merchant is the station's payment configuration (station_pay_config). Amounts in fen.
// Calls are synchronous requests to the gateway; results that the gateway decides later (payment,
// refund) arrive as signed notifications on the platform's notify endpoint (verify_notification).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zc::payment {

struct Merchant {
  std::string merchant_no;
  std::string pay_type;  // wechat | leshua | suixingpay: the station's enabled method
};

struct PrepayRequest {
  Merchant merchant;
  std::string out_trade_no;  // the platform's pay_no
  int64_t amount = 0;        // fen
  std::string description;
  std::string notify_url;
  int64_t expires_at = 0;  // UTC ms
};

struct Prepay {
  std::string prepay_id;
  std::string cashier_path;  // where the payer pays (sandbox: served by the platform, relative URL)
};

enum class TradeStatus { pending, paid, declined, closed, unknown };
const char* to_string(TradeStatus s);

struct TradeQuery {
  TradeStatus status = TradeStatus::unknown;
  std::string transaction_id;
  int64_t amount = 0;
  int64_t refunded = 0;
  std::optional<int64_t> paid_at;
};

struct RefundRequest {
  Merchant merchant;
  std::string out_trade_no;
  std::string out_refund_no;  // the platform's refund_no
  int64_t amount = 0;
  std::string reason;
  std::string notify_url;
};

struct RefundAccepted {
  std::string refund_id;  // the gateway's refund number
};

// Profit sharing (分账, docs/splits.md), after WeChat Pay v3's profitsharing calls: a split order of a paid
// trade to receivers, a return (回退) of one receiver's share, and the unfreeze of what is not split.
// Accepted synchronously (or refused with GatewayError); the result comes later and is read by query.
struct SplitReceiver {
  std::string type;  // merchant | personal
  std::string account, name;
  int64_t amount = 0;  // fen
};

struct SplitRequest {
  Merchant merchant;
  std::string out_trade_no;  // the pay order's pay_no
  std::string transaction_id;
  std::string out_order_no;  // the platform's split number (one per attempt)
  std::vector<SplitReceiver> receivers;
  bool unfreeze_unsplit = true;  // the rest of the trade goes to the main merchant
};

struct SplitReturnRequest {
  Merchant merchant;
  std::string out_order_no;  // the split it returns from
  std::string out_return_no;
  std::string return_account;  // the receiver that gives the money back
  int64_t amount = 0;
  std::string description;
};

enum class SplitStatus { processing, succeeded, failed, unknown };

struct SplitResult {
  SplitStatus status = SplitStatus::unknown;
  std::string gateway_id;  // the gateway's order (or return) number
  std::string reason;      // why it failed
};

enum class NotificationKind { payment_succeeded, payment_declined, refund_succeeded };

struct Notification {
  NotificationKind kind = NotificationKind::payment_succeeded;
  std::string id;  // the gateway's notification id
  std::string merchant_no, out_trade_no, out_refund_no, transaction_id, refund_id;
  int64_t amount = 0;
  int64_t time = 0;
};

// A synchronous refusal by the gateway (unknown trade, refund over the paid amount, closed trade …).
class GatewayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string_view name() const = 0;
  virtual Prepay create_prepay(const PrepayRequest& r) = 0;
  virtual TradeQuery query(const Merchant& m, const std::string& out_trade_no) = 0;
  virtual RefundAccepted refund(const RefundRequest& r) = 0;
  virtual void close(const Merchant& m, const std::string& out_trade_no) = 0;
  virtual SplitResult split(const SplitRequest& r) = 0;
  virtual SplitResult query_split(const Merchant& m, const std::string& out_order_no) = 0;
  virtual SplitResult return_split(const SplitReturnRequest& r) = 0;
  virtual SplitResult query_return(const Merchant& m, const std::string& out_return_no) = 0;
  // A trade of a splitting station that is not split (nothing to share): its frozen money is released.
  virtual void unfreeze(const Merchant& m, const std::string& out_trade_no,
                        const std::string& out_order_no) = 0;
  // Authenticates and parses a notification (raw body + signature header). nullopt with `why` set when
  // it is not authentic or not understood.
  virtual std::optional<Notification> verify_notification(std::string_view body, std::string_view signature,
                                                          std::string& why) const = 0;
};

}  // namespace zc::payment
