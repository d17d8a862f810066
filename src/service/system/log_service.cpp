#include "service/system/log_service.hpp"

#include "core/error.hpp"
#include "storage/repositories/system_log.hpp"

namespace zc::sys {

db::Page LogService::login_log(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).login_log(q, p.scope); });
}

db::Page LogService::oper_log(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).oper_log(q, p.scope); });
}

boost::json::object LogService::oper_detail(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](db::Connection& c) { return db::sys::LogRepo(c).oper_detail(id, p.scope); });
  if (!row) fail_not_found("操作日志不存在");
  return *row;
}

}  // namespace zc::sys
