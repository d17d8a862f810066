#include "api/admin/order/invoice_routes.hpp"

#include <memory>

#include "api/admin/system/common.hpp"
#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "core/clock.hpp"
#include "core/json_body.hpp"
#include "http/envelope.hpp"
#include "storage/repositories/invoice_repo.hpp"

namespace zc::api {

namespace json = boost::json;
using db::orders::OrderKind;
using http::Op;
using http::Request;

namespace {

OrderKind kind_of(const JsonBody& b) {
  const std::string t = b.opt_str("orderType", 10).value_or("car");
  if (t != "car" && t != "bike") fail_bad_request("orderType: 只能是car或bike");
  return t == "car" ? OrderKind::car : OrderKind::bike;
}

invoice::Buyer buyer_of(const JsonBody& b) {
  invoice::Buyer v;
  v.title_type = b.opt_str("titleType", 10).value_or("");
  v.title = b.opt_str("title", 50).value_or("");
  v.taxpayer_id = b.opt_str("taxpayerId", 20).value_or("");
  v.email = b.opt_str("email", 100).value_or("");
  v.phone = b.opt_str("phone", 20).value_or("");
  return v;
}

std::vector<std::string> order_nos(const JsonBody& b) {
  std::vector<std::string> out;
  auto* v = b.object().if_contains("orderNos");
  if (!v || !v->is_array()) fail_bad_request("orderNos: 请选择要开票的订单");
  for (const auto& e : v->as_array()) {
    if (!e.is_string() || e.as_string().empty() || e.as_string().size() > 64)
      fail_bad_request("orderNos: 应为订单号数组");
    out.emplace_back(e.as_string());
  }
  return out;
}

http::Response pdf_response(invoice::Pdf p) {
  http::Response r;
  r.content_type = "application/pdf";
  r.body = std::move(p.bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + p.file_name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

json::object id_json(int64_t id) {
  return json::object{{"id", id}};
}

}  // namespace

void register_invoice_routes(http::Router& r, InvoiceContext ctx) {
  auto q = std::make_shared<invoice::InvoiceQueries>(ctx.db);
  auto* svc = &ctx.service;
  r.get("/order/invoice/list", {.permission = "order:invoice:list"},
        [q](Request& req) { return system::rows(q->list(req.query, req.user())); });
  r.get("/order/invoice/{id}", {.permission = "order:invoice:query"},
        [q](Request& req) { return http::ok(q->detail(req.id_param("id"), req.user())); });
  r.get("/order/invoice/{id}/pdf", {.permission = "order:invoice:download"},
        [svc](Request& req) { return pdf_response(svc->pdf(req.id_param("id"), req.user())); });
  // 开票 of the car / e-bike order pages, under each page's permission.
  for (OrderKind kind : {OrderKind::car, OrderKind::bike}) {
    const std::string name = db::orders::kind_name(kind);
    r.post("/order/" + name + "/invoice",
           {.permission = "order:" + name + ":invoice", .log_title = "订单管理-开票", .op = Op::add},
           [svc, kind](Request& req) {
             auto b = JsonBody::parse(req.body);
             invoice::Request in;
             in.kind = kind;
             for (int64_t id : b.id_list("orderIds")) in.keys.push_back(std::to_string(id));
             in.buyer = buyer_of(b);
             invoice::Requester who{"admin", req.user().user_name, &req.user().scope, std::nullopt};
             return http::ok(id_json(svc->request(in, who)));
           });
  }
  r.post("/order/invoice/{id}/reissue",
         {.permission = "order:invoice:reissue", .log_title = "发票管理-重开", .op = Op::other},
         [svc](Request& req) {
           svc->reissue(req.id_param("id"), req.user());
           return http::ok();
         });
  r.post("/order/invoice/{id}/void",
         {.permission = "order:invoice:void", .log_title = "发票管理-作废", .op = Op::other},
         [svc](Request& req) {
           auto b = JsonBody::parse(req.body);
           svc->void_invoice(req.id_param("id"), b.opt_str("reason", 100).value_or("作废"), req.user());
           return http::ok();
         });
}

void register_invoice_app_routes(http::Router& r, InvoiceContext ctx) {
  auto q = std::make_shared<invoice::InvoiceQueries>(ctx.db);
  auto* svc = &ctx.service;
  auto& db = ctx.db;
  r.get("/app/invoices", driver::app_route(), [q, &db](Request& req) {
    auto me = driver::require_app_user(db, req);
    auto rows = q->of_driver(me.id);
    auto total = static_cast<int64_t>(rows.size());
    return http::ok_rows(std::move(rows), total);
  });
  r.post("/app/invoices", driver::app_route(), [svc, &db](Request& req) {
    auto me = driver::require_app_user(db, req);
    auto b = JsonBody::parse(req.body);
    invoice::Request in;
    in.kind = kind_of(b);
    in.keys = order_nos(b);
    in.by_no = true;
    in.buyer = buyer_of(b);
    invoice::Requester who{"app", me.phone, nullptr, me.id};
    return http::ok(id_json(svc->request(in, who)));
  });
  r.get("/app/invoices/{id}/pdf", driver::app_route(), [svc, &db](Request& req) {
    auto me = driver::require_app_user(db, req);
    return pdf_response(svc->pdf_of_driver(req.id_param("id"), me.id));
  });
}

void register_invoice_test_routes(http::Router& r, InvoiceContext ctx) {
  auto& db = ctx.db;
  r.post("/test/invoice/orders", {}, [&db](Request& req) {
    if (!req.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(req.body);
    const OrderKind kind = kind_of(b);
    const std::string phone = b.str("phone", 20);
    auto ids = db.write([&](db::Connection& c) {
      auto user = c.scalar("SELECT id FROM app_user WHERE phone = ?", {phone});
      if (!user) fail_not_found("phone: 没有这个用户");
      return db::invoice::seed_completed_orders(
          c, kind, system::required_id(b, "stationId"), *user, phone, b.opt_i64("count").value_or(1),
          b.i64("energyFee"), b.i64("serviceFee"), b.opt_i64("refunded").value_or(0), now_ms());
    });
    json::array rows;
    db.read([&](db::Connection& c) {
      for (int64_t id : ids)
        rows.push_back(json::object{{"id", id},
                                    {"orderNo", c.query(std::string("SELECT order_no FROM ") +
                                                            db::orders::order_table(kind) + " WHERE id = ?",
                                                        {id})
                                                    .str(0, 0)}});
    });
    return http::ok(rows);
  });
  r.put("/test/invoice/sandbox", {}, [ctx](Request& req) {
    if (!req.user().super_admin) fail_forbidden("仅超级管理员可用");
    auto b = JsonBody::parse(req.body);
    if (!ctx.sandbox) return http::ok();
    if (auto p = b.opt_i64("failurePermille")) ctx.sandbox->set_failure_permille(*p);
    if (auto cb = b.opt_i64("callback")) ctx.sandbox->set_callback_enabled(*cb != 0);
    return http::ok();
  });
  r.get("/test/invoice/stats", {}, [ctx](Request& req) {
    if (!req.user().super_admin) fail_forbidden("仅超级管理员可用");
    json::object counts;
    for (auto& [status, n] :
         ctx.db.read([](db::Connection& c) { return db::invoice::InvoiceRepo(c).count_by_status(); }))
      counts[status] = n;
    return http::ok(json::object{{"counts", counts}, {"queued", static_cast<int64_t>(ctx.service.queued())}});
  });
}

}  // namespace zc::api
