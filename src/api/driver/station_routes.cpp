// APP-2/APP-3 and payment status: GET /app/stations, GET /app/stations/{type}/{id} (public),
// GET /app/scan?code= and GET /app/pay/{payNo} (signed in).
#include <boost/json/object.hpp>

#include "api/driver/app_auth.hpp"
#include "api/driver/register.hpp"
#include "core/error.hpp"
#include "http/envelope.hpp"
#include "service/driver/scan_service.hpp"
#include "service/driver/station_finder.hpp"
#include "storage/repositories/app_pay_repo.hpp"

namespace zc::api::driver {

namespace json = boost::json;
using http::Request;
using zc::driver::GeoPoint;

namespace {

std::optional<double> coordinate(const Request& req, const char* name, double limit) {
  auto s = query_str(req.query, name);
  if (!s) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(*s, &used);
    if (used == s->size() && v >= -limit && v <= limit) return v;
  } catch (const std::exception&) {
  }
  fail_bad_request(std::string(name) + ": 应为" + (limit > 90 ? "-180到180" : "-90到90") +
                   "之间的十进制度数");
}

// lat and lng together, or neither.
std::optional<GeoPoint> driver_location(const Request& req) {
  auto lat = coordinate(req, "lat", 90), lng = coordinate(req, "lng", 180);
  if (lat.has_value() != lng.has_value())
    fail_bad_request(lat ? "lng: 需要与lat一起提供" : "lat: 需要与lng一起提供");
  if (!lat) return std::nullopt;
  return GeoPoint{*lat, *lng};
}

}  // namespace

int64_t bounded_param(const Request& req, const char* name, int64_t fallback, int64_t max) {
  auto v = query_int(req.query, name).value_or(fallback);
  if (v < 1 || v > max)
    fail_bad_request(std::string(name) + ": 应为1到" + std::to_string(max) + "之间的整数");
  return v;
}

void register_station_routes(http::Router& r, AppContext ctx) {
  if (!ctx.car) return;
  const zc::car::CarContext car = *ctx.car;

  r.get("/app/stations", app_route(), [car](Request& req) {
    zc::driver::StationQuery q;
    q.kind = zc::driver::parse_kind(query_str(req.query, "type").value_or("car"), "type");
    q.from = driver_location(req);
    q.keyword = query_str(req.query, "keyword").value_or("");
    if (q.keyword.size() > 100) fail_bad_request("keyword: 最多100个字符");
    q.page_num = bounded_param(req, "pageNum", 1, 100000);
    q.page_size = bounded_param(req, "pageSize", 10, 100);
    auto page = zc::driver::StationFinder(car).list(q);
    return http::ok_rows(std::move(page.rows), page.total);
  });

  r.get("/app/stations/{type}/{id}", app_route(), [car](Request& req) {
    auto kind = zc::driver::parse_kind(req.param("type"), "type");
    return http::ok(zc::driver::StationFinder(car).detail(kind, req.id_param("id"), driver_location(req)));
  });

  r.get("/app/scan", app_route(), [ctx, car](Request& req) {
    require_app_user(ctx.db, req);
    auto code = query_str(req.query, "code").value_or("");
    if (code.empty()) fail_bad_request("code: 请扫描或输入充电枪/插座编号");
    std::optional<int64_t> number = query_int(req.query, "gunNo");
    if (!number) number = query_int(req.query, "socketNo");
    return http::ok(zc::driver::ScanService(car, ctx.payments).scan(code, number));
  });

  r.get("/app/pay/{payNo}", app_route(), [ctx](Request& req) {
    auto me = require_app_user(ctx.db, req);
    const std::string& pay_no = req.param("payNo");
    if (pay_no.empty() || pay_no.size() > 40) fail_bad_request("payNo: 支付单号无效");
    auto p = ctx.db.read([&](db::Connection& c) { return db::app::AppPayRepo(c).find(pay_no, me.id); });
    if (!p) fail_not_found("payNo: 支付单不存在");
    json::object o;
    o["payNo"] = p->pay_no;
    o["status"] = p->status;
    o["amount"] = p->amount;
    o["paidAmount"] = p->paid_amount;
    o["refundedAmount"] = p->refunded;
    o["orderType"] = p->order_type;
    o["orderNo"] = p->order_no.empty() ? json::value(nullptr) : json::value(p->order_no);
    // Where the driver pays while it is unpaid (the sandbox gateway's cashier page is served here).
    o["cashierUrl"] = p->status == "unpaid" && p->provider == "sandbox" && !p->prepay_id.empty()
                          ? json::value("/sandbox/pay/" + p->prepay_id)
                          : json::value(nullptr);
    o["expireTime"] = p->expires_at;
    o["createTime"] = p->created_at;
    o["payTime"] = p->paid_at ? json::value(*p->paid_at) : json::value(nullptr);
    return http::ok(std::move(o));
  });
}

}  // namespace zc::api::driver
