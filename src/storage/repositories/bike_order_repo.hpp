#pragma once
// SQL of e-bike charging orders (ORD-BIKE; schema 0010_orders.sql + 0013_bike_orders.sql): the driver's
// start request, the order's life (every state change a conditional UPDATE on the state it leaves, so
// a change applies once however many threads or nodes race for it) and the lookups the start checks need.
#include <optional>
#include <string>
#include <vector>

#include "domain/order/bike_order_state.hpp"
#include "storage/database.hpp"
#include "storage/repositories/order_state_column.hpp"

namespace zc::db::bikeorder {

// A socket with what the start checks look at (socket, device, area, station).
struct SocketTarget {
  int64_t socket_id = 0, socket_no = 0, socket_status = 0;
  std::string socket_code, socket_state;
  int64_t device_id = 0, device_status = 0;
  std::string device_code, device_protocol;
  int64_t station_id = 0, area_id = 0, provider_id = 0, property_id = 0;
  int64_t station_status = 0, area_status = 0;
  std::string station_name;
};

struct StartRequest {
  int64_t pay_order_id = 0, socket_id = 0, device_id = 0, tariff_id = 0, user_id = 0, created_at = 0;
};

struct BikeOrder {
  int64_t id = 0;
  std::string order_no;
  int64_t provider_id = 0, property_id = 0, station_id = 0, area_id = 0;
  int64_t device_id = 0;
  std::string device_code;
  int64_t socket_id = 0, socket_no = 0;
  std::optional<int64_t> user_id;
  std::string phone, start_method = "app", card_no;
  order::BikeOrderState state = order::BikeOrderState::charging;
  std::string end_reason;
  std::optional<int64_t> tariff_id, pay_order_id;
  int64_t prepaid = 0, prepaid_duration_s = 0, duration_s = 0, energy = 0;
  int64_t energy_fee = 0, service_fee = 0, charged = 0, refunded = 0, power_w = 0;
  std::optional<std::string> device_txn_no;
  std::string billing_detail;
  int64_t created_at = 0, meter_start = 0;
  std::optional<int64_t> start_at, end_at, last_report_at, device_lost_at, stop_requested_at;
};

// What settlement writes when the order finishes.
struct Finish {
  std::string end_reason;
  int64_t duration_s = 0, energy = 0, power_w = 0;
  int64_t energy_fee = 0, service_fee = 0, charged = 0;
  std::string billing_detail;
  int64_t end_at = 0;
};

struct Progress {  // a running session's latest figures (the sweeper)
  int64_t order_id = 0, duration_s = 0, energy = 0, power_w = 0, last_report_at = 0, prepaid_duration_s = 0;
};

class BikeOrderRepo {
 public:
  explicit BikeOrderRepo(Connection& c) : c_(c) {}

  std::optional<SocketTarget> target_by_id(int64_t socket_id);
  std::optional<SocketTarget> target_by_code(const std::string& code);
  // The socket `connector` of the device (a session the device started itself: a card).
  std::optional<SocketTarget> target_on_device(int64_t device_id, int64_t connector);
  std::optional<int64_t> station_of_device(int64_t device_id);
  // The area's tariff in force (bike::TariffRepo::in_force_of_area).
  std::optional<int64_t> tariff_in_force(int64_t area_id);
  // The order on the socket that has not ended (charging or suspended), if any.
  std::optional<BikeOrder> running_on_target(int64_t socket_id);
  // Row lock on the socket until the transaction ends (as CarOrderRepo::lock_target).
  void lock_target(int64_t socket_id);

  void insert_request(const StartRequest& r);
  std::optional<StartRequest> request_of(int64_t pay_order_id);

  int64_t insert(const BikeOrder& o);  // returns the id
  // The pay order points at its charging order (GET /app/pay/{payNo} shows the orderNo).
  void link_pay_order(int64_t pay_order_id, int64_t order_id);

  std::optional<BikeOrder> find(int64_t id);
  std::optional<BikeOrder> find_by_no(const std::string& order_no);
  std::optional<BikeOrder> find_by_pay_order(int64_t pay_order_id);
  std::optional<BikeOrder> find_by_txn(int64_t device_id, const std::string& device_txn_no);
  // Orders the sweeper watches: charging and suspended.
  std::vector<BikeOrder> open_orders();
  // A driver's own orders, newest first.
  std::vector<BikeOrder> of_user(int64_t user_id, int64_t offset, int64_t limit);
  int64_t count_of_user(int64_t user_id);

  // `in` (charging) without a device transaction → started. False when it already started or left `in`.
  bool confirm_start(int64_t id, order::BikeOrderState in, const std::string& device_txn_no, int64_t start_at,
                     int64_t meter_start, int64_t now);
  // from (charging) and not started (no device transaction) → `to` (abnormal: the state table's
  // start_failed). False when it started meanwhile or left `from`.
  bool fail_start(int64_t id, order::BikeOrderState from, order::BikeOrderState to, const std::string& reason,
                  int64_t now);
  // from → to (with the reason when not empty). False when the order is no longer in `from`.
  bool transition(int64_t id, order::BikeOrderState from, order::BikeOrderState to,
                  const std::string& end_reason, int64_t now);
  void set_progress(const Progress& p);
  void set_device_lost(int64_t id, std::optional<int64_t> at);
  // stop_requested_at = now with the reason, once, while the order is open.
  bool request_stop(int64_t id, const std::string& reason, int64_t now);
  // from → to (finished: the state table's session end) with the bill. False when the order is no longer
  // in `from` (settled once).
  bool finish(int64_t id, order::BikeOrderState from, order::BikeOrderState to, const Finish& f);
  // What the payment settlement captured (refunded follows the refunds: PaymentRepo::sync_order_refunded).
  void set_charged(int64_t id, int64_t charged, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::bikeorder
