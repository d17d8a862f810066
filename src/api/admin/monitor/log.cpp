// /monitor/logininfor and /monitor/operlog list pages.
#include "api/admin/system/common.hpp"
#include "service/system/log_service.hpp"

namespace zc::api::system {

using http::Request;

void register_log_routes(http::Router& r, sys::SystemContext ctx) {
  auto svc = std::make_shared<sys::LogService>(ctx);
  r.get("/monitor/logininfor/list", {.permission = "monitor:logininfor:list"},
        [svc](Request& q) { return rows(svc->login_log(q.query, q.user())); });
  r.get("/monitor/operlog/list", {.permission = "monitor:operlog:list"},
        [svc](Request& q) { return rows(svc->oper_log(q.query, q.user())); });
  r.get("/monitor/operlog/{id}", {.permission = "monitor:operlog:query"},
        [svc](Request& q) { return http::ok(svc->oper_detail(q.id_param("id"), q.user())); });
}

}  // namespace zc::api::system
