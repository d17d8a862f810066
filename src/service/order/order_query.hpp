#pragma once
// The admin order pages' reads (ORD-CAR, ORD-BIKE, and the exports of ORD-PAY / ORD-REF): lists with
// filters and data scope, one order's detail with its payments, refunds, tariff and billing breakdown,
// and the Excel exports of a filtered list (streamed in keyset batches through the export jobs, so a
// 100,000-row export needs no more memory than one batch). Read-only. docs/api-order.md.
#include <boost/json/object.hpp>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "service/export/export_jobs.hpp"
#include "service/order/order_actions.hpp"
#include "storage/database.hpp"
#include "storage/repositories/order_query_repo.hpp"

namespace zc::order {

using db::orders::OrderKind;

class OrderQueries {
 public:
  // car / bike: the order services that price an open order (nullptr: its rows show the stored charge).
  OrderQueries(db::Database& db, exports::ExportJobs& exports, OrderEnder* car, OrderEnder* bike)
      : db_(db), exports_(exports), car_(car), bike_(bike) {}

  // An open order's row carries costSoFar, its running cost (the stored charge is 0 until it settles).
  db::orders::BoundedPage list(OrderKind k, const QueryParams& q, const Principal& p);
  // The order + payments[] (its pay order with ledger), refunds[], tariff, billingDetail, costSoFar (as
  // list); 404 outside scope.
  boost::json::object detail(OrderKind k, int64_t id, const Principal& p);

  // Export jobs of the filtered lists → job id (progress: GET /export/{jobId}).
  std::string export_orders(OrderKind k, const QueryParams& filters, const Principal& p);
  std::string export_payments(const QueryParams& filters, const Principal& p);
  std::string export_refunds(const QueryParams& filters, const Principal& p);

 private:
  void add_running_cost(OrderKind k, boost::json::object& row);

  db::Database& db_;
  exports::ExportJobs& exports_;
  OrderEnder* car_;
  OrderEnder* bike_;
};

}  // namespace zc::order
