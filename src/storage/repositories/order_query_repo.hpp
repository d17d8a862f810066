#pragma once
// SQL of the admin order pages (ORD-CAR, ORD-BIKE; docs/api-order.md): the lists with their filters and
// data scope, one order's detail, and the batched reads the Excel exports stream. Read-only: the orders
// are written by the car and e-bike order services, their money by the payment service.
//
// Built for large tables (1,000,000+ orders): every filter leads one index of 0010/0014 followed by
// created_at, lists are ordered created_at DESC, id DESC (what those indexes give), the total is a
// bounded count (kCountCap) instead of a COUNT over all matching rows, and exports read in keyset
// batches (no OFFSET, constant memory).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::orders {

enum class OrderKind { car, bike };
const char* kind_name(OrderKind k);    // "car" | "bike" (pay_order.order_type)
const char* order_table(OrderKind k);  // car_charge_order | bike_charge_order

// A list page whose total is exact up to kCountCap matching rows; beyond it total = kCountCap and
// capped = true (the page asks the user to narrow the search; deeper pages are refused).
inline constexpr int64_t kCountCap = 10000;

// One order of the admin list (the api builds its camelCase JSON: api/admin/order/order_json.cpp). The
// other kind's fields stay empty.
struct OrderRow {
  OrderKind kind = OrderKind::car;
  int64_t id = 0;
  std::string order_no;
  int64_t station_id = 0;
  std::optional<int64_t> area_id;
  std::optional<std::string> station_name, area_name;  // null once the station / area is gone
  std::string phone, card_no, start_method, state, end_reason;
  int64_t prepaid = 0, energy = 0, energy_fee = 0, service_fee = 0, charged = 0, refunded = 0, power_w = 0;
  std::optional<int64_t> pay_order_id;
  std::optional<int64_t>
      refundable;  // what an admin refund may still return (null: neither paid nor by card)
  int64_t prepay_returned = 0, fee_refunded = 0;
  int64_t created_at = 0;
  std::optional<int64_t> start_at, end_at;
  // car
  int64_t pile_id = 0, gun_id = 0;
  std::string pile_code, gun_code, plate, reservation_no;
  int64_t occupancy_fee = 0;  // the parking stay's occupancy fee (paid as its own pay order)
  std::optional<std::string> pile_name;
  // e-bike
  int64_t device_id = 0, socket_id = 0, socket_no = 0, prepaid_duration_s = 0, duration_s = 0;
  std::string device_code, split_status;
  std::optional<std::string> device_name, socket_code;
};

struct BoundedPage {
  std::vector<OrderRow> rows;
  int64_t total = 0;
  bool capped = false;
};

// One order's detail: its list row and what the detail page adds.
struct OrderDetail {
  OrderRow row;
  std::string billing_detail;  // JSON text as settlement wrote it ("" before)
  std::optional<std::string> device_txn_no;
  std::optional<int64_t> last_report_at, device_lost_at, updated_at, user_id;
  std::optional<int64_t> tariff_version_id, tariff_id;       // car / e-bike
  std::optional<std::string> factory_no;                     // the pile's / device's
  std::optional<std::string> current_type;                   // car pile
  std::optional<int64_t> speed, output_power;                // car pile
  std::optional<int64_t> device_type;                        // e-bike device
  std::optional<int64_t> device_record_id, device_abnormal;  // its charging_transaction
  std::optional<std::string> device_flags;
};

struct CarTariffVersion {
  int64_t id = 0, seq = 0, effective_from = 0, tariff_id = 0;
  std::string mode, definition, name;  // definition: JSON text
};

struct BikeTariffRow {
  int64_t id = 0;
  std::string name, mode, bands;  // bands: JSON text
  int64_t max_duration_min = 0, auto_stop_amount = 0, free_minutes = 0, unit_minutes = 0, unit_price = 0;
  int64_t energy_price = 0, service_price = 0, reference_power_w = 0;
};

ListSpec car_order_list_spec();
ListSpec bike_order_list_spec();

BoundedPage list_bounded(Connection& c, OrderKind k, const QueryParams& q, const DataScope& scope);

// Exact number of matching rows (exports: the progress total).
int64_t count_all(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope);

// Every matching row, newest first, `batch` rows per query: keyset on (time_col, id_col) — both must be
// selected as "createTime" and "id" by the spec. `fn` gets each batch's rows.
void for_each_batch(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope,
                    const std::string& time_col, const std::string& id_col, int64_t batch,
                    const std::function<void(const Result&)>& fn);

// What the detail and the admin actions need of one order, inside the scope.
struct OrderRef {
  int64_t id = 0;
  std::string order_no;
  std::string state;
  std::optional<int64_t> pay_order_id;
  int64_t prepaid = 0, charged = 0, refunded = 0;
  int64_t station_id = 0;
};
std::optional<OrderRef> find_order(Connection& c, OrderKind k, int64_t id, const DataScope& scope);

// The detail (list columns + pile/device facts, billing_detail, end reason …), inside the scope.
std::optional<OrderDetail> order_detail(Connection& c, OrderKind k, int64_t id, const DataScope& scope);
// The tariff the order was billed by: car → its tariff version, bike → the tariff.
std::optional<CarTariffVersion> car_tariff_version(Connection& c, int64_t version_id);
std::optional<BikeTariffRow> bike_tariff(Connection& c, int64_t tariff_id);

}  // namespace zc::db::orders
