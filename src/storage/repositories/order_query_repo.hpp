#pragma once
// SQL of the admin order pages (ORD-CAR, ORD-BIKE; docs/api-order.md): the lists with their filters and
// data scope, one order's detail, and the batched reads the Excel exports stream. Read-only: the orders
// are written by the car and e-bike order services, their money by the payment service.
//
// Built for large tables (1,000,000+ orders): every filter leads one index of 0010/0014 followed by
// created_at, lists are ordered created_at DESC, id DESC (what those indexes give), the total is a
// bounded count (kCountCap) instead of a COUNT over all matching rows, and exports read in keyset
// batches (no OFFSET, constant memory).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

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
struct BoundedPage {
  boost::json::array rows;
  int64_t total = 0;
  bool capped = false;
};

ListSpec car_order_list_spec();
ListSpec bike_order_list_spec();

BoundedPage list_bounded(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope);

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

// The detail row (list columns + pile/device facts, billing_detail, end reason …), inside the scope.
std::optional<boost::json::object> order_detail(Connection& c, OrderKind k, int64_t id,
                                                const DataScope& scope);
// The tariff the order was billed by: car → its tariff version (definition parsed), bike → the tariff.
std::optional<boost::json::object> car_tariff_version(Connection& c, int64_t version_id);
std::optional<boost::json::object> bike_tariff(Connection& c, int64_t tariff_id);

}  // namespace zc::db::orders
