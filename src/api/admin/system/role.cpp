// /system/role (SYS-ROLE).
#include "api/admin/system/common.hpp"
#include "api/row_json.hpp"
#include "core/query_params.hpp"
#include "service/system/role_service.hpp"
#include "service/system/rules.hpp"

namespace zc::api::system {

using http::Op;
using http::Request;
using http::Response;

void register_role_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::RoleService>(ctx);
  const std::string title = "角色管理";
  r.get("/system/role/list", {.permission = "system:role:list"},
        [svc](Request& q) { return rows_response(svc->list(q.query, q.user())); });
  r.get("/system/role/menuTree", {.permission = "system:role:list"}, [svc](Request& q) {
    return http::ok(sys::build_tree(rows_json(svc->menu_tree(q.user())), "parentId"));
  });
  r.get("/system/role/options", {}, [svc](Request& q) {
    sys::RoleOptionsQuery o;
    o.role_type = query_str(q.query, "roleType");
    o.provider_id = query_int(q.query, "providerId");
    o.property_id = query_int(q.query, "propertyId");
    o.collective_id = query_int(q.query, "collectiveId");
    return http::ok(rows_json(svc->options(o, q.user())));
  });
  r.get("/system/role/{id}", {.permission = "system:role:query"},
        [svc](Request& q) { return http::ok(row_json(svc->get(q.id_param("id"), q.user()))); });
  r.get("/system/role/{id}/users", {.permission = "system:role:list"}, [svc](Request& q) {
    auto allocated = query_int(q.query, "allocated").value_or(1);
    if (allocated != 0 && allocated != 1) fail_bad_request("allocated: 只能是0或1");
    return rows_response(svc->users(q.id_param("id"), allocated == 1, q.query, q.user()));
  });
  r.post("/system/role", {.permission = "system:role:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           sys::RoleCreate in;
           in.role_name = b.str("roleName", 50);
           auto type = opt_user_type(b, "roleType");
           if (!type) fail_bad_request("roleType: 不能为空");
           in.owner.type = *type;
           in.owner.provider_id = b.opt_i64("providerId");
           in.owner.property_id = b.opt_i64("propertyId");
           in.owner.collective_id = b.opt_i64("collectiveId");
           in.role_key = b.opt_str("roleKey", 50);
           in.remark = text(b, "remark", 500, TextKind::multiline);
           in.status = b.opt_i64("status").value_or(0);
           in.menu_ids = b.id_list("menuIds");
           return http::ok(id_data(svc->create(in, q.user())));
         });
  r.put("/system/role", {.permission = "system:role:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          sys::RoleUpdate in;
          in.id = required_id(b, "id");
          in.role_name = b.str("roleName", 50);
          in.remark = text(b, "remark", 500, TextKind::multiline);
          in.status = b.opt_i64("status").value_or(0);
          in.menu_ids = b.opt_id_list("menuIds");
          svc->update(in, q.user());
          return http::ok();
        });
  r.put("/system/role/changeStatus",
        {.permission = "system:role:status", .log_title = title, .op = Op::status}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->change_status(required_id(b, "id"), b.i64("status"), q.user());
          return http::ok();
        });
  r.del("/system/role/{ids}", {.permission = "system:role:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_list_param("ids"), q.user());
          return http::ok();
        });
  r.put("/system/role/authUser/select",
        {.permission = "system:role:auth", .log_title = title, .op = Op::grant}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->grant_users(required_id(b, "roleId"), b.id_list("userIds"), q.user());
          return http::ok();
        });
  r.put("/system/role/authUser/cancel",
        {.permission = "system:role:auth", .log_title = title, .op = Op::grant}, [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->revoke_users(required_id(b, "roleId"), b.id_list("userIds"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::system
