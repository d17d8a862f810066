#pragma once
// The reads of the invoice page (ORD-INV: list with the spec's filters, detail with buyer, seller, lines
// and orders) and of the driver app (my invoices). docs/invoices.md has the fields.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::invoice {

class InvoiceQueries {
 public:
  explicit InvoiceQueries(db::Database& db) : db_(db) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object detail(int64_t id, const Principal& p);
  boost::json::array of_driver(int64_t user_id);

 private:
  db::Database& db_;
};

}  // namespace zc::invoice
