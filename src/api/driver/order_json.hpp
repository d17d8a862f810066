#pragma once
// The app's JSON of a driver's car and e-bike orders (docs/api-driver.md): list rows and the live detail.
#include <boost/json/object.hpp>

#include "service/order/bike_orders.hpp"
#include "service/order/car_orders.hpp"

namespace zc::api::driver {

boost::json::object order_json(const order::CarOrderView& v);
boost::json::object order_json(const order::BikeOrderView& v);
// A start with a card (APP-4): {orderNo, <target_key>, cardId, balance}.
boost::json::object card_start_json(const order::CardStart& s, const char* target_key);

}  // namespace zc::api::driver
