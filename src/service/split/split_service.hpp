#pragma once
// Profit sharing (分账, STAT-SPLIT; docs/splits.md). A gateway pay order captured at a station whose payment
// configuration has splitting on gets a split order in the settlement's transaction (each receiver
// floor(fee × ratio), the rest stays with the main merchant; ledger revenue → split_pending). The split job
// (run()) sends due splits through the PaymentProvider, reads their results and those of returns; a failed
// attempt is retried with back-off (payment.split_retry_base_ms × 2^(n−1)) up to payment.split_max_attempts,
// then waits for an operator's re-split. Revoke returns every receiver's share (async); a fee refund first
// returns the split proportionally and waits for it, or is refused (409).
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "integrations/payment/payment_provider.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/split_repo.hpp"

namespace zc::split {

struct SplitSettings {
  int64_t max_attempts = 5;
  int64_t retry_base_ms = 60000;
  int64_t refund_wait_ms = 10000;  // a refund waits this long for its returns
};

class SplitService {
 public:
  // Registers the payment service's hooks (on_captured, before_fee_refund).
  SplitService(db::Database& db, payment::PaymentProvider& provider, payment::PaymentService& payments,
               SplitSettings s);

  // One pass of the split job: due splits sent, processing splits and returns read.
  void run(int64_t now);

  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object detail(int64_t id, const Principal& p);
  // failed → pending now (分账). 404 outside the user's scope; 409 when the split is not failed.
  void resplit(int64_t id, const Principal& p);
  // The split of a charging order (the order pages' 分账 action); the order must be in the user's scope.
  void resplit_order(const std::string& order_type, int64_t charge_order_id, const Principal& p);
  // Returns every receiver's remaining share (succeeded splits). Returns how many returns were accepted.
  int64_t revoke(int64_t id, const Principal& p);

 private:
  void create_in(db::Connection& c, const db::payment::PayOrder& p, int64_t fee);
  void return_for_refund(int64_t pay_order_id, int64_t amount, const std::string& op);
  void send(const db::split::SplitOrder& s, int64_t now);
  void read_result(const db::split::SplitOrder& s, int64_t now);
  // Reserves and sends one return; the gateway's refusal is applied and returned as the error text.
  std::optional<int64_t> start_return(const db::split::SplitOrder& s, const db::split::Receiver& r,
                                      int64_t amount, const std::string& reason, const std::string& op,
                                      std::string& error);
  // Reads a processing return's result and applies it; its status afterwards.
  std::string read_return(const db::split::Return& r);
  std::optional<db::split::SplitOrder> in_scope(db::Connection& c, int64_t id, const Principal& p);
  // `attempts`: the attempts made, this one included.
  void attempt_failed(const db::split::SplitOrder& s, int64_t attempts, const std::string& why, int64_t now);

  db::Database& db_;
  payment::PaymentProvider& provider_;
  SplitSettings s_;
};

}  // namespace zc::split
