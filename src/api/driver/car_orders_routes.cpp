// APP-4/5 car charging routes (docs/api-driver.md). Every route needs the driver's app token.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/driver/app_auth.hpp"
#include "api/driver/car_orders.hpp"
#include "api/driver/order_json.hpp"
#include "api/driver/register.hpp"
#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/query_params.hpp"
#include "http/envelope.hpp"
#include "service/driver/plate.hpp"

namespace zc::api::driver {

using http::Request;

void register_car_order_routes(http::Router& r, db::Database& db, order::CarOrders& orders) {
  r.post("/app/car/orders", app_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    auto body = JsonBody::parse(req.body);
    order::CarOrderRequest in;
    in.user_id = me.id;
    in.phone = me.phone;
    in.gun_id = body.opt_i64("gunId");
    in.gun_code = body.opt_str("gunCode", 64).value_or("");
    auto card_id = body.opt_i64("cardId");
    if (!card_id) in.amount = body.i64("amount");
    if (auto plate = body.opt_str("plate", 16); plate && !plate->empty()) {
      auto normal = zc::driver::normalize_plate(*plate);
      if (!normal) fail_bad_request("plate: 车牌号格式不正确（如 粤B12345，新能源 粤BD12345）");
      in.plate = *normal;
    }
    if (card_id) return http::ok(card_start_json(orders.start_by_card(in, *card_id), "gunCode"), "已启动");
    auto offer = orders.request_start(in);
    return http::ok(boost::json::object{{"payNo", offer.pay_no},
                                        {"cashierUrl", offer.cashier_url},
                                        {"amount", offer.amount},
                                        {"expireTime", offer.expires_at},
                                        {"gunCode", offer.target_code}},
                    "请在收银台完成支付");
  });

  r.get("/app/car/orders", app_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    auto [views, total] = orders.list_of_user(me.id, bounded_param(req, "pageNum", 1, 100000),
                                              bounded_param(req, "pageSize", 10, 100));
    boost::json::array rows;
    for (const auto& v : views) rows.push_back(order_json(v));
    return http::ok_rows(std::move(rows), total);
  });

  r.get("/app/car/orders/{orderNo}", app_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    return http::ok(order_json(orders.detail_of_user(me.id, req.param("orderNo"))));
  });

  r.post("/app/car/orders/{orderNo}/stop", app_route(), [&db, &orders](Request& req) {
    auto me = require_app_user(db, req);
    orders.stop_by_driver(me.id, req.param("orderNo"));
    return http::ok(boost::json::object{{"orderNo", req.param("orderNo")}, {"state", "stopping"}},
                    "正在停止");
  });
}

void register_car_order_test_routes(http::Router& r, db::Database& db, order::CarOrders& orders) {
  // The sweeper's recovery of payments that never became an order, run now as if the clock said `atMs`.
  r.post("/test/car/orders/recoverUnstarted", {}, [&orders](Request& req) {
    auto b = JsonBody::parse(req.body);
    return http::ok(boost::json::object{{"recovered", orders.recover_unstarted(b.i64("atMs"))}});
  });
  r.post("/test/car/orders/{orderNo}/end", {}, [&db, &orders](Request& req) {
    auto o = db.read(
        [&](db::Connection& c) { return db::car_order::CarOrderRepo(c).find_by_no(req.param("orderNo")); });
    if (!o) fail_not_found("orderNo: 订单不存在");
    auto res = orders.end({o->id, std::nullopt, req.user().user_name, ""});
    return http::ok(boost::json::object{{"state", res.state},
                                        {"charged", res.charged},
                                        {"refunded", res.refunded},
                                        {"message", res.message}});
  });
}

}  // namespace zc::api::driver
