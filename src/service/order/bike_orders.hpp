#pragma once
// E-bike charging orders end to end (ORD-BIKE, APP-4/5; docs/orders.md "E-bike orders"). The flow is
// OrderFlow (order_flow.hpp); this file is what is e-bike-only:
//   request_start  the driver's start request: checks the socket, device, station payment configuration,
//                  tariff and prepay value, then a pay order remembering the socket;
//   prepare        (OrderFlow::start_paid) the order is created `charging` and the socket is started
//                  over OCPP (RemoteStartTransaction, idTag = order no.);
//   device events  (ChargingService, bike devices) StartTransaction starts the session, StopTransaction
//                  settles it through the tariff engine once; transactions are still recorded in
//                  charging_transaction by the RecordingChargingService it delegates to;
//   sweep_one      start timeout → abnormal + full refund; auto stop (bike_auto_stop.hpp); device lost
//                  → suspended, back → charging; a stop the device never confirms → settled by the
//                  last report;
//   end            (OrderEnder, ORD-BIKE 结束) settles by the last reported or a custom duration.
// Settlement captures min(cost, prepaid) and returns the rest (PaymentService::settle).
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "devices/charging_service.hpp"
#include "devices/gateway.hpp"
#include "devices/meter_store.hpp"
#include "domain/tariff/bike_billing.hpp"
#include "service/order/bike_auto_stop.hpp"
#include "service/order/order_flow.hpp"
#include "storage/repositories/bike_order_repo.hpp"

namespace zc::order {

struct BikeOrderSettings {
  int64_t start_timeout_s = 60;     // no StartTransaction this long after the start command: abnormal
  int64_t suspend_timeout_s = 120;  // device offline this long while charging: suspended
  int64_t stop_timeout_s = 60;  // no StopTransaction this long after a stop command: settled by last report
  int64_t full_power_w = 10;    // full: power below this … (0 = rule off)
  int64_t full_hold_s = 600;    // … without a break for this long
  int64_t sweep_ms = 1000;      // the sweeper's period
  int64_t command_timeout_ms = 15000;
  int64_t card_min_balance = 100;  // fen (FlowSettings)
};

struct BikeOrderRequest {  // POST /app/bike/orders
  std::optional<int64_t> socket_id;
  std::string socket_code;
  int64_t amount = 0;  // fen, one of the tariff's prepay values
  int64_t user_id = 0;
  std::string phone;
};

// A driver's view of one e-bike order (the app's list and detail); the route builds its JSON.
struct BikeOrderView {
  db::bikeorder::BikeOrder order;
  std::string phase;  // the state, with charging told apart: starting | charging | stopping
  int64_t duration_s = 0, energy = 0, power_w = 0, cost_so_far = 0;  // live while running (detail)
  bool live = false;                   // running and started, read live: the remaining time below
  std::optional<int64_t> remaining_s;  // nullopt while it is measured (remaining_measuring)
  bool remaining_measuring = false;
};

// The e-bike kind of OrderFlow: a socket on a device, the e-bike tariff engine,
// domain/order/bike_order_state.
struct BikeKind {
  using Order = db::bikeorder::BikeOrder;
  using Repo = db::bikeorder::BikeOrderRepo;
  using State = BikeOrderState;
  using Event = BikeOrderEvent;
  using Progress = db::bikeorder::Progress;
  using Finish = db::bikeorder::Finish;
  using View = BikeOrderView;
  using Target = db::bikeorder::SocketTarget;
  static constexpr const char* name = "bike";  // pay_order.order_type
  static constexpr const char* target_word = "socket";
  static constexpr const char* target_busy = "插座已被占用，启动失败";
  static constexpr char order_prefix = 'B';
  // created charging: the device starts on the platform's command (no separate starting state)
  static constexpr State first_state = State::charging;
  static constexpr Event start_timeout_event = Event::start_failed;
  static int64_t target_of(const db::bikeorder::StartRequest& r) { return r.socket_id; }
  static int64_t target_id(const db::bikeorder::SocketTarget& t) { return t.socket_id; }
  static std::string target_code(const db::bikeorder::SocketTarget& t) { return t.socket_code; }
  static devices::DeviceRef device_of(const Order& o) {
    return {devices::DeviceKind::bike_device, o.device_id, o.device_code};
  }
  static unsigned connector_of(const Order& o) { return static_cast<unsigned>(o.socket_no); }
  static std::optional<int64_t> start_balance(const Order&) { return std::nullopt; }
  static bool started(const Order& o) { return o.device_txn_no.has_value() && o.start_at.has_value(); }
  static std::string session_ref(const charging::TxStart&, int64_t tx_id) { return std::to_string(tx_id); }
};

class BikeOrders final : public OrderFlow<BikeOrders, BikeKind> {
 public:
  BikeOrders(db::Database& db, devices::DeviceGateway& gateway, devices::MeterStore& meters,
             payment::PaymentService& payments, charging::ChargingService& recording, BikeOrderSettings s);
  ~BikeOrders() override { stop(); }

  // Driver API (list_of_user, detail_of_user: OrderFlow).
  StartOffer request_start(const BikeOrderRequest& in);
  // Checks the socket and starts with the driver's card (APP-4): no payment (OrderFlow::start_with_card).
  CardStart start_by_card(const BikeOrderRequest& in, int64_t card_id);
  BikeOrderView stop_by_driver(int64_t user_id, const std::string& order_no);  // the order afterwards

  // ChargingService for e-bike devices (authorize: OrderFlow).
  charging::TxStartResult start_transaction(const charging::TxStart& t) override;
  std::optional<charging::IdTagResult> stop_transaction(const charging::TxStop& t) override;

 private:
  friend class OrderFlow<BikeOrders, BikeKind>;
  using Order = db::bikeorder::BikeOrder;

  // What the sweeper learns of a running session between database writes.
  struct Live {
    std::vector<tariff::BikeSample> samples;
    int64_t last_sample_ms = 0;
    FullDetector full;
    std::optional<tariff::BikeTariff> tariff;  // the order's tariff, read once
  };
  struct Usage {  // a session's figures at a moment
    int64_t duration_s = 0, energy = 0, power_w = 0;
    std::optional<int64_t> last_report_at;
  };

  // ---- what OrderFlow asks of the kind ----
  std::optional<std::string> prepare(const db::payment::PayOrder& p, const db::bikeorder::StartRequest& req,
                                     const db::bikeorder::SocketTarget& t, const std::string& late, Order& o);
  void mark_not_started(Order& o, const std::string& why);
  // The socket's figures on `o` (a start request's payment, a card's session).
  void fill_target(const db::bikeorder::SocketTarget& t, Order& o);
  // The socket's figures and tariff on a card's order; the problem when it cannot start.
  std::optional<std::string> card_target(const db::bikeorder::SocketTarget& t, Order& o);
  // The socket of a driver's start request, checked (`paying`: its station must take payments).
  db::bikeorder::SocketTarget checked_socket(const BikeOrderRequest& in, bool paying);
  // A card session the device started (OrderFlow::start_card_session): the order, charging; the problem.
  std::optional<std::string> card_order(const db::bikeorder::SocketTarget& t, const charging::TxStart& s,
                                        int64_t tx_id, Order& o);
  void card_cap(Order& o);  // the time the balance buys
  void before_sweep(const std::vector<Order>& open);
  void sweep_one(const Order& o, int64_t now, std::vector<db::bikeorder::Progress>& progress);
  std::string start_timeout_reason() const;
  BikeOrderView view_of(const Order& o, bool live);
  bool accepts_start(const Order& o) const { return o.state == BikeOrderState::charging && !o.device_txn_no; }
  int64_t cost_now(const Order& o);
  EndResult end_order(const Order& o, const EndRequest& r);
  bool may_still_run(const Order& o) const { return BikeKind::started(o) && is_open(o.state); }
  std::optional<devices::DeviceCommand> stop_command(const Order& o) const;
  void on_start_answer(const Order& o, const devices::CommandReply& reply);
  void on_stop_answer(const Order& o, const devices::CommandReply& reply) const;

  // Ends the order (from its current state) with the bill of `u` and settles the payment. nullopt when
  // another path ended it first.
  std::optional<EndResult> settle(const Order& o, const Usage& u, const std::string& reason);
  std::optional<tariff::BikeTariff> tariff_of(const Order& o);
  tariff::BikeBill bill(const tariff::BikeTariff& t, const Order& o, const Usage& u);
  Usage usage_now(const Order& o, int64_t now);
  std::optional<devices::LatestMeter> meter_of(const Order& o);

  BikeOrderSettings bs_;
  std::mutex live_mu_;
  std::map<int64_t, Live> live_;  // order id → session data (sweeper thread)
};

}  // namespace zc::order
