// /system/dept (SYS-DEPT) and /system/post (SYS-POST).
#include "api/admin/system/common.hpp"
#include "api/row_json.hpp"
#include "core/query_params.hpp"
#include "service/system/dept_service.hpp"
#include "service/system/rules.hpp"

namespace zc::api::system {

using http::Op;
using http::Request;
using http::Response;

static sys::DeptInput dept_input(const JsonBody& b, bool create) {
  sys::DeptInput in;
  if (!create) in.id = required_id(b, "id");
  in.parent_id = b.opt_i64("parentId").value_or(0);
  if (in.parent_id < 0) fail_bad_request("parentId: 应为正整数");
  in.dept_name = b.str("deptName", 50);
  in.order_num = b.opt_i64("orderNum").value_or(0);
  in.leader = text(b, "leader", 30);
  in.phone = text(b, "phone", 20);
  in.email = text(b, "email", 100);
  in.status = b.opt_i64("status").value_or(0);
  return in;
}

void register_dept_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::DeptService>(ctx);
  const std::string title = "部门管理";
  r.get("/system/dept/list", {.permission = "system:dept:list"},
        [svc](Request& q) { return http::ok(rows_json(svc->list(q.query, q.user()))); });
  r.get("/system/dept/treeselect", {}, [svc](Request& q) {
    auto flat = svc->treeselect(query_int(q.query, "providerId"), query_int(q.query, "propertyId"),
                                query_int(q.query, "collectiveId"), q.user());
    return http::ok(sys::build_tree(rows_json(flat), "parentId"));
  });
  r.get("/system/dept/{id}", {.permission = "system:dept:query"},
        [svc](Request& q) { return http::ok(row_json(svc->get(q.id_param("id"), q.user()))); });
  r.post("/system/dept", {.permission = "system:dept:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(dept_input(b, true), q.user())));
         });
  r.put("/system/dept", {.permission = "system:dept:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(dept_input(b, false), q.user());
          return http::ok();
        });
  r.del("/system/dept/{id}", {.permission = "system:dept:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_param("id"), q.user());
          return http::ok();
        });
}

static sys::PostInput post_input(const JsonBody& b, bool create) {
  sys::PostInput in;
  if (!create) in.id = required_id(b, "id");
  in.dept_id = required_id(b, "deptId");
  in.post_code = text(b, "postCode", 64);
  in.post_name = b.str("postName", 50);
  in.order_num = b.opt_i64("orderNum").value_or(0);
  in.status = b.opt_i64("status").value_or(0);
  in.remark = text(b, "remark", 500, TextKind::multiline);
  return in;
}

void register_post_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::PostService>(ctx);
  const std::string title = "岗位管理";
  r.get("/system/post/list", {.permission = "system:post:list"},
        [svc](Request& q) { return rows_response(svc->list(q.query, q.user())); });
  r.get("/system/post/options", {},
        [svc](Request& q) { return http::ok(rows_json(svc->options(q.query, q.user()))); });
  r.get("/system/post/{id}", {.permission = "system:post:query"},
        [svc](Request& q) { return http::ok(row_json(svc->get(q.id_param("id"), q.user()))); });
  r.post("/system/post", {.permission = "system:post:add", .log_title = title, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->create(post_input(b, true), q.user())));
         });
  r.put("/system/post", {.permission = "system:post:edit", .log_title = title, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->update(post_input(b, false), q.user());
          return http::ok();
        });
  r.del("/system/post/{ids}", {.permission = "system:post:remove", .log_title = title, .op = Op::remove},
        [svc](Request& q) {
          svc->remove(q.id_list_param("ids"), q.user());
          return http::ok();
        });
}

}  // namespace zc::api::system
