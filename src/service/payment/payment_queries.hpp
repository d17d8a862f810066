#pragma once
// ORD-PAY and ORD-REF for the admin web: lists with filters and data scope, details with the refunds
// and ledger movements of the payment (docs/api-order.md).
#include <boost/json/object.hpp>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::payment {

class PaymentQueries {
 public:
  explicit PaymentQueries(db::Database& db) : db_(db) {}
  db::Page pay_orders(const QueryParams& q, const Principal& p);
  boost::json::object pay_order(int64_t id, const Principal& p);  // 404 outside the scope
  db::Page refunds(const QueryParams& q, const Principal& p);
  boost::json::object refund(int64_t id, const Principal& p);
  boost::json::object reconciliation();  // {balanced, problems: [{payOrderId, payNo, problem}]}

 private:
  db::Database& db_;
};

}  // namespace zc::payment
