#pragma once
// Car charging orders end to end (ORD-CAR, APP-4/5; docs/orders.md): a driver pays a prepayment, the
// platform starts the pile, follows the session, stops, settles through the tariff engine and returns
// the unused prepayment.
//
// The flow itself (payment hook, start command, sweep, settlement, recovery, driver list and detail, admin
// end) is OrderFlow (order_flow.hpp); this file is what is car-only: the gun's checks, the tariff engine
// by meter or by the pile's tiers, the pile's answers and records.
// - ChargingService for car piles (OrderChargingService routes them here): every device transaction is
//   still recorded in charging_transaction by the RecordingChargingService it wraps; on top of that the
//   order of the idTag (= order number) / the session reference moves through domain/order/car_order_state.
// - OrderEnder for the admin "end" action (ORD-CAR 结束).
// - The app API's use cases: create (prepay), stop, list, detail with live values.
// Threads: the start command runs on the orders' own command threads (never in the payment notify
// handler); a sweeper thread (order.sweep_interval_ms) drives the timers: start timeout, auto stop at
// the prepayment, device lost → suspended, device back → charging. Device calls arrive on the gateway's
// worker threads. Every state change is a conditional update, so concurrent paths apply once.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/timezone.hpp"
#include "devices/gateway.hpp"
#include "devices/meter_store.hpp"
#include "domain/order/car_order_state.hpp"
#include "service/car/context.hpp"
#include "service/charging/recording_charging_service.hpp"
#include "service/order/car_settlement.hpp"
#include "service/order/order_flow.hpp"
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

// The car kind of OrderFlow: a gun on a pile, the car tariff engine, domain/order/car_order_state.
struct CarKind {
  using Order = db::car_order::CarOrder;
  using Repo = db::car_order::CarOrderRepo;
  using State = CarOrderState;
  using Event = CarOrderEvent;
  using Progress = db::car_order::Progress;
  using Finish = db::car_order::Finish;
  using View = CarOrderView;
  using Target = db::car_order::GunTarget;
  static constexpr const char* name = "car";  // pay_order.order_type
  static constexpr const char* target_word = "gun";
  static constexpr const char* target_busy = "充电枪已被占用";
  static constexpr char order_prefix = 'C';
  static constexpr State first_state = State::starting;
  static constexpr Event start_timeout_event = Event::start_timeout;
  static int64_t target_of(const db::car_order::StartRequest& r) { return r.gun_id; }
  static int64_t target_id(const db::car_order::GunTarget& g) { return g.gun_id; }
  static std::string target_code(const db::car_order::GunTarget& g) { return g.gun_code; }
  static devices::DeviceRef device_of(const Order& o) {
    return {devices::DeviceKind::car_pile, o.pile_id, o.pile_code};
  }
  static unsigned connector_of(const Order& o) { return static_cast<unsigned>(o.gun_no); }
  static std::optional<int64_t> start_balance(const Order& o) { return o.prepaid; }
  static bool started(const Order& o) { return o.state != State::starting; }
  // The session's reference on the order: the YKC serial, or the OCPP transaction id.
  static std::string session_ref(const charging::TxStart& t, int64_t tx_id) {
    return t.device_serial.empty() ? std::to_string(tx_id) : t.device_serial;
  }
};

class CarOrders final : public OrderFlow<CarOrders, CarKind> {
 public:
  CarOrders(car::CarContext car, payment::PaymentService& payments, devices::MeterStore& meters,
            charging::RecordingChargingService& recording);
  ~CarOrders() override { stop(); }

  // ---- app API (list_of_user, detail_of_user: OrderFlow) ----
  // Checks the gun and the amount, creates the pay order to pay at the cashier.
  StartOffer request_start(const CarOrderRequest& r);
  // Checks the gun and starts with the driver's card (APP-4): no payment (OrderFlow::start_with_card).
  CardStart start_by_card(const CarOrderRequest& r, int64_t card_id);
  // The stop is sent (or was already): the order is stopping.
  void stop_by_driver(int64_t user_id, const std::string& order_no);

  // ---- ChargingService (car piles; authorize: OrderFlow) ----
  charging::TxStartResult start_transaction(const charging::TxStart& t) override;
  std::optional<charging::IdTagResult> stop_transaction(const charging::TxStop& t) override;
  charging::TxRecordResult transaction_record(const charging::TxRecord& r) override;

 private:
  friend class OrderFlow<CarOrders, CarKind>;
  using Order = db::car_order::CarOrder;

  // ---- what OrderFlow asks of the kind ----
  std::optional<std::string> prepare(const db::payment::PayOrder& p, const db::car_order::StartRequest& req,
                                     const db::car_order::GunTarget& g, const std::string& late, Order& o);
  void mark_not_started(Order& o, const std::string& why);
  // The gun's figures and the tariff in force on `o` (a start request's payment, a card's session).
  bool fill_target(const db::car_order::GunTarget& g, Order& o);  // false: no tariff in force
  // The gun's figures and tariff on a card's order; the problem when it cannot start.
  std::optional<std::string> card_target(const db::car_order::GunTarget& g, Order& o);
  // The gun of a driver's start request, checked (`paying`: its station must take payments).
  db::car_order::GunTarget checked_gun(const CarOrderRequest& r, bool paying);
  // A card session the pile started (OrderFlow::start_card_session): the order, charging; the problem.
  std::optional<std::string> card_order(const db::car_order::GunTarget& g, const charging::TxStart& t,
                                        int64_t tx_id, Order& o);
  void card_cap(Order&) {}  // the balance (prepaid) is the cap
  // The order of a card session the platform never saw start (YKC offline card, a lost 0x31), written
  // for its record to settle against the card; nothing when the record names no card of the platform.
  std::optional<Order> offline_card_order(const charging::TxRecord& r, int64_t tx_id);
  void before_sweep(const std::vector<Order>&) { sweep_zones_.clear(); }
  void sweep_one(const Order& o, int64_t now, std::vector<db::car_order::Progress>& progress);
  std::string start_timeout_reason() const { return "启动超时：电桩未确认启动"; }
  CarOrderView view_of(const Order& o, bool live);
  bool accepts_start(const Order& o) const { return is_open(o.state); }
  int64_t cost_now(const Order& o);
  EndResult end_order(const Order& o, const EndRequest& r);
  bool may_still_run(const Order& o) const {
    return o.state == CarOrderState::charging || o.state == CarOrderState::stopping;
  }
  std::optional<devices::DeviceCommand> stop_command(const Order& o) const;
  void on_start_answer(const Order& o, const devices::CommandReply& reply);
  void on_stop_answer(const Order& o, const devices::CommandReply& reply);

  // o.state → completed with the charge; settles the payment (capture + prepay return). nullopt when
  // the order left o.state meanwhile (another path settled it): applied once.
  // `e`: final_record or admin_end (domain/order/car_order_state.hpp).
  std::optional<EndResult> settle(const Order& o, const CarCharge& c, const std::string& end_reason,
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

  car::CarContext car_;
  const Config& cfg_;

  static constexpr size_t kMaxCachedTariffs = 4096;
  std::mutex tariff_mu_;
  std::map<int64_t, tariff::CarTariff> tariff_versions_;  // version id → tariff
  std::map<int64_t, TimeZone> sweep_zones_;               // station → zone, read once per sweep
};

}  // namespace zc::order
