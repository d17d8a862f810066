#pragma once
// The admin order pages' JSON (docs/api-order.md): list rows and the detail, in the list's camelCase.
#include <boost/json/object.hpp>

#include "service/order/order_query.hpp"

namespace zc::api {

boost::json::object order_row_json(const order::OrderListItem& item);
boost::json::object order_detail_json(const order::OrderDetailView& d);

}  // namespace zc::api
