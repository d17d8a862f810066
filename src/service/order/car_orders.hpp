#pragma once
// Car charging orders end to end (ORD-CAR, APP-4/5; docs/orders.md): a driver pays a prepayment, the
// platform starts the pile, follows the session, stops, settles through the tariff engine and returns
// the unused prepayment.
//
// - ChargingService for car piles (OrderChargingService routes them here): every device transaction is
//   still recorded in charging_transaction by the RecordingChargingService it wraps; on top of that the
//   order of the idTag (= order number) / the session reference moves through domain/order/car_order_state.
// - OrderEnder for the admin "end" action (ORD-CAR 结束).
// - The app API's use cases: create (prepay), stop, list, detail with live values.
// Threads: the start command runs on the orders' own command threads (never in the payment notify
// handler); a sweeper thread (order.sweep_interval_ms) drives the timers: start timeout, auto stop at
// the prepayment, device lost → suspended, device back → charging. Device calls arrive on the gateway's
// worker threads. Every state change is a conditional update, so concurrent paths apply once.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/config.hpp"
#include "core/timezone.hpp"
#include "devices/gateway.hpp"
#include "devices/meter_store.hpp"
#include "domain/order/car_order_state.hpp"
#include "service/car/context.hpp"
#include "service/charging/recording_charging_service.hpp"
#include "service/order/car_settlement.hpp"
#include "service/order/order_actions.hpp"
#include "service/order/order_common.hpp"
#include "service/order/order_lifecycle.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/repositories/car_order_repo.hpp"

namespace zc::order {

struct CarOrderRequest {  // POST /app/car/orders
  int64_t user_id = 0;
  std::string phone;
  std::optional<int64_t> gun_id;
  std::string gun_code;
  int64_t amount = 0;  // fen
  std::string plate;
};

// A driver's view of one car order (the app's list and detail); the route builds its JSON.
struct CarOrderView {
  db::car_order::CarOrder order;
  std::string station_name;
  int64_t energy = 0, power_w = 0, duration_s = 0, cost_so_far = 0;  // live while open (detail)
  std::optional<double> voltage, current, soc;                       // the pile's last report (detail)
};

class CarOrders final : public RecordedCharging, public OrderEnder {
 public:
  CarOrders(car::CarContext car, payment::PaymentService& payments, devices::MeterStore& meters,
            charging::RecordingChargingService& recording);
  ~CarOrders() override;
  CarOrders(const CarOrders&) = delete;
  CarOrders& operator=(const CarOrders&) = delete;

  void start();  // command threads + sweeper; registers the on_paid hook
  void stop();

  // ---- app API ----
  // Checks the gun and the amount, creates the pay order to pay at the cashier.
  StartOffer request_start(const CarOrderRequest& r);
  // The stop is sent (or was already): the order is stopping.
  void stop_by_driver(int64_t user_id, const std::string& order_no);
  CarOrderView detail_of_user(int64_t user_id, const std::string& order_no);  // 404 unless own
  std::pair<std::vector<CarOrderView>, int64_t> list_of_user(int64_t user_id, int64_t page_num,
                                                             int64_t page_size);

  // ---- ChargingService (car piles) ----
  charging::IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) override;
  charging::TxStartResult start_transaction(const charging::TxStart& t) override;
  std::optional<charging::IdTagResult> stop_transaction(const charging::TxStop& t) override;
  charging::TxRecordResult transaction_record(const charging::TxRecord& r) override;

  // ---- OrderEnder (ORD-CAR 结束) ----
  EndResult end(const EndRequest& r) override;
  std::optional<int64_t> running_cost(int64_t order_id) override;

  // One sweep (the sweeper thread calls it; public for tests that drive time themselves).
  void sweep();
  // Payments of start requests that never became an order (the process stopped between the payment and
  // the start), paid more than kUnstartedGraceMs before `now`: each becomes an abnormal order and the
  // whole prepayment is returned — a session is never started that late. The sweeper runs it every 30 s.
  // Returns how many were recovered.
  int recover_unstarted(int64_t now);

 private:
  using Order = db::car_order::CarOrder;
  struct Settled {
    std::string state;
    int64_t charged = 0, refunded = 0;
  };

  // `late`: the reason when the payment is recovered late (recover_unstarted) — never start then.
  void start_paid(const db::payment::PayOrder& p, const std::string& late = "");
  void post(std::function<void()> job) { life_.post(std::move(job)); }

  devices::DeviceRef pile_ref(const Order& o) const;
  // The start command; returns at once (the answer is handled on a worker).
  void send_start(const Order& o);
  // The device's answer to a start/stop command (on a worker).
  void on_start_answer(const Order& o, const devices::CommandReply& reply);
  // Sends the stop; returns at once (the answer is handled on a worker).
  void send_stop(const Order& o);
  void on_stop_answer(const Order& o, const devices::CommandReply& reply);
  // Marks an order that never started abnormal and returns the whole prepayment.
  void fail_start(const Order& o, const std::string& reason);
  // o.state → completed with the charge; settles the payment (capture + prepay return). nullopt when
  // the order left o.state meanwhile (another path settled it): applied once.
  // `e`: final_record or admin_end (domain/order/car_order_state.hpp).
  std::optional<Settled> settle(const Order& o, const CarCharge& c, const std::string& end_reason,
                                CarOrderEvent e);
  // The station's time zone (the tariff's periods are local times): one read.
  TimeZone station_zone(int64_t station_id);
  // By meter over [start, end_ms] with `energy` (OCPP stop, admin end, live cost so far).
  CarCharge charge_by_meter_of(const Order& o, int64_t end_ms, int64_t energy, const TimeZone& tz);
  // The order's tariff version. Versions never change once written (an edit adds a version), so each is
  // read once: the sweeper prices every charging order every second.
  std::optional<tariff::CarTariff> tariff_of(const Order& o);
  int64_t cost_so_far(const Order& o, int64_t energy, int64_t at_ms, const TimeZone& tz);
  std::optional<devices::LatestMeter> live_meter(const Order& o) const;
  // The cost of an open order at its live energy (0 before it started).
  int64_t running_cost_of(const Order& o, int64_t energy);
  CarOrderView view_of(const Order& o, bool live);

  car::CarContext car_;
  const Config& cfg_;
  payment::PaymentService& payments_;
  devices::MeterStore& meters_;

  static constexpr size_t kMaxCachedTariffs = 4096;
  std::mutex tariff_mu_;
  std::map<int64_t, tariff::CarTariff> tariff_versions_;  // version id → tariff

  // the sweeper, and the workers: starts after the payment, the piles' answers to start/stop commands
  OrderLifecycle life_;
};

}  // namespace zc::order
