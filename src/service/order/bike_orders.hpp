#pragma once
// E-bike charging orders end to end (ORD-BIKE, APP-4/5; docs/orders.md "E-bike orders"):
//   request_start  the driver's start request: checks the socket, device, station payment configuration,
//                  tariff and prepay value, then a pay order remembering the socket;
//   start_paid     (PaymentService::on_paid) the order is created `charging` (OrderLifecycle::
//                  write_first_state) and the socket is started over OCPP (RemoteStartTransaction, idTag =
//                  order no.; send_start);
//   device events  (ChargingService, bike devices) StartTransaction starts the session, StopTransaction
//                  settles it through the tariff engine once; transactions are still recorded in
//                  charging_transaction by the RecordingChargingService it delegates to;
//   sweeper        start timeout → abnormal + full refund; auto stop (bike_auto_stop.hpp); device lost
//                  → suspended, back → charging; a stop the device never confirms → settled by the
//                  last report;
//   end            (OrderEnder, ORD-BIKE 结束) settles by the last reported or a custom duration.
// Settlement captures min(cost, prepaid) and returns the rest (PaymentService::settle).
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

#include "devices/gateway.hpp"
#include "devices/meter_store.hpp"
#include "domain/tariff/bike_billing.hpp"
#include "devices/charging_service.hpp"
#include "service/order/bike_auto_stop.hpp"
#include "service/order/order_actions.hpp"
#include "service/order/order_common.hpp"
#include "service/order/order_lifecycle.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"
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
};

struct BikeStartInput {
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

class BikeOrders final : public RecordedCharging, public OrderEnder {
 public:
  BikeOrders(db::Database& db, devices::DeviceGateway& gateway, devices::MeterStore& meters,
             payment::PaymentService& payments, charging::ChargingService& recording, BikeOrderSettings s);
  ~BikeOrders() override;
  void start();  // sweeper and worker threads; registers the on_paid hook
  void stop();

  // Driver API (the caller is signed in; every order is looked up as the caller's own).
  StartOffer request_start(const BikeStartInput& in);
  std::pair<std::vector<BikeOrderView>, int64_t> list_of_user(int64_t user_id, int64_t page_num,
                                                              int64_t page_size);
  BikeOrderView detail_of_user(int64_t user_id, const std::string& order_no);
  BikeOrderView stop_by_driver(int64_t user_id, const std::string& order_no);  // the order afterwards

  // The payment of a start request was applied (PaymentService::on_paid). `late`: the reason when it is
  // recovered late (recover_unstarted): the order is made and failed at once, never started then.
  void start_paid(const db::payment::PayOrder& p, const std::string& late = "");
  // As CarOrders::recover_unstarted: payments of start requests that never became an order. The sweeper
  // runs it every 30 s (public for the test route). Returns how many were recovered.
  int recover_unstarted(int64_t now);

  // OrderEnder (ORD-BIKE 结束).
  EndResult end(const EndRequest& r) override;
  std::optional<int64_t> running_cost(int64_t order_id) override;

  // ChargingService for e-bike devices.
  charging::IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) override;
  charging::TxStartResult start_transaction(const charging::TxStart& t) override;
  std::optional<charging::IdTagResult> stop_transaction(const charging::TxStop& t) override;

 private:
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

  void sweep();
  // One running order; its changed figures are added to `progress` (written by sweep() in one go).
  void sweep_one(const db::bikeorder::BikeOrder& o, int64_t now,
                 std::vector<db::bikeorder::Progress>& progress);
  // Send the command and return at once; the device's answer is handled on the worker.
  void send_start(const db::bikeorder::BikeOrder& o);
  void on_start_answer(const db::bikeorder::BikeOrder& o, const devices::CommandReply& reply);
  void send_stop(const db::bikeorder::BikeOrder& o);
  void fail_start(const db::bikeorder::BikeOrder& o, const std::string& why);
  // Ends the order (from its current state) with the bill of `u` and settles the payment. False when
  // another path ended it first.
  bool settle(const db::bikeorder::BikeOrder& o, const Usage& u, const std::string& reason,
              EndResult* out = nullptr);
  std::optional<tariff::BikeTariff> tariff_of(const db::bikeorder::BikeOrder& o);
  tariff::BikeBill bill(const tariff::BikeTariff& t, const db::bikeorder::BikeOrder& o, const Usage& u);
  Usage usage_now(const db::bikeorder::BikeOrder& o, int64_t now);
  std::optional<devices::LatestMeter> meter_of(const db::bikeorder::BikeOrder& o);
  BikeOrderView view_of(const db::bikeorder::BikeOrder& o, bool live);
  void post(std::function<void()> job) { life_.post(std::move(job)); }

  db::Database& db_;
  devices::DeviceGateway& gateway_;
  devices::MeterStore& meters_;
  payment::PaymentService& payments_;
  BikeOrderSettings s_;
  OrderLifecycle life_;

  std::mutex live_mu_;
  std::map<int64_t, Live> live_;  // order id → session data (sweeper thread)
};

}  // namespace zc::order
