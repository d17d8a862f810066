#include "service/stat/service_logs.hpp"

#include "core/error.hpp"
#include "service/export/list_export.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"

namespace zc::stat {

namespace json = boost::json;
using db::stat::ServiceLogRepo;

static void check_call(const db::stat::CallFields& f) {
  sys::check_contact_phone("callerPhone", f.caller_phone);
  sys::check_contact_phone("agentPhone", f.agent_phone);
  if (f.call_time <= 0) fail_bad_request("callTime: 不能为空");
}

// The fault's rules; a linked device must be the property's (found in the caller's scope). 400 naming the
// field.
static void check_fault(db::Connection& c, const db::stat::FaultFields& f, int64_t property_id,
                        const Principal& p) {
  sys::check_contact_phone("reporterPhone", f.reporter_phone);
  sys::check_contact_phone("repairerPhone", f.repairer_phone);
  if (f.state != "open" && f.state != "repairing" && f.state != "solved")
    fail_bad_request("state: 只能是open、repairing或solved");
  if (f.state == "solved" && f.solution.empty()) fail_bad_request("solution: 已解决的故障须填写解决方案");
  if (f.device_type || f.device_id) {
    if (!f.device_type || !f.device_id || (*f.device_type != "car_pile" && *f.device_type != "bike_device"))
      fail_bad_request("deviceType: 关联设备须同时给出car_pile或bike_device与设备id");
    auto owner = ServiceLogRepo(c).device_property(*f.device_type, *f.device_id, p.scope);
    if (!owner || *owner != property_id) fail_bad_request("deviceId: 设备不存在或不属于该物业");
  }
}

db::Page ServiceLogService::calls(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return ServiceLogRepo(c).calls(q, p.scope); });
}

json::object ServiceLogService::call(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return ServiceLogRepo(c).call(id, p.scope); });
  if (!row) fail_not_found("接听记录不存在");
  return *row;
}

int64_t ServiceLogService::add_call(std::optional<int64_t> property_id, const db::stat::CallFields& f,
                                    const Principal& p) {
  check_call(f);
  return ctx_.db.write([&](db::Connection& c) {
    sys::Owner owner = sys::property_owner(c, property_id, p);
    return ServiceLogRepo(c).insert_call(owner.provider_id, owner.property_id, f, p.user_name,
                                         ctx_.clock.now());
  });
}

void ServiceLogService::edit_call(int64_t id, const db::stat::CallFields& f, const Principal& p) {
  check_call(f);
  ctx_.db.write([&](db::Connection& c) {
    ServiceLogRepo repo(c);
    if (!repo.call(id, p.scope)) fail_not_found("接听记录不存在");
    repo.update_call(id, f, p.user_name, ctx_.clock.now());
  });
}

std::string ServiceLogService::export_calls(const QueryParams& filters, const Principal& p) {
  exports::ListExport plan{db::stat::call_log_spec(),
                           "l.id",
                           {{"物业", "propertyName", XlsxKind::text, 20},
                            {"用户姓名", "callerName", XlsxKind::text, 12},
                            {"电话", "callerPhone", XlsxKind::text, 16},
                            {"客服姓名", "agentName", XlsxKind::text, 12},
                            {"客服电话", "agentPhone", XlsxKind::text, 16},
                            {"通话时间", "callTime", XlsxKind::datetime_ms, 20},
                            {"通话内容", "content", XlsxKind::text, 60}},
                           "接听记录",
                           "接听记录.xlsx"};
  return exports::start_list_export(ctx_.db, ctx_.jobs, p, std::move(plan), filters);
}

db::Page ServiceLogService::faults(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return ServiceLogRepo(c).faults(q, p.scope); });
}

json::object ServiceLogService::fault(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return ServiceLogRepo(c).fault(id, p.scope); });
  if (!row) fail_not_found("故障记录不存在");
  return *row;
}

int64_t ServiceLogService::add_fault(std::optional<int64_t> property_id, db::stat::FaultFields f,
                                     const Principal& p) {
  if (f.state.empty()) f.state = "open";
  return ctx_.db.write([&](db::Connection& c) {
    sys::Owner owner = sys::property_owner(c, property_id, p);
    check_fault(c, f, owner.property_id, p);
    return ServiceLogRepo(c).insert_fault(owner.provider_id, owner.property_id, f, p.user_name,
                                          ctx_.clock.now());
  });
}

void ServiceLogService::edit_fault(int64_t id, db::stat::FaultFields f, const Principal& p) {
  ctx_.db.write([&](db::Connection& c) {
    ServiceLogRepo repo(c);
    auto old = repo.fault(id, p.scope);
    if (!old) fail_not_found("故障记录不存在");
    if (f.state.empty()) f.state = std::string(old->at("state").as_string());
    check_fault(c, f, old->at("propertyId").as_int64(), p);
    repo.update_fault(id, f, p.user_name, ctx_.clock.now());
  });
}

std::string ServiceLogService::export_faults(const QueryParams& filters, const Principal& p) {
  exports::ListExport plan{db::stat::fault_spec(),
                           "f.id",
                           {{"物业", "propertyName", XlsxKind::text, 20},
                            {"用户姓名", "reporterName", XlsxKind::text, 12},
                            {"电话", "reporterPhone", XlsxKind::text, 16},
                            {"维修员姓名", "repairerName", XlsxKind::text, 12},
                            {"维修员电话", "repairerPhone", XlsxKind::text, 16},
                            {"故障简介", "summary", XlsxKind::text, 30},
                            {"故障详情", "detail", XlsxKind::text, 50},
                            {"解决方案", "solution", XlsxKind::text, 40},
                            {"状态",
                             "state",
                             XlsxKind::text,
                             10,
                             {{"open", "待处理"}, {"repairing", "维修中"}, {"solved", "已解决"}}},
                            {"设备编号", "deviceCode", XlsxKind::text, 18},
                            {"创建时间", "createTime", XlsxKind::datetime_ms, 20}},
                           "故障记录",
                           "故障记录.xlsx"};
  return exports::start_list_export(ctx_.db, ctx_.jobs, p, std::move(plan), filters);
}

}  // namespace zc::stat
