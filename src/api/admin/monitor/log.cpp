// /monitor/logininfor and /monitor/operlog: lists, exports, clearing, unlocking an account.
#include "api/admin/station/common.hpp"
#include "api/admin/system/common.hpp"
#include "api/row_json.hpp"
#include "service/system/log_service.hpp"

namespace zc::api::system {

using http::Op;
using http::Request;

namespace {

QueryParams body_filters(const Request& q) {
  return station::filters_of(JsonBody::parse(q.body.empty() ? "{}" : q.body));
}

boost::json::object removed(int64_t n) {
  boost::json::object o;
  o["removed"] = n;
  return o;
}

}  // namespace

void register_log_routes(http::Router& r, sys::SystemContext ctx, exports::ExportJobs& jobs) {
  auto svc = std::make_shared<sys::LogService>(ctx, jobs);
  r.get("/monitor/logininfor/list", {.permission = "monitor:logininfor:list"},
        [svc](Request& q) { return rows_response(svc->login_log(q.query, q.user())); });
  r.post("/monitor/logininfor/export",
         {.permission = "monitor:logininfor:export", .log_title = "登录日志-导出", .op = Op::other},
         [svc](Request& q) {
           return http::ok(station::job_data(svc->export_login_log(body_filters(q), q.user())));
         });
  // Written to the operation log after the rows are gone: the log of a clear is its first row.
  r.del("/monitor/logininfor/clean",
        {.permission = "monitor:logininfor:remove", .log_title = "登录日志-清空", .op = Op::remove},
        [svc](Request& q) { return http::ok(removed(svc->clear_login_log(q.user()))); });
  r.put("/monitor/logininfor/unlock/{userName}",
        {.permission = "monitor:logininfor:unlock", .log_title = "登录日志-账户解锁", .op = Op::other},
        [svc](Request& q) {
          svc->unlock(q.param("userName"), q.user());
          return http::ok();
        });
  r.get("/monitor/operlog/list", {.permission = "monitor:operlog:list"},
        [svc](Request& q) { return rows_response(svc->oper_log(q.query, q.user())); });
  r.post("/monitor/operlog/export",
         {.permission = "monitor:operlog:export", .log_title = "操作日志-导出", .op = Op::other},
         [svc](Request& q) {
           return http::ok(station::job_data(svc->export_oper_log(body_filters(q), q.user())));
         });
  r.del("/monitor/operlog/clean",
        {.permission = "monitor:operlog:remove", .log_title = "操作日志-清空", .op = Op::remove},
        [svc](Request& q) { return http::ok(removed(svc->clear_oper_log(q.user()))); });
  r.get("/monitor/operlog/{id}", {.permission = "monitor:operlog:query"},
        [svc](Request& q) { return http::ok(row_json(svc->oper_detail(q.id_param("id"), q.user()))); });
}

}  // namespace zc::api::system
