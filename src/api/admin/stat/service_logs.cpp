// /stat/call (STAT-CALL) and /stat/fault (STAT-FAULT) (docs/api-stat.md).
#include "api/admin/stat/register.hpp"
#include "api/admin/station/common.hpp"
#include "api/admin/system/common.hpp"

namespace zc::api {

using http::Op;
using http::Request;
using system::id_data;
using system::required_id;
using system::rows;
using system::text;

static db::stat::CallFields call_fields(const JsonBody& b) {
  db::stat::CallFields f;
  f.caller_name = text(b, "callerName", 20);
  f.caller_phone = text(b, "callerPhone", 20);
  f.agent_name = text(b, "agentName", 20);
  f.agent_phone = text(b, "agentPhone", 20);
  f.call_time = b.i64("callTime");
  f.content = text(b, "content", 1000, TextKind::multiline);
  return f;
}

static db::stat::FaultFields fault_fields(const JsonBody& b) {
  db::stat::FaultFields f;
  f.reporter_name = text(b, "reporterName", 20);
  f.reporter_phone = text(b, "reporterPhone", 20);
  f.repairer_name = text(b, "repairerName", 20);
  f.repairer_phone = text(b, "repairerPhone", 20);
  f.summary = b.str("summary", 100);
  f.detail = text(b, "detail", 2000, TextKind::multiline);
  f.solution = text(b, "solution", 2000, TextKind::multiline);
  f.state = text(b, "state", 12);
  f.order_no = text(b, "orderNo", 40);
  auto type = b.opt_str("deviceType", 16);
  if (type && !type->empty()) f.device_type = *type;
  f.device_id = b.opt_i64("deviceId");
  return f;
}

static QueryParams body_filters(const Request& q) {
  return station::filters_of(JsonBody::parse(q.body.empty() ? "{}" : q.body));
}

void register_service_log_routes(http::Router& r, stat::ServiceLogContext ctx) {
  auto svc = std::make_shared<stat::ServiceLogService>(ctx);
  const std::string calls = "接听记录", faults = "故障记录";
  r.get("/stat/call/list", {.permission = "stat:call:list"},
        [svc](Request& q) { return rows(svc->calls(q.query, q.user())); });
  r.get("/stat/call/{id}", {.permission = "stat:call:query"},
        [svc](Request& q) { return http::ok(svc->call(q.id_param("id"), q.user())); });
  r.post("/stat/call", {.permission = "stat:call:add", .log_title = calls, .op = Op::add}, [svc](Request& q) {
    auto b = JsonBody::parse(q.body);
    return http::ok(id_data(svc->add_call(b.opt_i64("propertyId"), call_fields(b), q.user())));
  });
  r.put("/stat/call", {.permission = "stat:call:edit", .log_title = calls, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->edit_call(required_id(b, "id"), call_fields(b), q.user());
          return http::ok();
        });
  r.post("/stat/call/export",
         {.permission = "stat:call:export", .log_title = calls + "-导出", .op = Op::other},
         [svc](Request& q) {
           return http::ok(station::job_data(svc->export_calls(body_filters(q), q.user())));
         });

  r.get("/stat/fault/list", {.permission = "stat:fault:list"},
        [svc](Request& q) { return rows(svc->faults(q.query, q.user())); });
  r.get("/stat/fault/{id}", {.permission = "stat:fault:query"},
        [svc](Request& q) { return http::ok(svc->fault(q.id_param("id"), q.user())); });
  r.post("/stat/fault", {.permission = "stat:fault:add", .log_title = faults, .op = Op::add},
         [svc](Request& q) {
           auto b = JsonBody::parse(q.body);
           return http::ok(id_data(svc->add_fault(b.opt_i64("propertyId"), fault_fields(b), q.user())));
         });
  r.put("/stat/fault", {.permission = "stat:fault:edit", .log_title = faults, .op = Op::edit},
        [svc](Request& q) {
          auto b = JsonBody::parse(q.body);
          svc->edit_fault(required_id(b, "id"), fault_fields(b), q.user());
          return http::ok();
        });
  r.post("/stat/fault/export",
         {.permission = "stat:fault:export", .log_title = faults + "-导出", .op = Op::other},
         [svc](Request& q) {
           return http::ok(station::job_data(svc->export_faults(body_filters(q), q.user())));
         });
}

}  // namespace zc::api
