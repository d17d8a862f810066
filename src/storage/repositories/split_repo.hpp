#pragma once
// SQL of profit sharing (STAT-SPLIT; schema: migrations/0028_splits.sql, docs/splits.md). Every change of
// state is a conditional UPDATE on the state it leaves, so the split job, an operator and a refund racing
// on one split apply once.
#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::split {

struct Receiver {
  int64_t id = 0, split_id = 0, seq = 0;
  std::string type, account, name;  // type merchant | personal
  int64_t ratio = 0, amount = 0, returned = 0;
  int64_t net() const { return amount - returned; }
};

struct SplitOrder {
  int64_t id = 0;
  std::string split_no;
  int64_t pay_order_id = 0;
  std::string pay_no, order_type;
  std::optional<int64_t> charge_order_id;
  std::string station_type;
  int64_t station_id = 0, provider_id = 0, property_id = 0;
  std::string merchant_no;
  int64_t fee = 0, amount = 0, returned = 0;
  std::string status;    // pending | processing | succeeded | failed | returned
  int64_t attempts = 0;  // since the last manual re-split
  std::string gateway_out_no, result, op;
  int64_t sends = 0;  // every send to the gateway (its number: split_no-<sends>)
};

struct Return {
  int64_t id = 0;
  std::string return_no;
  int64_t split_id = 0, receiver_id = 0;
  std::string account;
  int64_t amount = 0;
  std::string reason, status;  // reason revoke | refund; status processing | succeeded | failed
  std::string result;          // why it failed
};

// Ledger accounts of splits (per pay order; migrations 0010 and 0028).
inline constexpr const char* kSplitPending = "split_pending";
inline constexpr const char* kSplitReturning = "split_returning";
inline std::string receiver_account(const std::string& account) {
  return "split:" + account;
}

class SplitRepo {
 public:
  explicit SplitRepo(Connection& c) : c_(c) {}

  int64_t insert(const SplitOrder& s, const std::vector<Receiver>& receivers, int64_t at);
  std::optional<SplitOrder> find(int64_t id);
  std::optional<SplitOrder> find_by_pay_order(int64_t pay_order_id);
  std::optional<SplitOrder> find_by_charge_order(const std::string& order_type, int64_t charge_order_id);
  std::vector<Receiver> receivers(int64_t split_id);
  std::vector<SplitOrder> due(int64_t now, int64_t limit);  // pending, next attempt ≤ now
  std::vector<SplitOrder> processing(int64_t limit);        // sent, result unknown

  // pending → processing (attempts + 1) with the number the gateway knows this attempt by.
  bool mark_sent(int64_t id, const std::string& out_no, const std::string& gateway_id, int64_t at);
  bool mark_succeeded(int64_t id, int64_t at);  // processing → succeeded
  // pending|processing → pending with the next attempt at `next_at`, or → failed when nullopt.
  bool attempt_failed(int64_t id, const std::string& result, std::optional<int64_t> next_at, int64_t at);
  bool resplit(int64_t id, const std::string& op, int64_t at);  // failed → pending now, attempts 0

  // pay_order.split_amount += delta, never beyond what is captured (false otherwise).
  bool add_split_amount(int64_t pay_order_id, int64_t delta);
  // The charging order's split_status column (order pages).
  void sync_order(const SplitOrder& s, const std::string& status);

  // Reserves `amount` of the receiver's share for a return (returned += amount while it fits) and inserts
  // the return; nullopt when it does not fit.
  std::optional<int64_t> insert_return(const Return& r, const std::string& op, int64_t at);
  std::vector<Return> processing_returns(int64_t limit);
  std::optional<Return> find_return(int64_t id);
  // processing → succeeded | failed (a failed one gives its reservation back). False when not processing.
  bool finish_return(const Return& r, bool succeeded, const std::string& result, int64_t at);
  // succeeded → returned once everything came back.
  void mark_returned_if_done(int64_t split_id, int64_t at);
  boost::json::array returns_of(int64_t split_id);
  boost::json::array receivers_json(int64_t split_id);

 private:
  Connection& c_;
};

// STAT-SPLIT: filters orderNo, stationId, stationType, merchantNo, receiver, splitNo, operator, orderType,
// status, beginTime/endTime; the data scope of the split's station.
ListSpec split_list_spec();

}  // namespace zc::db::split
