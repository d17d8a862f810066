// /system/provider (SYS-PROV) and /system/property (SYS-PROP).
#include "api/admin/system/common.hpp"
#include "api/row_json.hpp"
#include "core/query_params.hpp"
#include "service/system/provider_service.hpp"

namespace zc::api::system {

using http::Op;
using http::Request;
using http::Response;
namespace json = boost::json;

static sys::ProviderInput provider_input(const JsonBody& b, bool create) {
  sys::ProviderInput in;
  if (!create) in.id = required_id(b, "id");
  in.name = b.str("name", 50);
  in.contact = b.str("contact", 30);
  in.email = text(b, "email", 100);
  in.phone = b.opt_str("phone", 20);
  if (create) in.parent_id = b.opt_i64("parentId");
  return in;
}

void register_provider_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::ProviderService>(ctx);
  const std::string title = "服务商管理";
  r.get("/system/provider/list", {.permission = "system:provider:list"},
        [svc](Request& q) { return rows_response(svc->list(q.query, q.user())); });
  r.get("/system/provider/options", {},
        [svc](Request& q) { return http::ok(rows_json(svc->options(q.user()))); });
  r.get("/system/provider/{id}", {.permission = "system:provider:query"},
        [svc](Request& q) { return http::ok(row_json(svc->get(q.id_param("id"), q.user()))); });
  r.post("/system/provider", {.permission = "system:provider:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(provider_input(b, true), q.user())));
         });
  r.put("/system/provider", {.permission = "system:provider:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(provider_input(b, false), q.user());
          return http::ok();
        });
  r.put("/system/provider/audit",
        {.permission = "system:provider:audit", .log_title = title, .op = Op::audit}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          auto res = svc->audit(required_id(b, "id"), b.i64("auditStatus"),
                                text(b, "auditRemark", 200, TextKind::multiline), q.user());
          if (!res) return http::ok();
          json::object o;
          o["id"] = res->id;
          o["userName"] = res->user_name;
          o["initialPassword"] = res->initial_password;
          return http::ok(std::move(o));
        });
  r.put("/system/provider/changeStatus",
        {.permission = "system:provider:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
}

static sys::PropertyInput property_input(const JsonBody& b, bool create) {
  sys::PropertyInput in;
  if (create) {
    in.provider_id = b.opt_i64("providerId");
    if (!in.provider_id) fail_bad_request("providerId: 不能为空");
  } else {
    in.id = required_id(b, "id");
  }
  in.name = b.str("name", 50);
  in.contact = b.str("contact", 30);
  in.email = text(b, "email", 100);
  in.phone = b.opt_str("phone", 20);
  in.province = text(b, "province", 50);
  in.city = text(b, "city", 50);
  in.address = text(b, "address", 200);
  return in;
}

void register_property_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::PropertyService>(ctx);
  const std::string title = "物业管理";
  r.get("/system/property/list", {.permission = "system:property:list"},
        [svc](Request& q) { return rows_response(svc->list(q.query, q.user())); });
  r.get("/system/property/options", {}, [svc](Request& q) {
    return http::ok(rows_json(svc->options(query_int(q.query, "providerId"), q.user())));
  });
  // A property account may always read its own property (its scope holds nothing else); others need
  // the query permission.
  r.get("/system/property/{id}", {}, [svc](Request& q) {
    const Principal& u = q.user();
    if (!u.has_permission("system:property:query") && u.scope.kind != UserType::property)
      fail_forbidden("没有权限访问: system:property:query");
    return http::ok(row_json(svc->get(q.id_param("id"), u)));
  });
  r.post("/system/property", {.permission = "system:property:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           auto res = svc->create(property_input(b, true), q.user());
           json::object o;
           o["id"] = res.id;
           o["userName"] = res.user_name;
           o["initialPassword"] = res.initial_password;
           return http::ok(std::move(o));
         });
  r.put("/system/property", {.permission = "system:property:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(property_input(b, false), q.user());
          return http::ok();
        });
  r.put("/system/property/changeStatus",
        {.permission = "system:property:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::system
