// /system/user (SYS-USER) — the profile routes (/system/user/profile*) belong to the auth module.
#include "api/admin/system/common.hpp"
#include "api/row_json.hpp"
#include "core/query_params.hpp"
#include "service/system/user_service.hpp"

namespace zc::api::system {

using http::Op;
using http::Request;
using http::Response;

static std::string station_type(const JsonBody& b) {
  auto t = b.opt_str("stationType", 10);
  if (!t || t->empty()) fail_bad_request("stationType: 不能为空");
  return *t;
}

void register_user_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::UserService>(ctx);
  const std::string title = "用户管理";
  r.get("/system/user/list", {.permission = "system:user:list"},
        [svc](Request& q) { return rows_response(svc->list(q.query, q.user())); });
  r.get("/system/user/stationOptions", {.permission = "system:user:bind"}, [svc](Request& q) {
    auto t = query_str(q.query, "stationType");
    if (!t) fail_bad_request("stationType: 不能为空");
    return http::ok(rows_json(svc->station_options(*t, query_int(q.query, "userId"), q.user())));
  });
  r.get("/system/user/{id}", {.permission = "system:user:query"},
        [svc](Request& q) { return http::ok(row_json(svc->get(q.id_param("id"), q.user()))); });
  r.post("/system/user", {.permission = "system:user:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           sys::UserCreate in;
           auto type = opt_user_type(b, "userType");
           if (!type) fail_bad_request("userType: 不能为空");
           in.owner.type = *type;
           in.owner.provider_id = b.opt_i64("providerId");
           in.owner.property_id = b.opt_i64("propertyId");
           in.owner.collective_id = b.opt_i64("collectiveId");
           in.nick_name = b.str("nickName", 30);
           in.phone = b.str("phone", 20);
           in.email = text(b, "email", 100);
           auto pw = b.opt_str("password", 64);
           if (!pw || pw->empty()) fail_bad_request("password: 不能为空");
           in.password = *pw;
           in.dept_id = b.opt_i64("deptId");
           in.post_id = b.opt_i64("postId");
           in.role_ids = b.id_list("roleIds");
           return http::ok(id_data(svc->create(in, q.user())));
         });
  r.put("/system/user", {.permission = "system:user:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          sys::UserUpdate in;
          in.id = required_id(b, "id");
          in.nick_name = b.str("nickName", 30);
          in.email = text(b, "email", 100);
          in.dept_id = nullable_id(b, "deptId");
          in.post_id = nullable_id(b, "postId");
          in.role_ids = b.opt_id_list("roleIds");
          auto pw = b.opt_str("password", 64);
          if (pw && !pw->empty()) in.password = *pw;
          in.phone = b.opt_str("phone", 20);
          svc->update(in, q.user());
          return http::ok();
        });
  r.put("/system/user/changeStatus",
        {.permission = "system:user:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/system/user/{ids}", {.permission = "system:user:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_list_param("ids"), q.user());
          return http::ok();
        });
  r.put("/system/user/resetPwd", {.permission = "system:user:resetPwd", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          int64_t id = required_id(b, "id");
          auto pw = b.opt_str("password", 64);
          if (!pw || pw->empty()) fail_bad_request("password: 不能为空");
          svc->reset_password(id, *pw, q.user());
          return http::ok();
        });
  r.put("/system/user/stations", {.permission = "system:user:bind", .log_title = title, .op = Op::grant},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          int64_t id = required_id(b, "id");
          std::string type = station_type(b);
          svc->bind_stations(id, type, b.id_list("stationIds"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::system
