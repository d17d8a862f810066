// STAT-SPLIT (分账记录) and the orders' 分账 action (docs/splits.md, docs/api-order.md), and the test routes
// of profit sharing.
#include "api/admin/system/common.hpp"
#include "api/payment/register.hpp"
#include "core/json_body.hpp"

namespace zc::api {

using http::Op;
using http::Request;

void register_split_routes(http::Router& r, split::SplitService& svc) {
  r.get("/stat/split/list", {.permission = "stat:split:list"},
        [&svc](Request& q) { return system::rows(svc.list(q.query, q.user())); });
  r.get("/stat/split/{id}", {.permission = "stat:split:query"},
        [&svc](Request& q) { return http::ok(svc.detail(q.id_param("id"), q.user())); });
  r.post("/stat/split/{id}/revoke",
         {.permission = "stat:split:revoke", .log_title = "分账记录-撤销", .op = Op::other},
         [&svc](Request& q) {
           boost::json::object o;
           o["returns"] = svc.revoke(q.id_param("id"), q.user());
           return http::ok(o);
         });
  r.post("/stat/split/{id}/resplit",
         {.permission = "stat:split:resplit", .log_title = "分账记录-重新分账", .op = Op::other},
         [&svc](Request& q) {
           svc.resplit(q.id_param("id"), q.user());
           return http::ok();
         });
  for (std::string kind : {"car", "bike"}) {
    r.post("/order/" + kind + "/{id}/split",
           {.permission = "order:" + kind + ":split",
            .log_title = std::string(kind == "car" ? "汽车订单" : "单车订单") + "-分账",
            .op = Op::other},
           [&svc, kind](Request& q) {
             svc.resplit_order(kind, q.id_param("id"), q.user());
             return http::ok();
           });
  }
}

void register_split_test_routes(http::Router& r, split::SplitService& svc, payment::SandboxGateway& sandbox) {
  // The share of new sandbox splits and returns that end failed (payment.sandbox_split_failure_rate).
  r.post("/test/payment/sandboxSplitFailure", {}, [&sandbox](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    int64_t p = JsonBody::parse(q.body).i64("percent");
    if (p < 0 || p > 100) fail_bad_request("percent: 0–100");
    sandbox.set_split_failure_percent(p);
    return http::ok();
  });
  // One pass of the split job now, as if the clock said `atMs` (moves retries' back-off forward).
  r.post("/test/split/run", {}, [&svc](Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
    svc.run(JsonBody::parse(q.body).i64("atMs"));
    return http::ok();
  });
}

}  // namespace zc::api
