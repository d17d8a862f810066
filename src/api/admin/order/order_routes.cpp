// ORD-CAR and ORD-BIKE (汽车订单 / 单车订单) and the ORD-PAY / ORD-REF exports. Thin: parse, check, call.
#include <memory>

#include "api/admin/order/order_json.hpp"
#include "api/admin/order/register.hpp"
#include "api/admin/station/common.hpp"
#include "api/admin/system/common.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "service/order/order_admin_actions.hpp"
#include "service/order/order_query.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace zc::api {

using http::Op;
using http::Request;
using order::OrderKind;
namespace json = boost::json;

namespace {

// {code, msg, rows, total, totalCapped}: total is exact up to db::orders::kCountCap matching orders.
http::Response bounded_rows(const order::OrderListPage& page) {
  json::object o;
  o["code"] = 200;
  o["msg"] = "查询成功";
  json::array rows;
  rows.reserve(page.rows.size());
  for (const auto& item : page.rows) rows.push_back(order_row_json(item));
  o["rows"] = std::move(rows);
  o["total"] = page.total;
  o["totalCapped"] = page.capped;
  http::Response r;
  r.body = json::serialize(o);
  return r;
}

json::object ended_json(const order::AdminEnded& e) {
  return {{"id", e.id},
          {"orderNo", e.order_no},
          {"status", e.result.state},
          {"charged", e.result.charged},
          {"refunded", e.result.refunded},
          {"message", e.result.message}};
}

json::object refunded_json(const order::AdminRefunded& r) {
  json::object out{{"id", r.last.id},
                   {"refundNo", r.last.refund_no},
                   {"amount", r.amount},
                   {"status", r.last.status},
                   {"result", r.last.result}};
  json::array each;
  for (const auto& p : r.parts)
    each.push_back(json::object{{"id", p.created.id},
                                {"refundNo", p.created.refund_no},
                                {"refundType", p.refund_type},
                                {"amount", p.amount},
                                {"status", p.created.status},
                                {"result", p.created.result}});
  out["refunds"] = std::move(each);
  return out;
}

void register_kind(http::Router& r, OrderKind k, std::shared_ptr<order::OrderQueries> q,
                   std::shared_ptr<order::OrderAdminActions> actions) {
  const std::string name = db::orders::kind_name(k);
  const std::string base = "/order/" + name;
  const std::string perm = "order:" + name + ":";
  const std::string title = k == OrderKind::car ? "汽车订单" : "单车订单";

  r.get(base + "/list", {.permission = perm + "list"},
        [q, k](Request& req) { return bounded_rows(q->list(k, req.query, req.user())); });
  r.post(base + "/export", {.permission = perm + "export", .log_title = title + "-导出", .op = Op::other},
         [q, k](Request& req) {
           auto b = JsonBody::parse(req.body.empty() ? "{}" : req.body);
           return http::ok(station::job_data(q->export_orders(k, station::filters_of(b), req.user())));
         });
  r.get(base + "/{id}", {.permission = perm + "query"}, [q, k](Request& req) {
    return http::ok(order_detail_json(q->detail(k, req.id_param("id"), req.user())));
  });
  r.post(base + "/{id}/end", {.permission = perm + "end", .log_title = title + "-结束订单", .op = Op::other},
         [actions, k](Request& req) {
           auto b = JsonBody::parse(req.body.empty() ? "{}" : req.body);
           std::optional<int64_t> duration = b.opt_i64("durationS");
           return http::ok(
               ended_json(actions->end(k, req.id_param("id"), duration,
                                       system::text(b, "reason", 200, TextKind::multiline), req.user())));
         });
  r.post(base + "/{id}/refund",
         {.permission = perm + "refund", .log_title = title + "-退费", .op = Op::other},
         [actions, k](Request& req) {
           auto b = JsonBody::parse(req.body);
           order::AdminRefundInput in;
           in.amount = b.opt_i64("amount");
           in.reason = system::text(b, "reason", 200, TextKind::multiline);
           return http::ok(refunded_json(actions->refund(k, req.id_param("id"), in, req.user())));
         });
}

}  // namespace

void register_order_admin_routes(http::Router& r, OrderAdminContext ctx) {
  auto q = std::make_shared<order::OrderQueries>(ctx.db, ctx.exports, ctx.car_ender, ctx.bike_ender);
  auto actions =
      std::make_shared<order::OrderAdminActions>(ctx.db, ctx.payments, ctx.car_ender, ctx.bike_ender);
  register_kind(r, OrderKind::car, q, actions);
  register_kind(r, OrderKind::bike, q, actions);
  register_device_record_routes(r, ctx.db);
  r.post("/order/payment/export",
         {.permission = "order:payment:export", .log_title = "支付订单-导出", .op = Op::other},
         [q](Request& req) {
           auto b = JsonBody::parse(req.body.empty() ? "{}" : req.body);
           return http::ok(station::job_data(q->export_payments(station::filters_of(b), req.user())));
         });
  r.post("/order/refund/export",
         {.permission = "order:refund:export", .log_title = "退费管理-导出", .op = Op::other},
         [q](Request& req) {
           auto b = JsonBody::parse(req.body.empty() ? "{}" : req.body);
           return http::ok(station::job_data(q->export_refunds(station::filters_of(b), req.user())));
         });
}

}  // namespace zc::api
