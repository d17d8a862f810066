#pragma once
// The admin order pages' reads (ORD-CAR, ORD-BIKE, and the exports of ORD-PAY / ORD-REF): lists with
// filters and data scope, one order's detail with its payments, refunds, tariff and billing breakdown,
// and the Excel exports of a filtered list (streamed in keyset batches through the export jobs, so a
// 100,000-row export needs no more memory than one batch). Read-only. docs/api-order.md.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/export/export_jobs.hpp"
#include "service/order/order_actions.hpp"
#include "storage/database.hpp"
#include "storage/repositories/order_query_repo.hpp"

namespace zc::order {

using db::orders::OrderKind;

// A list row with the running cost of an open order (the stored charge is 0 until it settles).
struct OrderListItem {
  db::orders::OrderRow row;
  std::optional<int64_t> cost_so_far;
};
struct OrderListPage {
  std::vector<OrderListItem> rows;
  int64_t total = 0;
  bool capped = false;
};

// One order's detail page. The pay order (with its ledger and held amount) and its refunds are the
// payment repository's rows as it gives them.
struct OrderDetailView {
  db::orders::OrderDetail order;
  std::optional<int64_t> cost_so_far;
  std::optional<boost::json::object> payment;
  boost::json::array refunds;
  boost::json::array card_ledger;  // a card order's lines in its card's account (spend, refunds)
  std::optional<db::orders::CarTariffVersion> car_tariff;
  std::optional<db::orders::BikeTariffRow> bike_tariff;
};

class OrderQueries {
 public:
  // car / bike: the order services that price an open order (nullptr: its rows show the stored charge).
  OrderQueries(db::Database& db, exports::ExportJobs& exports, OrderEnder* car, OrderEnder* bike)
      : db_(db), exports_(exports), car_(car), bike_(bike) {}

  // An open order's row carries costSoFar, its running cost (the stored charge is 0 until it settles).
  OrderListPage list(OrderKind k, const QueryParams& q, const Principal& p);
  // The order with its pay order (ledger), refunds, tariff and running cost (as list); 404 outside scope.
  OrderDetailView detail(OrderKind k, int64_t id, const Principal& p);

  // Export jobs of the filtered lists → job id (progress: GET /export/{jobId}).
  std::string export_orders(OrderKind k, const QueryParams& filters, const Principal& p);
  std::string export_payments(const QueryParams& filters, const Principal& p);
  std::string export_refunds(const QueryParams& filters, const Principal& p);

 private:
  std::optional<int64_t> running_cost(const db::orders::OrderRow& row);

  db::Database& db_;
  exports::ExportJobs& exports_;
  OrderEnder* car_;
  OrderEnder* bike_;
};

}  // namespace zc::order
