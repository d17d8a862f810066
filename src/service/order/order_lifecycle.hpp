#pragma once
// The database and payment steps of a charging order's life, with its threads (docs/orders.md), used by
// OrderFlow (order_flow.hpp), the one flow of both kinds:
//   start request → payment hook (write_first_state) → start command → charging sweep (recovery_due,
//   write_batch: one transaction per sweep) → settle (end_and_settle) → recover unstarted
//   (recover_unstarted).
#include <spdlog/spdlog.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "devices/charging_service.hpp"
#include "service/order/order_common.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"

namespace zc::order {

// A state's stored name (car_charge_order.state / bike_charge_order.state).
template <class State>
std::string state_name(State s) {
  return std::string(to_string(s));
}

// What the driver's start request gives back: the pay order to pay at the cashier.
struct StartOffer {
  std::string pay_no, cashier_url;
  int64_t amount = 0, expires_at = 0;
  std::string target_code;  // the gun's or socket's code
};

class OrderLifecycle {
 public:
  // order_type: pay_order.order_type of this kind (car | bike). `sweep` runs every `sweep_ms` (at least
  // 100) on the sweeper thread; `workers` threads run posted jobs.
  OrderLifecycle(db::Database& db, payment::PaymentService& payments, const std::string& order_type,
                 int64_t sweep_ms, size_t workers, std::function<void()> sweep);
  ~OrderLifecycle() { stop(); }
  OrderLifecycle(const OrderLifecycle&) = delete;
  OrderLifecycle& operator=(const OrderLifecycle&) = delete;

  // Registers `paid` as the payment hook of this order type (PaymentService::on_paid; it runs in the
  // payment's notification) and starts the threads. stop() ends them (the owner calls it before its own
  // members go).
  void start(std::function<void(const db::payment::PayOrder&)> paid);
  void stop();
  // Runs `job` on a worker: what waits for a device or writes after its answer, never a network thread.
  void post(std::function<void()> job) { workers_.post(std::move(job)); }

  // The driver's start request, once the kind checked its target: the pay order of the prepayment, and
  // `remember(c, pay_order_id)` keeps what the payment hook needs to start (the target is not reserved).
  struct StartRequest {
    int64_t station_id = 0, amount = 0, user_id = 0;
    std::string phone, description, target_code;
  };
  StartOffer request_start(const StartRequest& r,
                           const std::function<void(db::Connection&, int64_t)>& remember);

  // The new order of a payment: its id, and why it was not started ("": start it).
  struct FirstState {
    int64_t id = 0;
    std::string why;
  };
  // The payment hook writes the order in its first state in one transaction. `write(c)` takes the
  // target's row lock, then reads under it whether the payment has its order already (nullopt) and
  // whether the target runs another order (committed by a payment before: seen), and inserts the order
  // started, or abnormal with `why`. An abnormal order's whole prepayment is returned in that same
  // transaction (sent to the gateway after the commit): no order is ever seen running and failed later.
  // An order number taken meanwhile (UNIQUE) is written again; `write` draws a new number each call.
  std::optional<FirstState> write_first_state(
      int64_t pay_order_id, const std::function<std::optional<FirstState>(db::Connection&)>& write);

  // The order's end and its money in one transaction: `end(c)` is the order's conditional update (false:
  // another path ended it first, nothing happens: nullopt); then `cost` is captured up to the prepayment,
  // the rest returned and `set_charged(c, captured)` records the capture. The refund goes to the gateway
  // after the commit. An order without a pay order only ends (settlement.charged = cost).
  std::optional<payment::Settled> end_and_settle(
      std::optional<int64_t> pay_order_id, int64_t cost, const std::function<bool(db::Connection&)>& end,
      const std::function<void(db::Connection&, int64_t)>& set_charged = {});

  // Payments of this kind's start requests that never became an order (the process stopped between the
  // payment and the start), paid more than kUnstartedGraceMs before `now`: each goes to `start(p, reason)`,
  // which writes it abnormal and returns it in full — never started that late. Returns how many.
  int recover_unstarted(int64_t now,
                        const std::function<void(const db::payment::PayOrder&, const std::string&)>& start);
  // The sweeper runs recover_unstarted when this says so: every kRecoveryEveryMs (sweeper thread only).
  bool recovery_due(int64_t now);

  // The figures a sweep gathered for every running session, in one transaction (`write` leaves an order
  // that ended meanwhile alone). A failure is logged: the next sweep writes them again.
  template <class T, class Write>
  void write_batch(const std::vector<T>& items, Write write) {
    if (items.empty()) return;
    try {
      db_.write([&](db::Connection& c) {
        for (const auto& item : items) write(c, item);
      });
    } catch (const std::exception& e) {
      spdlog::error("{} orders: figures of {} sessions not written: {}", order_type_, items.size(), e.what());
    }
  }

 private:
  db::Database& db_;
  payment::PaymentService& payments_;
  std::string order_type_;        // pay_order.order_type: car | bike
  int64_t last_recovery_ms_ = 0;  // sweeper thread
  Workers workers_;
  Sweeper sweeper_;
};

// The device calls an order kind passes on unchanged to the transaction recorder it wraps (every device
// transaction is recorded in charging_transaction, an order or not).
class RecordedCharging : public charging::ChargingService {
 public:
  explicit RecordedCharging(charging::ChargingService& recording) : recording_(recording) {}
  void expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) override {
    recording_.expect_remote_start(device, id_tag);
  }
  charging::TxRecordResult transaction_record(const charging::TxRecord& r) override {
    return recording_.transaction_record(r);
  }
  void flag_transaction(const devices::DeviceRef& device, int64_t connector, const std::string& device_serial,
                        const std::string& why) override {
    recording_.flag_transaction(device, connector, device_serial, why);
  }

 protected:
  charging::ChargingService& recording_;
};

}  // namespace zc::order
