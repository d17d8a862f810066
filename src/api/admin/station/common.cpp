#include "api/admin/station/common.hpp"

#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "api/row_json.hpp"
#include "service/station/area_service.hpp"
#include "service/station/station_config.hpp"
#include "service/station/station_lifecycle.hpp"

namespace zc::api::station {

namespace json = boost::json;
using http::Op;
using http::Request;

bool opt_bool(const JsonBody& b, std::string_view key, bool def) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return def;
  const auto& v = it->value();
  if (v.is_bool()) return v.as_bool();
  if (v.is_int64() && (v.as_int64() == 0 || v.as_int64() == 1)) return v.as_int64() == 1;
  fail_bad_request(std::string(key) + ": 应为布尔值");
}

std::optional<int64_t> opt_micro_degrees(const JsonBody& b, std::string_view key) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  double d = 0;
  if (v.is_int64()) {
    d = static_cast<double>(v.as_int64());
  } else if (v.is_uint64()) {
    d = static_cast<double>(v.as_uint64());
  } else if (v.is_double()) {
    d = v.as_double();
  } else if (v.is_string()) {
    std::string s(v.as_string());
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) fail_bad_request(std::string(key) + ": 应为数字");
  } else {
    fail_bad_request(std::string(key) + ": 应为数字");
  }
  if (!std::isfinite(d) || std::fabs(d) > 1000) fail_bad_request(std::string(key) + ": 超出范围");
  return static_cast<int64_t>(std::llround(d * 1e6));
}

int64_t int_or(const JsonBody& b, std::string_view key, int64_t def) {
  return b.opt_i64(key).value_or(def);
}

std::vector<int64_t> int_list(const JsonBody& b, std::string_view key) {
  auto it = b.object().find(key);
  if (it == b.object().end() || it->value().is_null()) return {};
  if (!it->value().is_array()) fail_bad_request(std::string(key) + ": 应为整数数组");
  std::vector<int64_t> out;
  const auto& a = it->value().as_array();
  if (a.size() > 100) fail_bad_request(std::string(key) + ": 元素过多");
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_int64()) fail_bad_request(std::string(key) + "[" + std::to_string(i) + "]: 应为整数");
    out.push_back(a[i].as_int64());
  }
  return out;
}

QueryParams filters_of(const JsonBody& b) {
  QueryParams q;
  for (const auto& kv : b.object()) {
    const auto& v = kv.value();
    std::string key(kv.key());
    if (v.is_null()) continue;  // no filter, as an empty query parameter
    if (v.is_string())
      q[key] = std::string(v.as_string());
    else if (v.is_number() || v.is_bool())
      q[key] = json::serialize(v);  // as written: 7, 1.5, true — the list's parser judges it
    else
      fail_bad_request(key + ": 应为字符串或数字");
  }
  return q;
}

json::object job_data(const std::string& job_id) {
  json::object o;
  o["jobId"] = job_id;
  return o;
}

http::Response png(std::string bytes, const std::string& file_name) {
  http::Response r;
  r.content_type = "image/png";
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

db::station::InvoiceFields invoice_input(const JsonBody& b) {
  db::station::InvoiceFields f;
  f.merchant_no = text(b, "merchantNo", 64);
  f.seller_address = text(b, "sellerAddress", 200);
  f.bank_account = text(b, "bankAccount", 64);
  f.bank_name = text(b, "bankName", 100);
  f.drawer = text(b, "drawer", 30);
  f.company_name = text(b, "companyName", 100);
  f.payee = text(b, "payee", 30);
  f.reviewer = text(b, "reviewer", 30);
  f.taxpayer_id = text(b, "taxpayerId", 20);
  f.electricity_tax_rate = int_or(b, "electricityTaxRate", 0);
  f.electricity_tax_code = text(b, "electricityTaxCode", 30);
  f.service_tax_rate = int_or(b, "serviceTaxRate", 0);
  f.service_tax_code = text(b, "serviceTaxCode", 30);
  f.phone = text(b, "phone", 20);
  return f;
}

void common_station_input(const JsonBody& b, db::station::CommonFields& f) {
  f.name = b.str("name", 50);
  f.operation_type = int_or(b, "operationType", 1);
  f.opening_hours = text(b, "openingHours", 11);
  f.province = text(b, "province", 50);
  f.city = text(b, "city", 50);
  f.district = text(b, "district", 50);
  f.address = text(b, "address", 200);
  f.longitude = opt_micro_degrees(b, "longitude");
  f.latitude = opt_micro_degrees(b, "latitude");
  f.timezone = text(b, "timezone", 64);
}

void register_station_config_routes(http::Router& r, db::Database& db, const Clock& clock,
                                    db::station::StationType type, const std::string& base,
                                    const std::string& perm, const std::string& title) {
  auto svc = std::make_shared<zc::station::StationConfigService>(db, type, clock);
  r.get(base + "/{id}/invoiceConfig", {.permission = perm + ":invoice"}, [svc](Request& q) {
    return http::ok(to_json_value(svc->invoice_config(q.id_param("id"), q.user())));
  });
  r.put(base + "/invoiceConfig",
        {.permission = perm + ":invoice", .log_title = title + "-发票配置", .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->save_invoice_config(required_id(b, "stationId"), invoice_input(b), q.user());
          return http::ok();
        });
  r.get(base + "/{id}/payConfig", {.permission = perm + ":pay"},
        [svc](Request& q) { return http::ok(svc->pay_config(q.id_param("id"), q.user())); });
  r.put(base + "/payConfig", {.permission = perm + ":pay", .log_title = title + "-支付配置", .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          // The operation log records the request body (also of refused writes): keep the WeChat Pay API v3
          // key out of it.
          json::object logged = b.object();
          if (auto* w = logged.if_contains("wechat");
              w && w->is_object() && w->as_object().contains("apiV3Key"))
            w->as_object()["apiV3Key"] = "******";
          q.body = json::serialize(logged);
          svc->save_pay_config(required_id(b, "stationId"), b.object(), q.user());
          return http::ok();
        });
}

void register_station_lifecycle_routes(http::Router& r, db::Database& db, const Clock& clock,
                                       db::station::StationType type, const std::string& base,
                                       const std::string& perm, const std::string& title) {
  db::Database* d = &db;
  const Clock* clk = &clock;
  r.get(base + "/options", {}, [d, type](Request& q) {
    return http::ok(rows_json(zc::station::station_options(*d, type, query_int(q.query, "propertyId"),
                                                           query_int(q.query, "enabledOnly").value_or(0) == 1,
                                                           q.user())));
  });
  r.put(base + "/audit", {.permission = perm + ":audit", .log_title = title, .op = Op::audit},
        [d, clk, type](Request& q) {
          auto b = JsonBody::parse(q.body);
          zc::station::audit_station(*d, type, clk->now(), required_id(b, "id"), b.i64("auditStatus"),
                                     text(b, "auditRemark", 200, TextKind::multiline), q.user());
          return http::ok();
        });
  r.put(base + "/changeStatus", {.permission = perm + ":status", .log_title = title, .op = Op::status},
        [d, clk, type](Request& q) {
          auto b = JsonBody::parse(q.body);
          zc::station::change_station_status(*d, type, clk->now(), required_id(b, "id"), b.i64("status"),
                                             q.user());
          return http::ok();
        });
  register_station_config_routes(r, db, clock, type, base, perm, title);
}

void register_area_routes(http::Router& r, db::Database& db, const Clock& clock,
                          db::station::StationType type, const std::string& base, const std::string& perm,
                          const std::string& title) {
  auto svc = std::make_shared<zc::station::AreaService>(db, type, clock);
  const bool car = type == db::station::StationType::car;
  auto fields = [car](const JsonBody& b) {
    return zc::station::AreaFields{b.str("name", 50), text(b, "phone", 20), car ? int_or(b, "power", 0) : 0};
  };
  r.get(base + "/list", {.permission = perm + ":list"},
        [svc](Request& q) { return rows(svc->list(q.query, q.user())); });
  r.get(base + "/options", {}, [svc](Request& q) {
    return http::ok(rows_json(svc->options(query_int(q.query, "stationId"),
                                           query_int(q.query, "enabledOnly").value_or(0) == 1, q.user())));
  });
  r.get(base + "/{id}", {.permission = perm + ":query"},
        [svc](Request& q) { return http::ok(svc->get(q.id_param("id"), q.user())); });
  r.post(base, {.permission = perm + ":add", .log_title = title, .op = Op::add}, [svc, fields](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(id_data(svc->create(required_id(b, "stationId"), fields(b), q.user())));
  });
  r.put(base, {.permission = perm + ":edit", .log_title = title, .op = Op::edit}, [svc, fields](Request& q) {
    auto b = JsonBody::parse(q.body);
    svc->update(required_id(b, "id"), fields(b), q.user());
    return http::ok();
  });
  r.put(base + "/changeStatus", {.permission = perm + ":status", .log_title = title, .op = Op::status},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  if (car) return;
  r.del(base + "/{id}", {.permission = perm + ":remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_param("id"), q.user());
          return http::ok();
        });
}

void register_clock_test_routes(http::Router& r, Clock& clock) {
  Clock* c = &clock;
  auto require_admin = [](const Request& q) {
    if (!q.user().super_admin) fail_forbidden("仅超级管理员可用");
  };
  auto clock_data = [c] {
    json::object o;
    o["now"] = c->now();
    o["offsetMs"] = c->offset();
    return o;
  };
  r.get("/test/clock", {}, [=](Request& q) {
    require_admin(q);
    return http::ok(clock_data());
  });
  r.post("/test/clock", {}, [=](Request& q) {
    require_admin(q);
    auto b = JsonBody::parse(q.body);
    if (auto now = b.opt_i64("now"))
      c->set_offset(*now - now_ms());
    else
      c->set_offset(b.opt_i64("offsetMs").value_or(0));
    return http::ok(clock_data());
  });
}

}  // namespace zc::api::station
