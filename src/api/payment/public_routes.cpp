// The notify endpoint and the sandbox gateway's cashier page.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "api/payment/register.hpp"
#include "core/money_text.hpp"

namespace zc::api {

using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

// The acknowledgement a gateway expects: HTTP 200 {"code":"SUCCESS"}; anything else is retried.
Response gateway_answer(int status, const std::string& message) {
  json::object o;
  o["code"] = status == 200 ? "SUCCESS" : "FAIL";
  o["message"] = message;
  Response r;
  r.status = status;
  r.body = json::serialize(o);
  return r;
}

std::string escape_html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Response page(int status, const std::string& title, const std::string& body_html) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>" +
      escape_html(title) +
      "</title><style>body{font-family:sans-serif;max-width:420px;margin:40px auto;padding:0 16px;color:#222}"
      ".amount{font-size:36px;font-weight:bold;margin:16px 0}.sandbox{color:#c60;font-size:13px}"
      "button{font-size:18px;padding:10px 0;width:100%;margin:6px 0;border-radius:6px;border:0;color:#fff}"
      ".pay{background:#07c160}.decline{background:#999}dt{color:#888;font-size:13px}dd{margin:0 0 8px}"
      ".back{display:block;text-align:center;color:#1765e0;margin-top:12px}"
      "</style></head><body><p class=\"sandbox\">沙箱支付网关 · Sandbox gateway — no real money moves</p>" +
      body_html + "</body></html>";
  return r;
}

// The "返回商户" link to `back` (a path SandboxGateway::safe_return_url let through), or "".
std::string back_link(const std::string& back) {
  if (back.empty()) return "";
  return "<p><a id=\"return\" class=\"back\" href=\"" + escape_html(back) +
         "\">返回商户 Back to merchant</a></p>";
}

// `back`: the validated return path or "": a "返回商户" link, and after a payment the page goes back by
// itself.
Response result_page(payment::CashierResult res, const std::string& back = "") {
  using payment::CashierResult;
  std::string link = back_link(back);
  switch (res) {
    case CashierResult::paid: {
      Response r = page(200, "支付成功", "<h1 id=\"result\" data-result=\"paid\">支付成功 Paid</h1>" + link);
      if (!back.empty())
        r.body.insert(r.body.find("</head>"),
                      "<meta http-equiv=\"refresh\" content=\"1;url=" + escape_html(back) + "\">");
      return r;
    }
    case CashierResult::declined:
      return page(200, "已取消支付",
                  "<h1 id=\"result\" data-result=\"declined\">已取消支付 Declined</h1>" + link);
    case CashierResult::already_done:
      return page(409, "订单已处理",
                  "<h1 id=\"result\" data-result=\"done\">该订单已处理 Already processed</h1>" + link);
    case CashierResult::expired:
      return page(410, "订单已过期",
                  "<h1 id=\"result\" data-result=\"expired\">订单已过期 Expired</h1>" + link);
    case CashierResult::not_found:
      break;
  }
  return page(404, "订单不存在",
              "<h1 id=\"result\" data-result=\"not_found\">订单不存在 Not found</h1>" + link);
}

std::string return_url_of(const Request& q) {
  auto v = query_str(q.query, "returnUrl");
  return v ? payment::SandboxGateway::safe_return_url(*v) : std::string();
}

}  // namespace

void register_payment_public_routes(http::Router& r, payment::PaymentService& svc,
                                    payment::SandboxGateway& sandbox) {
  r.post("/pay/notify/sandbox", {.is_public = true}, [&svc](Request& q) {
    auto out = svc.handle_notification(q.body, q.signature, q.remote_ip);
    return gateway_answer(out.http_status, out.message);
  });
  r.get("/sandbox/pay/{prepayId}", {.is_public = true}, [&sandbox](Request& q) {
    const std::string& id = q.param("prepayId");
    std::string back = return_url_of(q);
    std::string back_query = payment::SandboxGateway::cashier_return_query(back);
    auto o = sandbox.cashier_order(id);
    if (!o) return result_page(payment::CashierResult::not_found, back);
    std::string state = o->status == "pending" ? "待支付 Pending" : o->status;
    std::string html = "<h1>收银台 Cashier</h1><div class=\"amount\" id=\"amount\">¥" +
                       money::fen_text(o->amount) + "</div><dl><dt>商户号 Merchant</dt><dd id=\"merchant\">" +
                       escape_html(o->merchant_no) + "</dd><dt>订单号 Order</dt><dd id=\"order\">" +
                       escape_html(o->out_trade_no) + "</dd><dt>商品 Item</dt><dd>" +
                       escape_html(o->description) +
                       "</dd><dt>状态 Status</dt><dd id=\"status\" data-status=\"" + escape_html(o->status) +
                       "\">" + escape_html(state) + "</dd></dl>";
    if (o->status == "pending")
      html += "<form method=\"post\" action=\"/sandbox/pay/" + escape_html(id) + "/confirm" + back_query +
              "\"><button class=\"pay\" id=\"confirm\" type=\"submit\">确认支付 Pay</button></form>"
              "<form method=\"post\" action=\"/sandbox/pay/" +
              escape_html(id) + "/decline" + back_query +
              "\"><button class=\"decline\" id=\"decline\" type=\"submit\">取消支付 Decline</button>"
              "</form>";
    html += back_link(back);
    return page(200, "沙箱收银台", html);
  });
  r.post("/sandbox/pay/{prepayId}/confirm", {.is_public = true}, [&sandbox](Request& q) {
    return result_page(sandbox.confirm(q.param("prepayId")), return_url_of(q));
  });
  r.post("/sandbox/pay/{prepayId}/decline", {.is_public = true}, [&sandbox](Request& q) {
    return result_page(sandbox.decline(q.param("prepayId")), return_url_of(q));
  });
}

}  // namespace zc::api
