#pragma once
// SQL of the car charging orders (ORD-CAR, APP-4/5; schema: migrations 0010_orders.sql +
// 0012_car_orders.sql). Every state change is a conditional UPDATE on the state it leaves (… WHERE id = ? AND
// state = ?), so a device record, the sweeper, a driver's stop and an admin end racing on one order apply
// once.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/order/car_order_state.hpp"
#include "storage/database.hpp"
#include "storage/repositories/order_state_column.hpp"

namespace zc::db::car_order {

struct CarOrder {
  int64_t id = 0;
  std::string order_no;
  int64_t provider_id = 0, property_id = 0, station_id = 0;
  std::optional<int64_t> area_id;
  int64_t pile_id = 0;
  std::string pile_code;
  int64_t gun_id = 0;
  std::string gun_code;
  int64_t gun_no = 0;
  std::optional<int64_t> user_id;
  std::string phone, plate, card_no, start_method;
  order::CarOrderState state = order::CarOrderState::starting;
  std::string end_reason, protocol;
  std::optional<int64_t> tariff_version_id, pay_order_id;
  int64_t prepaid = 0, energy = 0, energy_fee = 0, service_fee = 0, charged = 0, refunded = 0, power_w = 0;
  std::optional<std::string> device_txn_no;
  std::optional<int64_t> device_tx_id;
  int64_t meter_start = 0;
  std::string billing_detail;
  int64_t created_at = 0;
  std::optional<int64_t> start_at, end_at, last_report_at, device_lost_at, stop_sent_at;
};

// A gun with everything a start needs to check, by id or by code.
struct GunTarget {
  int64_t gun_id = 0, gun_no = 0, gun_status = 0;
  std::string gun_code, gun_state;
  int64_t pile_id = 0, pile_status = 0;
  std::string pile_code, protocol;
  int64_t area_id = 0, area_status = 0;
  int64_t station_id = 0, station_status = 0, audit_status = 0;
  std::string station_name;
  int64_t provider_id = 0, property_id = 0;
};

struct StartRequest {  // car_prepay: what the driver asked for when paying
  int64_t pay_order_id = 0, user_id = 0, gun_id = 0;
  std::string plate;
};

// What settlement writes when an order completes.
struct Finish {
  int64_t energy = 0, energy_fee = 0, service_fee = 0, charged = 0;
  std::string billing_detail, end_reason;
  int64_t end_at = 0;
};

struct Progress {  // a running session's latest figures (the sweeper)
  int64_t order_id = 0, energy = 0, power_w = 0, last_report_at = 0;
};

class CarOrderRepo {
 public:
  explicit CarOrderRepo(Connection& c) : c_(c) {}

  std::optional<GunTarget> target_by_id(int64_t gun_id);
  std::optional<GunTarget> target_by_code(const std::string& gun_code);
  // The gun `connector` of the pile (a session the pile started itself: a card swipe).
  std::optional<GunTarget> target_on_device(int64_t pile_id, int64_t connector);
  std::optional<int64_t> station_of_device(int64_t pile_id);

  void insert_request(const StartRequest& p, int64_t now);
  std::optional<StartRequest> request_of(int64_t pay_order_id);

  // Inserts the order (id ignored); returns the id. DatabaseError (unique violation) when the order
  // number or the pay order is taken.
  int64_t insert(const CarOrder& o);
  // pay_order.charge_order_id = the order it paid for (ORD-PAY shows it; the app's pay status finds it)
  void link_pay_order(int64_t pay_order_id, int64_t order_id);
  std::optional<CarOrder> find(int64_t id);
  std::optional<CarOrder> find_by_no(const std::string& order_no);
  std::optional<CarOrder> find_by_pay_order(int64_t pay_order_id);
  std::optional<CarOrder> find_by_txn(int64_t pile_id, const std::string& device_txn_no);
  // The order still running (starting, charging, stopping, suspended) on the gun, if any.
  std::optional<CarOrder> running_on_target(int64_t gun_id);
  // Row lock on the gun until the transaction ends (PostgreSQL; SQLite's writers are serialised anyway): the
  // payments of one gun then decide one after the other, each reading what the other committed.
  void lock_target(int64_t gun_id);
  // Every order the sweeper looks after (starting, charging, stopping, suspended).
  std::vector<CarOrder> open_orders();

  // from → to (starting → charging) with the device's session reference. False when the order left `from`.
  bool confirm_start(int64_t id, order::CarOrderState from, order::CarOrderState to,
                     const std::string& device_txn_no, int64_t device_tx_id, int64_t start_at,
                     int64_t meter_start, int64_t now);
  // from → to (and end_reason when not empty). False when the order is no longer in `from`.
  bool transition(int64_t id, order::CarOrderState from, order::CarOrderState to,
                  const std::string& end_reason, int64_t now);
  // The order that never started → `to` (abnormal) with the reason. False when it left `from`.
  bool fail_start(int64_t id, order::CarOrderState from, order::CarOrderState to, const std::string& reason,
                  int64_t now);
  // from → to (charging → stopping), stop_sent_at = now. False when the order left `from`.
  bool request_stop(int64_t id, order::CarOrderState from, order::CarOrderState to,
                    const std::string& end_reason, int64_t now);
  void set_progress(const Progress& v);
  void set_device_lost(int64_t id, std::optional<int64_t> at);
  // from → completed with the settlement's figures. False when the order is no longer in `from`.
  bool finish(int64_t id, order::CarOrderState from, order::CarOrderState to, const Finish& r);
  // What the payment settlement captured (refunded follows the refunds: PaymentRepo::sync_order_refunded).
  void set_charged(int64_t id, int64_t charged, int64_t now);

  // A driver's own orders, newest first.
  std::vector<CarOrder> of_user(int64_t user_id, int64_t offset, int64_t limit);
  int64_t count_of_user(int64_t user_id);
  std::string station_name(int64_t station_id);
  std::string station_timezone(int64_t station_id);  // IANA name ("" when unknown)

 private:
  Connection& c_;
};

}  // namespace zc::db::car_order
