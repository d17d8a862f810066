// ORD-PAY (支付订单) and ORD-REF (退费管理) for the admin web (docs/api-order.md), and the test routes.
#include <memory>

#include "api/admin/system/common.hpp"
#include "api/payment/register.hpp"
#include "core/json_body.hpp"

namespace zc::api {

using http::Request;
using system::rows;

void register_payment_admin_routes(http::Router& r, db::Database& db) {
  auto q = std::make_shared<payment::PaymentQueries>(db);
  r.get("/order/payment/list", {.permission = "order:payment:list"},
        [q](Request& req) { return rows(q->pay_orders(req.query, req.user())); });
  r.get("/order/payment/reconciliation", {.permission = "order:payment:reconcile"},
        [q](Request&) { return http::ok(q->reconciliation()); });
  r.get("/order/payment/{id}", {.permission = "order:payment:query"},
        [q](Request& req) { return http::ok(q->pay_order(req.id_param("id"), req.user())); });
  r.get("/order/refund/list", {.permission = "order:refund:list"},
        [q](Request& req) { return rows(q->refunds(req.query, req.user())); });
  r.get("/order/refund/{id}", {.permission = "order:refund:query"},
        [q](Request& req) { return http::ok(q->refund(req.id_param("id"), req.user())); });
}

static boost::json::object refund_json(const payment::RefundCreated& c) {
  boost::json::object o;
  o["id"] = c.id;
  o["refundNo"] = c.refund_no;
  o["status"] = c.status;
  o["result"] = c.result;
  return o;
}

void register_payment_test_routes(http::Router& r, db::Database& db, payment::PaymentService& svc,
                                  payment::SandboxGateway& sandbox) {
  // What the driver app API (next) and the order service will call; here for the payment tests.
  r.post("/test/payment/prepay", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    payment::PrepayInput in;
    in.order_type = b.opt_str("orderType", 10).value_or("car");
    std::string st = b.opt_str("stationType", 10).value_or(in.order_type);
    if (st != "car" && st != "bike") fail_bad_request("stationType: 只能是car或bike");
    in.station_type = st == "car" ? db::station::StationType::car : db::station::StationType::bike;
    in.station_id = system::required_id(b, "stationId");
    in.amount = b.i64("amount");
    in.phone = b.opt_str("phone", 20).value_or("");
    in.charge_order_id = b.opt_i64("chargeOrderId");
    auto c = svc.create_prepay(in);
    boost::json::object o;
    o["id"] = c.id;
    o["payNo"] = c.pay_no;
    o["prepayId"] = c.prepay_id;
    o["cashierPath"] = c.cashier_path;
    o["payType"] = c.pay_type;
    o["merchantNo"] = c.merchant_no;
    o["amount"] = c.amount;
    o["expireTime"] = c.expires_at;
    return http::ok(o);
  });
  // The periodic close of expired unpaid pay orders, run now as if the clock said `atMs`.
  r.post("/test/payment/closeExpired", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    boost::json::object o;
    o["closed"] = svc.close_expired(b.i64("atMs"));
    return http::ok(o);
  });
  r.post("/test/payment/refund", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    payment::RefundInput in;
    in.pay_order_id = system::required_id(b, "payOrderId");
    in.amount = b.i64("amount");
    in.refund_type = b.opt_str("refundType", 20).value_or("fee_refund");
    in.reason = b.opt_str("reason", 200, TextKind::multiline).value_or("");
    in.op = q.user().user_name;
    return http::ok(refund_json(svc.request_refund(in)));
  });
  r.post("/test/payment/settle", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    auto s = svc.settle(system::required_id(b, "payOrderId"), b.i64("cost"));
    boost::json::object o;
    o["charged"] = s.settlement.charged;
    o["refund"] = s.settlement.refund;
    o["capped"] = s.settlement.capped;
    if (s.refund) o["refundOrder"] = refund_json(*s.refund);
    return http::ok(o);
  });
  // What a process stopped right after a settlement's commit leaves: captured, the refund reserved and
  // never sent to the gateway.
  r.post("/test/payment/settleUnsent", {}, [&db, &svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    int64_t id = system::required_id(b, "payOrderId"), cost = b.i64("cost");
    auto s = db.write([&](db::Connection& c) { return svc.settle_in(c, id, cost); });
    boost::json::object o;
    o["charged"] = s.settlement.charged;
    o["refund"] = s.settlement.refund;
    if (s.refund) o["refundNo"] = s.refund->refund.refund_no;
    return http::ok(o);
  });
  // The payment of payNo is applied without its on_paid listeners when it comes: what a stop right after
  // the notification's commit leaves (the order services' recover_unstarted picks it up).
  r.post("/test/payment/skipListeners", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    svc.skip_listeners_for(JsonBody::parse(q.body).str("payNo", 64));
    return http::ok();
  });
  // The sandbox gateway refuses the next `count` refund requests (the merchant's balance is short).
  r.post("/test/payment/sandboxRefuseRefunds", {}, [&sandbox](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    int64_t n = b.i64("count");
    if (n < 0 || n > 1000) fail_bad_request("count: 0–1000");
    sandbox.refuse_next_refunds(n);
    return http::ok();
  });
  // The periodic resend of unsent refunds, run now for those reserved before `beforeMs`.
  r.post("/test/payment/sendUnsentRefunds", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(q.body);
    boost::json::object o;
    o["sent"] = svc.send_unsent_refunds(b.i64("beforeMs"));
    return http::ok(o);
  });
}

}  // namespace zc::api
