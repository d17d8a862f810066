#pragma once
// Payments of charging orders through a PaymentProvider (issue 7; docs/payment.md). The money rules:
//   create_prepay      a pay order for a station with a payment configuration (else 409: the station
//                      cannot take app payments); the provider returns where the payer pays.
//   handle_notification the provider's signed notification: bad signature, unknown order, other merchant
//                      or wrong amount → rejected and logged; a duplicate → acknowledged, applied once.
//                      paid: ledger payer → held.
//   request_refund     reserved in the database first (conditional update: never more than the maximum,
//                      whatever runs concurrently), ledger held|revenue → refunding, then sent to the
//                      provider; its notification completes it (refunding → payer) — or a synchronous
//                      refusal returns the money to its source.
//   settle             settlement of a charging order: min(cost, held) captured (held → revenue), the
//                      rest returned as a prepay_return refund. settle_in does it inside the order's own
//                      transaction (the order's end, the capture and the refund's reservation commit
//                      together); the reserved refund goes to the gateway after the commit, and
//                      send_unsent_refunds sends those a stopped process left unsent.
//   reconcile          the books check (paid = charged + refunded + refunding + held, per pay order).
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order/settlement.hpp"
#include "integrations/payment/payment_provider.hpp"
#include "storage/database.hpp"
#include "storage/repositories/payment_repo.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::payment {

struct PaymentSettings {
  int64_t order_expiry_s = 900;  // an unpaid pay order can be paid for this long
  // The absolute URL of the platform's notify endpoint for the provider (known once the server listens).
  std::function<std::string()> notify_url;
};

struct PrepayInput {
  std::string order_type;  // car | bike | occupancy (a parking stay's fee: charge_order_id = the stay)
  db::station::StationType station_type = db::station::StationType::car;
  int64_t station_id = 0;
  int64_t amount = 0;  // fen
  std::string phone;
  std::optional<int64_t> user_id;
  std::optional<int64_t> charge_order_id;
  std::string description;
};

struct PrepayCreated {
  int64_t id = 0;
  std::string pay_no;
  std::string prepay_id;
  std::string cashier_path;
  std::string pay_type;
  std::string merchant_no;
  int64_t amount = 0;
  int64_t expires_at = 0;
};

struct NotifyOutcome {
  int http_status = 200;  // 200 acknowledged (applied now or before); otherwise rejected
  std::string message;
  bool applied = false;  // changed something now (false for a duplicate)
};

struct RefundInput {
  int64_t pay_order_id = 0;
  int64_t amount = 0;
  std::string refund_type = "fee_refund";  // fee_refund (from revenue) | prepay_return (from held)
  std::string reason;
  std::string op;  // operator user name, "system" for automatic ones
};

struct RefundCreated {
  int64_t id = 0;
  std::string refund_no;
  std::string status;  // pending (sent to the gateway) | failed (refused by it)
  std::string result;
};

struct Settled {
  order::Settlement settlement;
  std::optional<RefundCreated> refund;
};

// A refund reserved in the database, not yet sent to the gateway.
using ReservedRefund = db::payment::RefundToSend;

// What settle_in wrote; send() it after the transaction commits.
struct PendingSettlement {
  order::Settlement settlement;
  std::optional<ReservedRefund> refund;
};

// prefix + UTC ms + 6 random digits: the business numbers (pay P, refund R, split S, split return T), unique
// (their columns are UNIQUE) and sortable by time.
std::string business_no(char prefix);

class PaymentService {
 public:
  PaymentService(db::Database& db, PaymentProvider& provider, PaymentSettings s);

  // The station's merchant (its payment configuration): nullopt when it has none enabled.
  std::optional<Merchant> merchant_of(db::Connection& c, db::station::StationType t, int64_t station_id);

  PrepayCreated create_prepay(const PrepayInput& in);
  NotifyOutcome handle_notification(std::string_view body, std::string_view signature,
                                    const std::string& from_ip);
  RefundCreated request_refund(const RefundInput& in);
  // Several refunds of one decision (an admin refund taken from the stuck prepayment and from the fee):
  // all reserved in one transaction — all or none — then sent one by one.
  std::vector<RefundCreated> request_refunds(const std::vector<RefundInput>& ins);
  void capture(int64_t pay_order_id, int64_t amount);
  Settled settle(int64_t pay_order_id, int64_t cost_fen);
  // Settlement inside the caller's transaction: nothing happens (an empty settlement) when the pay order
  // is not paid or holds nothing — a business state, never an exception that would undo the caller's
  // writes. Call send() after the commit.
  PendingSettlement settle_in(db::Connection& c, int64_t pay_order_id, int64_t cost_fen);
  Settled send(const PendingSettlement& s);
  // Sends the refunds reserved before `before` that never reached the gateway (the process stopped
  // between the commit and the call); the gateway treats a repeated refund number as the same refund.
  // Run periodically (app/payment_module). Returns how many were sent.
  int send_unsent_refunds(int64_t before);
  std::vector<db::payment::ReconcileProblem> reconcile();
  // Closes the unpaid pay orders whose payment window ended before `now` — at the gateway first (a trade
  // the gateway says is paid stays open: its notification is on the way) — and returns how many were
  // closed. Run periodically (app/payment_module); a late payment of a closed order is still applied.
  int close_expired(int64_t now);

  // The payment of `pay_no`, when its notification comes, is applied without calling the on_paid
  // listeners: what a process stopped right after the notification's commit leaves (test routes only).
  void skip_listeners_for(const std::string& pay_no);

  // Called after a payment is applied (once per pay order), outside the transaction: the order service
  // starts the charging session from here.
  void on_paid(std::function<void(const db::payment::PayOrder&)> fn);

  // Profit sharing (service/split, docs/splits.md). `on_captured` runs inside the settlement's transaction
  // after a capture (the split order is written with it); `before_fee_refund` runs before a fee refund is
  // reserved, outside any transaction (it returns the split proportionally or throws ApiError to refuse).
  // Set once at wiring, before requests are served.
  void on_captured(std::function<void(db::Connection&, const db::payment::PayOrder&, int64_t)> fn) {
    on_captured_ = std::move(fn);
  }
  void before_fee_refund(
      std::function<void(int64_t pay_order_id, int64_t amount, const std::string& op)> fn) {
    before_fee_refund_ = std::move(fn);
  }

 private:
  NotifyOutcome apply(const Notification& n, std::string_view body);
  ReservedRefund reserve_refund(db::Connection& c, const RefundInput& in);
  RefundCreated send_refund(const ReservedRefund& r);
  db::Database& db_;
  PaymentProvider& provider_;
  PaymentSettings s_;
  std::mutex listeners_mu_;
  std::vector<std::function<void(const db::payment::PayOrder&)>> on_paid_;
  std::vector<std::string> skip_listeners_;  // pay numbers (test routes only)
  std::function<void(db::Connection&, const db::payment::PayOrder&, int64_t)> on_captured_;
  std::function<void(int64_t, int64_t, const std::string&)> before_fee_refund_;
};

}  // namespace zc::payment
