// POST /app/bike/orders, GET /app/bike/orders, GET /app/bike/orders/{orderNo},
// POST /app/bike/orders/{orderNo}/stop — the signed-in driver's own e-bike orders only.
#include "api/driver/bike_orders_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/driver/app_auth.hpp"
#include "api/driver/order_json.hpp"
#include "api/driver/register.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/query_params.hpp"
#include "http/envelope.hpp"

namespace zc::api::driver {

namespace json = boost::json;
using http::Request;

namespace {

http::RouteOptions driver_route() {
  return http::RouteOptions{.is_public = true};  // the driver is checked by require_app_user
}

const std::string& order_no_param(const Request& req) {
  const std::string& no = req.param("orderNo");
  if (no.empty() || no.size() > 32) fail_bad_request("orderNo: 订单号无效");
  return no;
}

}  // namespace

void register_bike_order_routes(http::Router& r, db::Database& db, order::BikeOrders& orders) {
  r.post("/app/bike/orders", driver_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    auto body = JsonBody::parse(req.body);
    order::BikeOrderRequest in;
    in.socket_id = body.opt_i64("socketId");
    in.socket_code = body.opt_str("socketCode", 64).value_or("");
    auto card_id = body.opt_i64("cardId");
    if (!card_id) in.amount = body.i64("amount");
    in.user_id = me.id;
    in.phone = me.phone;
    if (card_id) return http::ok(card_start_json(orders.start_by_card(in, *card_id), "socketCode"), "已启动");
    auto offer = orders.request_start(in);
    return http::ok(json::object{{"payNo", offer.pay_no},
                                 {"cashierUrl", offer.cashier_url},
                                 {"amount", offer.amount},
                                 {"expireTime", offer.expires_at}});
  });
  r.get("/app/bike/orders", driver_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    auto [views, total] = orders.list_of_user(me.id, bounded_param(req, "pageNum", 1, 100000),
                                              bounded_param(req, "pageSize", 10, 100));
    json::array rows;
    for (const auto& v : views) rows.push_back(order_json(v));
    return http::ok_rows(std::move(rows), total);
  });
  r.get("/app/bike/orders/{orderNo}", driver_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    return http::ok(order_json(orders.detail_of_user(me.id, order_no_param(req))));
  });
  r.post("/app/bike/orders/{orderNo}/stop", driver_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    return http::ok(order_json(orders.stop_by_driver(me.id, order_no_param(req))), "已发送停止指令");
  });
}

void register_bike_order_test_routes(http::Router& r, order::BikeOrders& orders) {
  // The sweeper's recovery of payments that never became an order, run now as if the clock said `atMs`.
  r.post("/test/bike/orders/recoverUnstarted", {}, [&orders](Request& req) {
    auto b = JsonBody::parse(req.body);
    return http::ok(boost::json::object{{"recovered", orders.recover_unstarted(b.i64("atMs"))}});
  });
}

}  // namespace zc::api::driver
