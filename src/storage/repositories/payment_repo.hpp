#pragma once
// SQL of payments (ORD-PAY), refunds (ORD-REF) and the money ledger (schema: migrations/0010_orders.sql).
// Every change of money is a conditional UPDATE whose WHERE re-checks the bound it must keep, so two
// requests racing on one pay order can never both pass it (no application mutex; works across nodes).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::payment {

struct PayOrder {
  int64_t id = 0;
  std::string pay_no;
  std::string order_type;  // car | bike
  std::optional<int64_t> charge_order_id;
  std::string station_type;  // car | bike
  int64_t station_id = 0, provider_id = 0, property_id = 0;
  std::optional<int64_t> user_id;
  std::string phone, pay_type, provider, merchant_no, description;
  int64_t amount = 0;
  std::string status;  // unpaid | paid | failed | closed
  int64_t paid_amount = 0, captured = 0, refunded_amount = 0, refund_pending = 0;
  std::string gateway_prepay_id, gateway_txn_no;
  int64_t created_at = 0, expires_at = 0;
  std::optional<int64_t> paid_at;
  int64_t held() const { return paid_amount - captured - refunded_amount - refund_pending; }
};

struct Refund {
  int64_t id = 0;
  std::string refund_no;
  int64_t pay_order_id = 0;
  std::string pay_no, refund_type, source, status, reason, op, gateway_refund_no;
  int64_t amount = 0;
  int64_t created_at = 0;
};

// Ledger accounts (see the migration) and refund sources.
inline constexpr const char* kPayer = "payer";
inline constexpr const char* kHeld = "held";
inline constexpr const char* kRefunding = "refunding";
inline constexpr const char* kRevenue = "revenue";

struct Posting {
  std::string account;
  int64_t amount = 0;  // signed; the postings of one movement sum to 0
};

// A refund with its pay order: what the gateway needs to be asked for it.
struct RefundToSend {
  Refund refund;
  PayOrder pay_order;
};

struct ReconcileProblem {
  int64_t pay_order_id = 0;
  std::string pay_no;
  std::string problem;
};

class PaymentRepo {
 public:
  explicit PaymentRepo(Connection& c) : c_(c) {}

  int64_t insert_pay_order(const PayOrder& p);  // id, pay_no … from p; returns the id
  void set_prepay_id(int64_t id, const std::string& prepay_id);
  std::optional<PayOrder> find(int64_t id);
  std::optional<PayOrder> find_by_no(const std::string& pay_no);

  // unpaid|closed → paid with paid_amount = amount. False when it was already paid/failed (applied once).
  bool mark_paid(int64_t id, const std::string& txn_no, const std::string& notify_body, int64_t at);
  // unpaid → failed (declined at the cashier). False otherwise.
  bool mark_failed(int64_t id, const std::string& notify_body, int64_t at);
  bool mark_closed(int64_t id, int64_t at);  // unpaid → closed
  // Paid pay orders of the driver app's start requests (`order_type` car: car_prepay, bike:
  // bike_order_request) that still hold money and have no charging order, paid in [since, before): the
  // start that follows a payment never happened (the process stopped in between). Oldest first.
  std::vector<PayOrder> paid_without_order(const std::string& order_type, int64_t since, int64_t before,
                                           int64_t limit);
  // Unpaid pay orders whose payment window ended before `now`, oldest first.
  std::vector<PayOrder> expired_unpaid(int64_t now, int64_t limit);

  // held → revenue by `amount` when at least that much is held. False otherwise.
  bool capture(int64_t id, int64_t amount, int64_t at);
  // Reserves a refund from `source` (kHeld or kRevenue): refund_pending += amount when the source still
  // has it (held: paid − captured − refunded − pending ≥ amount; revenue: captured − split_amount ≥ amount —
  // a split is returned first, docs/splits.md — and it leaves revenue now). False when that would exceed the
  // maximum — the guard against concurrent refunds.
  bool reserve_refund(int64_t id, const std::string& source, int64_t amount, int64_t at);

  int64_t insert_refund(const Refund& r, const PayOrder& p);
  std::optional<Refund> find_refund(int64_t id);
  std::optional<Refund> find_refund_by_no(const std::string& refund_no);
  void set_refund_gateway_no(int64_t refund_id, const std::string& gateway_refund_no);
  // Pending refunds created before `before` that the gateway never acknowledged (no gateway number),
  // oldest first.
  std::vector<RefundToSend> unsent_refunds(int64_t before, int64_t limit);
  // pending → succeeded, pending moves into refunded on the pay order. False when not pending (applied once).
  bool complete_refund(const Refund& r, const std::string& gateway_refund_no, const std::string& body,
                       int64_t at);
  // pending → failed; the reserved amount goes back to its source. False when not pending.
  bool fail_refund(const Refund& r, const std::string& result, int64_t at);
  // The charging order this pay order paid (car_charge_order / bike_charge_order by pay_order_id) gets
  // refunded = its refunds that have not failed (pending or succeeded). Called in the transaction that
  // adds or fails a refund, so the order's figure never disagrees with pay_refund.
  void sync_order_refunded(const PayOrder& p);

  // One movement: rows (txn_no, account) are unique, so a movement can never be posted twice.
  void post(const std::string& txn_no, const std::string& kind, const PayOrder& p,
            std::optional<int64_t> refund_id, const std::vector<Posting>& postings, int64_t at);

  // Books that do not balance: movements not summing to 0, pay orders whose columns disagree with the
  // ledger or break paid = captured + refunded + pending + held (held ≥ 0). Empty = reconciled.
  std::vector<ReconcileProblem> reconcile();

  boost::json::array ledger_of(int64_t pay_order_id);
  boost::json::array refunds_of(int64_t pay_order_id);

 private:
  Connection& c_;
};

// SQL pieces of rows carrying order_type/charge_order_id and station_type/station_id (alias `a`): the
// scope of rows that mix car and bike stations, the station's name, the charging order's number.
ScopeColumns mixed_station_scope(const std::string& a);
std::string station_name(const std::string& a);
std::string charge_order_no(const std::string& a);

// Admin lists (ORD-PAY, ORD-REF) with their filters and data scope; details by id.
ListSpec pay_order_list_spec();
ListSpec refund_list_spec();

}  // namespace zc::db::payment
